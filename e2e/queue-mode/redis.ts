/**
 * A throwaway Redis from the machine's Debian package (`redis-server`), started by the test on
 * loopback with no persistence, and stopped by its own PID: by the test, or by a watchdog once the
 * test's process is gone (Redis runs in its own process group, which Ctrl-C does not reach).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { findFreePort } from '../lib/ports';
import { missingDebianPackage } from '../lib/system-packages';
import { stopWhenGone } from '../lib/watchdog';

export interface RedisServer {
	host: string;
	port: number;
	logFile: string;
	stop(): Promise<void>;
}

const REDIS_BINARIES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

export function redisServerPath(): string {
	const found = REDIS_BINARIES.find((candidate) => existsSync(candidate));
	if (!found) throw missingDebianPackage('redis-server (Redis)');
	return found;
}

function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
		socket.setTimeout(1000);
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
		socket.once('error', () => resolve(false));
	});
}

export async function startRedis(logDir: string): Promise<RedisServer> {
	const port = await findFreePort();
	const logFile = path.join(logDir, 'redis.log');
	const out = openSync(logFile, 'a');
	const child = spawn(
		redisServerPath(),
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'yes', '--dir', logDir],
		{ stdio: ['ignore', out, out], detached: true },
	);
	closeSync(out);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const watchdog = child.pid === undefined ? undefined : stopWhenGone(['kill', '-TERM', String(child.pid)]);
	void exited.then(() => watchdog?.cancel());
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
		await exited;
	};
	for (let attempt = 0; attempt < 100; attempt++) {
		if (child.exitCode !== null) break;
		if (await ping(port)) return { host: '127.0.0.1', port, logFile, stop };
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	await stop();
	throw new Error(`redis-server did not start (log: ${logFile}):\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
}
