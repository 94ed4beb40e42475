/** Which executions a worker ran, read from its log. */

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
