/**
 * A worker killed in the middle of an execution, as a crash or an OOM kill would take it down, and
 * started again; with queue timings short enough that n8n notices the dead worker within a test.
 */
import type { N8nWorker } from './n8n-worker';
import { waitFor } from '../lib/wait-for';
import { unfinishedExecutions } from './worker-executions';

/**
 * Shorter than n8n's defaults (lock 60 s, stall check 30 s, recovery every 180 min) so a dead
 * worker's job is noticed within the test; the behaviour is the same.
 */
export const QUICK_RECOVERY_ENV: Record<string, string> = {
	QUEUE_WORKER_LOCK_DURATION: '30000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '10000',
	QUEUE_WORKER_STALLED_INTERVAL: '10000',
	N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
};

export interface WorkerInMidRun {
	worker: N8nWorker;
	executionId: string;
}

/** The first worker found running an execution while `midRun()` holds (e.g. "it has begun marking orders"). */
export async function workerInMidRun(workers: N8nWorker[], midRun: () => boolean, timeoutMs = 10 * 60_000): Promise<WorkerInMidRun> {
	return await waitFor(
		'a worker running an execution',
		async () => {
			for (const worker of workers) {
				const [executionId] = unfinishedExecutions(worker.readLog());
				if (executionId !== undefined && midRun()) return { worker, executionId };
			}
			return undefined;
		},
		{ timeoutMs, intervalMs: 100 },
	);
}

/** SIGKILL to the worker's process group, a pause, and the same worker started again (same log file). */
export async function killAndRestart(worker: N8nWorker, downMs = 5000): Promise<void> {
	await worker.current!.kill();
	await new Promise((resolve) => setTimeout(resolve, downMs));
	await worker.start();
}
