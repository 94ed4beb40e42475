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
import { missingDebianPackage } from '../lib/system-packages';
import { stopWhenGone } from '../lib/watchdog';

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
		throw missingDebianPackage('PostgreSQL (no /usr/lib/postgresql/*/bin/pg_ctl)');
	}
	return path.join(root, versions[0] as string, 'bin');
}

function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** util-linux's runuser, looked up where Debian puts it: root's PATH may lack /usr/sbin (e.g. `su` without `-`). */
function runuserPath(): string {
	const found = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser', '/bin/runuser'].find((candidate) => existsSync(candidate));
	if (!found) throw new Error('PostgreSQL refuses to run as root and runuser (Debian package util-linux), which runs it as the postgres user, is not in /usr/sbin or /sbin');
	return found;
}

/** How to run a server command: as the `postgres` user when we are root, else as ourselves. */
function serverCommandRunner(): (command: string, args: string[]) => [string, string[]] {
	if (!isRoot()) return (command, args) => [command, args];
	const runuser = runuserPath();
	return (command, args) => [runuser, ['-u', 'postgres', '--', command, ...args]];
}

/**
 * Starts the server. Its folder (the cluster, and the password file until initdb has read it) is
 * removed on every failure here, by `stop()`, or by a watchdog once the test's process is gone: the
 * server runs in a session of its own, which neither Ctrl-C nor a killed jest worker reaches.
 */
export async function startPostgres(): Promise<PostgresServer> {
	const bin = postgresBinDir();
	const asServerUser = serverCommandRunner();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
	const dataDir = path.join(dir, 'data');
	const [pgCtlStop, pgCtlStopArgs] = asServerUser(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
	const watchdog = stopWhenGone(['sh', '-c', '"$@" >/dev/null 2>&1; rm -rf -- "$0"', dir, pgCtlStop, ...pgCtlStopArgs]);
	const stop = async () => {
		watchdog.cancel();
		await runCommandOrThrow('stopping PostgreSQL', pgCtlStop, pgCtlStopArgs, { timeoutMs: 90_000 }).catch(() => undefined);
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		return await initAndStart(bin, dir, dataDir, asServerUser, stop);
	} catch (error) {
		await stop();
		throw error;
	}
}

async function initAndStart(
	bin: string,
	dir: string,
	dataDir: string,
	asServerUser: ReturnType<typeof serverCommandRunner>,
	stop: () => Promise<void>,
): Promise<PostgresServer> {
	const socketDir = path.join(dir, 'socket');
	const logFile = path.join(dir, 'postgres.log');
	const passwordFile = path.join(dir, 'password');
	const user = 'n8n';
	const password = randomBytes(12).toString('hex');
	const database = 'n8n';
	mkdirSync(socketDir);
	if (isRoot()) {
		execFileSync('chown', ['-R', 'postgres:postgres', dir]);
		chmodSync(dir, 0o700);
	}
	const port = await findFreePort();
	writeFileSync(passwordFile, password, { mode: 0o600 });
	if (isRoot()) execFileSync('chown', ['postgres:postgres', passwordFile]);
	const [initdb, initdbArgs] = asServerUser(path.join(bin, 'initdb'), [
		'-D', dataDir,
		'-U', user,
		`--pwfile=${passwordFile}`,
		'--auth-host=scram-sha-256',
		'--auth-local=peer',
		'-E', 'UTF8',
		'--locale=C',
	]);
	try {
		await runCommandOrThrow('initdb', initdb, initdbArgs, { timeoutMs: 120_000 });
	} finally {
		rmSync(passwordFile, { force: true });
	}
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
	await runCommandOrThrow('creating the n8n database', 'psql', ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${database}`], {
		env: { ...process.env, PGPASSWORD: password },
		timeoutMs: 60_000,
	});
	return { host: '127.0.0.1', port, database, user, password, logFile, stop };
}
