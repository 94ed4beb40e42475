/**
 * `n8n worker` in the background: like e2e/lib/n8n-server.ts's `n8n start`, in its own process
 * group under coreutils `timeout`, so that `kill()` can take the worker down hard (SIGKILL to the
 * group: n8n and its task runner, as a crash or an OOM kill would) and `start` can bring it back.
 * Readiness comes from the worker's health server (QUEUE_HEALTH_CHECK_*), on the instance's port.
 */
import axios from 'axios';
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { n8nBinPath } from '../lib/n8n-host';
import type { N8nInstance } from '../lib/n8n-instance';
import { node24 } from '../lib/node24';
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

function logTail(logFile: string, lines = 60): string {
	try {
		return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
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
			const out = openSync(logFile, 'a');
			const child = spawn(
				'timeout',
				[
					'--foreground',
					'--signal=TERM',
					'--kill-after=30',
					String(options.maxLifetimeSeconds),
					node24().nodePath,
					n8nBinPath,
					'worker',
					`--concurrency=${options.concurrency}`,
				],
				{ cwd: instance.workDir, env: instance.env, detached: true, stdio: ['ignore', out, out] },
			);
			closeSync(out);
			const pid = child.pid;
			if (pid === undefined) throw new Error('n8n worker: could not spawn `timeout` (coreutils)');
			const exited = new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) resolve();
				else child.once('exit', () => resolve());
			});
			let gone = false;
			void exited.then(() => {
				gone = true;
			});
			const signal = async (name: NodeJS.Signals, group: boolean) => {
				if (!gone) {
					try {
						process.kill(group ? -pid : pid, name);
					} catch {
						// Already gone.
					}
				}
				await exited;
			};
			const running: N8nWorkerProcess = { pid, exited, stop: () => signal('SIGTERM', false), kill: () => signal('SIGKILL', true) };
			const deadline = Date.now() + 180_000;
			while (Date.now() < deadline && !gone) {
				try {
					const response = await axios.get(`${instance.baseUrl}/healthz/readiness`, { timeout: 2000, validateStatus: () => true });
					if (response.status === 200) {
						worker.current = running;
						return running;
					}
				} catch {
					// Not listening yet.
				}
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
			await running.stop();
			throw new Error(`n8n worker ${gone ? 'exited' : 'was not ready in time'} (log: ${logFile})\n${logTail(logFile)}`);
		},
	};
	return worker;
}
