/**
 * A throwaway PostgreSQL server from the machine's Debian packages (`postgresql`), started by the
 * test itself: a fresh cluster in a temp folder, listening on loopback only, with fsync off (the
 * data is thrown away). PostgreSQL refuses to run as root, so under root every server command runs
 * as the `postgres` OS user the Debian package creates.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../lib/ports';
import { runCommandOrThrow } from '../lib/run-command';

export interface PostgresServer {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	logFile: string;
	stop(): Promise<void>;
}

/** The newest installed server's bin folder, e.g. /usr/lib/postgresql/15/bin. */
export function postgresBinDir(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((entry) => /^\d+$/.test(entry) && existsSync(path.join(root, entry, 'bin', 'pg_ctl')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length === 0) {
		throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl). Install it: apt-get install -y postgresql');
	}
	return path.join(root, versions[0] as string, 'bin');
}

function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs a server command as the `postgres` user when we are root, else as ourselves. */
function asServerUser(command: string, args: string[]): [string, string[]] {
	return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export async function startPostgres(): Promise<PostgresServer> {
	const bin = postgresBinDir();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
	const dataDir = path.join(dir, 'data');
	const socketDir = path.join(dir, 'socket');
	const logFile = path.join(dir, 'postgres.log');
	const passwordFile = path.join(dir, 'password');
	const user = 'n8n';
	const password = randomBytes(12).toString('hex');
	const database = 'n8n';
	writeFileSync(passwordFile, password);
	mkdirSync(socketDir);
	if (isRoot()) {
		execFileSync('chown', ['-R', 'postgres:postgres', dir]);
		chmodSync(dir, 0o700);
	}
	const port = await findFreePort();
	const [initdb, initdbArgs] = asServerUser(path.join(bin, 'initdb'), [
		'-D', dataDir,
		'-U', user,
		`--pwfile=${passwordFile}`,
		'--auth-host=scram-sha-256',
		'--auth-local=peer',
		'-E', 'UTF8',
		'--locale=C',
	]);
	await runCommandOrThrow('initdb', initdb, initdbArgs, { timeoutMs: 120_000 });
	rmSync(passwordFile, { force: true });
	const serverOptions = [
		`-p ${port}`,
		`-k ${socketDir}`,
		'-c listen_addresses=127.0.0.1',
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
		'-c max_connections=100',
	].join(' ');
	const [pgCtl, startArgs] = asServerUser(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
	await runCommandOrThrow('starting PostgreSQL', pgCtl, startArgs, { timeoutMs: 90_000 });
	const server: PostgresServer = {
		host: '127.0.0.1',
		port,
		database,
		user,
		password,
		logFile,
		stop: async () => {
			const [command, args] = asServerUser(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
			await runCommandOrThrow('stopping PostgreSQL', command, args, { timeoutMs: 90_000 }).catch(() => undefined);
			rmSync(dir, { recursive: true, force: true });
		},
	};
	try {
		await runCommandOrThrow('creating the n8n database', 'psql', ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${database}`], {
			env: { ...process.env, PGPASSWORD: password },
			timeoutMs: 60_000,
		});
	} catch (error) {
		await server.stop();
		throw error;
	}
	return server;
}
