import axios from 'axios';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { n8nBinPath } from './n8n-host';
import type { N8nInstance } from './n8n-instance';
import { node24 } from './node24';
import { assertPortFree } from './ports';

export interface N8nServer {
	baseUrl: string;
	/** PID of the `timeout` wrapper that runs n8n (and forwards signals to it). */
	pid: number;
	logFile: string;
	/** The server's output so far (for failure messages and the secret scan). */
	readLog(): string;
	/** Settles when the n8n process has exited, for whatever reason. */
	exited: Promise<void>;
	/** SIGTERM and wait for a clean shutdown; SIGKILL follows from the wrapper after 30 s. Idempotent. */
	stop(): Promise<void>;
}

function logTail(logFile: string, lines = 60): string {
	try {
		return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

function exited(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve();
		else child.once('exit', () => resolve());
	});
}

/**
 * `n8n start` in the background, ready to serve. It runs in its own session (Ctrl-C on a terminal
 * reaches only our process, which then stops n8n in order) under coreutils `timeout`, which forwards
 * our SIGTERM to n8n, kills it 30 s later if it hangs, and ends it after `maxLifetimeSeconds` should
 * this process die without stopping it (0 = no limit, for the demo). `--foreground` makes the
 * wrapper signal n8n once: without it n8n also gets the group's copy, and a second SIGTERM cuts its
 * graceful shutdown short (n8n listens with `process.once`); n8n stops its own task runner.
 */
export async function startN8nServer(
	instance: N8nInstance,
	options: { maxLifetimeSeconds: number; readyTimeoutMs?: number } = { maxLifetimeSeconds: 1800 },
): Promise<N8nServer> {
	await assertPortFree(instance.port, 'n8n HTTP port');
	await assertPortFree(instance.brokerPort, 'n8n task broker port');
	const logFile = path.join(instance.logsDir, 'n8n-start.log');
	const out = openSync(logFile, 'a');
	const child = spawn(
		'timeout',
		['--foreground', '--signal=TERM', '--kill-after=30', String(options.maxLifetimeSeconds), node24().nodePath, n8nBinPath, 'start'],
		{ cwd: instance.workDir, env: instance.env, detached: true, stdio: ['ignore', out, out] },
	);
	closeSync(out);
	const pid = child.pid;
	if (pid === undefined) throw new Error('n8n start: could not spawn `timeout` (coreutils)');
	const whenExited = exited(child);
	let stopping: Promise<void> | undefined;
	const server: N8nServer = {
		baseUrl: instance.baseUrl,
		pid,
		logFile,
		exited: whenExited,
		readLog: () => readFileSync(logFile, 'utf8'),
		stop: () => {
			stopping ??= (async () => {
				if (child.exitCode === null && child.signalCode === null) {
					try {
						process.kill(pid, 'SIGTERM');
					} catch {
						// Already gone.
					}
				}
				await whenExited;
			})();
			return stopping;
		},
	};

	const deadline = Date.now() + (options.readyTimeoutMs ?? 180_000);
	let exitedEarly = false;
	void whenExited.then(() => {
		exitedEarly = true;
	});
	while (Date.now() < deadline && !exitedEarly) {
		try {
			const response = await axios.get(`${instance.baseUrl}/healthz/readiness`, { timeout: 2000, validateStatus: () => true });
			if (response.status === 200) return server;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await server.stop();
	const why = exitedEarly ? `exited with ${child.exitCode ?? child.signalCode}` : 'was not ready in time';
	throw new Error(`n8n start ${why} (log: ${logFile})\n${logTail(logFile)}`);
}
