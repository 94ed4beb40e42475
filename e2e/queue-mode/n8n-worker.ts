/**
 * `n8n worker` in the background: started like `n8n start` (e2e/lib/n8n-server.ts spawnN8n), in
 * its own process group under coreutils `timeout`, so that `kill()` can take the worker down hard (SIGKILL to the
 * group: n8n and its task runner, as a crash or an OOM kill would) and `start` can bring it back.
 * Readiness comes from the worker's health server (QUEUE_HEALTH_CHECK_*), on the instance's port.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { N8nInstance } from '../lib/n8n-instance';
import { logTail, spawnN8n, waitUntilReady } from '../lib/n8n-server';
import { assertPortFree } from '../lib/ports';

export interface N8nWorkerProcess {
	/** PID of the `timeout` wrapper, which leads the worker's process group. */
	pid: number;
	exited: Promise<void>;
	/** SIGTERM: n8n's graceful shutdown (waits for running executions up to QUEUE_WORKER_TIMEOUT). */
	stop(): Promise<void>;
	/** SIGKILL to the whole group: no shutdown, running executions die with it. */
	kill(): Promise<void>;
}

export interface N8nWorker {
	instance: N8nInstance;
	logFile: string;
	readLog(): string;
	current?: N8nWorkerProcess;
	start(): Promise<N8nWorkerProcess>;
}

export function createN8nWorker(instance: N8nInstance, options: { concurrency: number; maxLifetimeSeconds: number }): N8nWorker {
	const logFile = path.join(instance.logsDir, 'n8n-worker.log');
	const worker: N8nWorker = {
		instance,
		logFile,
		readLog: () => readFileSync(logFile, 'utf8'),
		start: async () => {
			await assertPortFree(instance.port, 'n8n worker health port');
			await assertPortFree(instance.brokerPort, 'n8n worker task broker port');
			const n8n = spawnN8n(instance, ['worker', `--concurrency=${options.concurrency}`], logFile, options.maxLifetimeSeconds);
			const running: N8nWorkerProcess = {
				pid: n8n.pid,
				exited: n8n.exited,
				stop: () => n8n.signal('SIGTERM'),
				kill: () => n8n.signal('SIGKILL', true),
			};
			if (await waitUntilReady(instance, n8n, 180_000)) {
				worker.current = running;
				return running;
			}
			const why = n8n.hasExited() ? 'exited' : 'was not ready in time';
			await running.stop();
			throw new Error(`n8n worker ${why} (log: ${logFile})\n${logTail(logFile)}`);
		},
	};
	return worker;
}
