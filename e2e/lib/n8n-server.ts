import axios from 'axios';
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { n8nBinPath } from './n8n-host';
import type { N8nInstance } from './n8n-instance';
import { node24 } from './node24';
import { assertPortFree } from './ports';
import { stopWhenGone } from './watchdog';

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

/** The last lines of a log file, for failure messages. */
export function logTail(logFile: string, lines = 60): string {
	try {
		return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/** One n8n command running in the background (see spawnN8n). */
export interface N8nProcess {
	/** PID of the `timeout` wrapper, which leads the process group of n8n and its task runner. */
	pid: number;
	/** Settles when the process has exited, for whatever reason. */
	exited: Promise<void>;
	hasExited(): boolean;
	/** How it exited, for messages. */
	exitDescription(): string;
	/** Sends a signal to the wrapper (which forwards it to n8n) or to the whole group; waits for the exit. */
	signal(name: NodeJS.Signals, wholeGroup?: boolean): Promise<void>;
}

/**
 * An n8n command (`start`, `worker`, ...) in the background, its output appended to `logFile`. It
 * runs in its own session (Ctrl-C on a terminal reaches only our process, which then stops n8n in
 * order) under coreutils `timeout`, which forwards our SIGTERM to n8n, kills it 30 s later if it
 * hangs, and ends it after `maxLifetimeSeconds` should this process die without stopping it (0 = no
 * limit, for the demo). `--foreground` makes the wrapper signal n8n once: without it n8n also gets
 * the group's copy, and a second SIGTERM cuts its graceful shutdown short (n8n listens with
 * `process.once`); n8n stops its own task runner. Should this process go without stopping it, a
 * watchdog sends the SIGTERM.
 */
export function spawnN8n(instance: N8nInstance, n8nArgs: string[], logFile: string, maxLifetimeSeconds: number): N8nProcess {
	const out = openSync(logFile, 'a');
	const child = spawn(
		'timeout',
		['--foreground', '--signal=TERM', '--kill-after=30', String(maxLifetimeSeconds), node24().nodePath, n8nBinPath, ...n8nArgs],
		{ cwd: instance.workDir, env: instance.env, detached: true, stdio: ['ignore', out, out] },
	);
	closeSync(out);
	const pid = child.pid;
	if (pid === undefined) throw new Error(`n8n ${n8nArgs[0]}: could not spawn \`timeout\` (coreutils)`);
	const hasExited = () => child.exitCode !== null || child.signalCode !== null;
	const exited = new Promise<void>((resolve) => {
		if (hasExited()) resolve();
		else child.once('exit', () => resolve());
	});
	const watchdog = stopWhenGone(['kill', '-TERM', String(pid)]);
	void exited.then(() => watchdog.cancel());
	return {
		pid,
		exited,
		hasExited,
		exitDescription: () => `exited with ${child.exitCode ?? child.signalCode}`,
		signal: async (name, wholeGroup = false) => {
			if (!hasExited()) {
				try {
					process.kill(wholeGroup ? -pid : pid, name);
				} catch {
					// Already gone.
				}
			}
			await exited;
		},
	};
}

/** Polls n8n's readiness endpoint until it answers 200 (true), the process exits or time runs out (false). */
export async function waitUntilReady(instance: N8nInstance, n8n: N8nProcess, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline && !n8n.hasExited()) {
		try {
			const response = await axios.get(`${instance.baseUrl}/healthz/readiness`, { timeout: 2000, validateStatus: () => true });
			if (response.status === 200) return true;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return false;
}

/** `n8n start` in the background (see spawnN8n), ready to serve. */
export async function startN8nServer(
	instance: N8nInstance,
	options: { maxLifetimeSeconds: number; readyTimeoutMs?: number } = { maxLifetimeSeconds: 1800 },
): Promise<N8nServer> {
	await assertPortFree(instance.port, 'n8n HTTP port');
	await assertPortFree(instance.brokerPort, 'n8n task broker port');
	const logFile = path.join(instance.logsDir, 'n8n-start.log');
	const n8n = spawnN8n(instance, ['start'], logFile, options.maxLifetimeSeconds);
	let stopping: Promise<void> | undefined;
	const server: N8nServer = {
		baseUrl: instance.baseUrl,
		pid: n8n.pid,
		logFile,
		exited: n8n.exited,
		readLog: () => readFileSync(logFile, 'utf8'),
		stop: () => (stopping ??= n8n.signal('SIGTERM')),
	};
	if (await waitUntilReady(instance, n8n, options.readyTimeoutMs ?? 180_000)) return server;
	const why = n8n.hasExited() ? n8n.exitDescription() : 'was not ready in time';
	await server.stop();
	throw new Error(`n8n start ${why} (log: ${logFile})\n${logTail(logFile)}`);
}
