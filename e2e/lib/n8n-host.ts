import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { node24, node24Env } from './node24';
import { e2eWorkDir, n8nHostDir } from './paths';
import { runCommandOrThrow } from './run-command';

/** The n8n entry point inside the installed host; run it with Node 24. */
export const n8nBinPath = path.join(n8nHostDir, 'node_modules', 'n8n', 'bin', 'n8n');

const stampPath = path.join(n8nHostDir, 'node_modules', '.e2e-host-installed');
const lockDir = path.join(e2eWorkDir, 'n8n-host-install.lock');

/** What the installed node_modules must match: the lockfile and the Node ABI sqlite3 was built for. */
function installKey(): string {
	const lock = readFileSync(path.join(n8nHostDir, 'package-lock.json'));
	return createHash('sha256').update(lock).update(`\n${node24().version}\n${process.arch}`).digest('hex');
}

export function isN8nHostInstalled(): boolean {
	return existsSync(stampPath) && existsSync(n8nBinPath) && readFileSync(stampPath, 'utf8') === installKey();
}

function isProcessAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** One installer at a time (jest and the demo may start together); a dead owner's lock is taken over. */
async function withInstallLock<T>(work: () => Promise<T>): Promise<T> {
	mkdirSync(e2eWorkDir, { recursive: true });
	const ownerFile = path.join(lockDir, 'pid');
	for (;;) {
		try {
			mkdirSync(lockDir);
			writeFileSync(ownerFile, String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = Number(existsSync(ownerFile) ? readFileSync(ownerFile, 'utf8') : NaN);
			if (Number.isInteger(owner) && owner > 0 && isProcessAlive(owner)) {
				await new Promise((resolve) => setTimeout(resolve, 2000));
			} else if (!Number.isInteger(owner)) {
				// Created a moment ago, pid not written yet; give the owner a chance.
				await new Promise((resolve) => setTimeout(resolve, 500));
				if (!existsSync(ownerFile)) rmSync(lockDir, { recursive: true, force: true });
			} else {
				rmSync(lockDir, { recursive: true, force: true });
			}
		}
	}
	try {
		return await work();
	} finally {
		rmSync(lockDir, { recursive: true, force: true });
	}
}

/**
 * Installs the pinned n8n from e2e/n8n-host's lockfile unless that exact install is already there.
 * `npm ci --ignore-scripts` because kafka's install script downloads from GitHub and aborts the whole
 * install offline; then only sqlite3 is built (from source: its prebuilt download fails too).
 * Takes about 5 minutes the first time.
 */
export async function ensureN8nHost(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<string> {
	if (isN8nHostInstalled()) return n8nBinPath;
	return withInstallLock(async () => {
		if (isN8nHostInstalled()) return n8nBinPath;
		const logFile = path.join(e2eWorkDir, 'n8n-host-install.log');
		writeFileSync(logFile, '');
		const env = { ...node24Env(), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
		rmSync(stampPath, { force: true });
		const started = Date.now();
		log(`e2e: installing n8n from ${path.relative(process.cwd(), n8nHostDir) || n8nHostDir}/package-lock.json (about 5 min; log: ${logFile})`);
		await runCommandOrThrow('npm ci of the n8n host', 'npm', ['ci', '--ignore-scripts', '--no-progress'], {
			cwd: n8nHostDir,
			env,
			timeoutMs: 30 * 60_000,
			logFile,
		});
		log(`e2e: n8n packages installed after ${Math.round((Date.now() - started) / 1000)} s; building sqlite3`);
		await runCommandOrThrow('building sqlite3 for the n8n host', 'npm', ['rebuild', 'sqlite3', '--no-progress'], {
			cwd: n8nHostDir,
			env: { ...env, npm_config_ignore_scripts: 'false' },
			timeoutMs: 15 * 60_000,
			logFile,
		});
		await runCommandOrThrow('loading sqlite3 in the n8n host', node24().nodePath, ['-e', "require('sqlite3')"], {
			cwd: n8nHostDir,
			env,
			timeoutMs: 60_000,
			logFile,
		});
		writeFileSync(stampPath, installKey());
		log(`e2e: n8n host ready after ${Math.round((Date.now() - started) / 1000)} s`);
		return n8nBinPath;
	});
}
