/** Which executions a worker ran, read from its log. */
import path from 'node:path';

export interface WorkerExecutions {
	started: string[];
	finished: string[];
}

/** n8n 2.41 logs "Worker started execution 12 (job 7)" and "Worker finished execution 12 (job 7)". */
export function workerExecutions(log: string): WorkerExecutions {
	const ids = (verb: string) => [...log.matchAll(new RegExp(`Worker ${verb} execution (\\d+)`, 'g'))].map((match) => match[1] as string);
	return { started: ids('started'), finished: ids('finished') };
}

/** Executions the worker started and has not finished (as far as its log tells). */
export function unfinishedExecutions(log: string): string[] {
	const { started, finished } = workerExecutions(log);
	return started.filter((id) => !finished.includes(id));
}

/** How many executions each worker started (restarts included), by its work folder's name. */
export function executionsPerWorker(workers: Array<{ instance: { workDir: string }; readLog(): string }>): Record<string, number> {
	return Object.fromEntries(workers.map((worker) => [workerName(worker), new Set(workerExecutions(worker.readLog()).started).size]));
}

/** A worker's name in figures and messages: its work folder's, e.g. `queue-mode-worker1-…`. */
export function workerName(worker: { instance: { workDir: string } }): string {
	return path.basename(worker.instance.workDir);
}
