/**
 * n8n on a moved clock: Debian's libfaketime with an offset file (docs/lifecycle-design.md §7).
 * Every n8n process started with the returned environment (a restarted one, workers, and the JS
 * task runner, through a `node` wrapper first on PATH) reads the same offset, added to the real
 * clock, so they always agree with each other and with the sandbox clock moved by the same amount.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';
import { missingDebianPackage } from './system-packages';

export const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/** Debian's libfaketime: installed by the e2e tests' package script when missing and we are root, else a clear refusal. */
export function ensureLibfaketime(): void {
	if (existsSync(LIBFAKETIME)) return;
	const missing = () => missingDebianPackage(`libfaketime (${LIBFAKETIME}, Debian package faketime)`);
	if (process.getuid?.() !== 0) throw missing();
	spawnSync('bash', [path.join(repoRoot, '.ci', 'e2e-system-packages.sh')], { stdio: 'inherit', timeout: 600_000 });
	if (!existsSync(LIBFAKETIME)) throw missing();
}

export interface FakeClock {
	/** The environment to start n8n processes with (the given one, faked). */
	env: NodeJS.ProcessEnv;
	/** Another process's environment on the same clock (queue mode: each worker has its own). */
	fakedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
	/** Milliseconds the faked clock is ahead of the real one. */
	offsetMs(): number;
	/** Moves every faked process's clock by `ms` (whole seconds; libfaketime reads the file within 1 s). */
	advance(ms: number): void;
}

/**
 * Prepares `dir` (offset file, `node` wrapper) and returns the faked environment. n8n starts its
 * task runner as `node` from PATH with an allow-list of variables, without LD_PRELOAD: the wrapper
 * puts the Code nodes' `$now` on the same clock.
 */
export function createFakeClock(dir: string, env: NodeJS.ProcessEnv): FakeClock {
	ensureLibfaketime();
	const offsetFile = path.join(dir, 'faketime-offset');
	const wrapperDir = path.join(dir, 'faketime-bin');
	mkdirSync(wrapperDir, { recursive: true });
	let offsetMs = 0;
	const write = () => writeFileSync(offsetFile, `+${Math.round(offsetMs / 1000)}\n`);
	write();
	const faked = { LD_PRELOAD: LIBFAKETIME, FAKETIME_TIMESTAMP_FILE: offsetFile, FAKETIME_CACHE_DURATION: '1' };
	const realNode = spawnSync('sh', ['-c', 'command -v node'], { env, encoding: 'utf8' }).stdout.trim();
	if (realNode === '') throw new Error('no `node` on the PATH n8n is started with');
	// Not named `exports`: in the CommonJS output that name would hide the module's own (LIBFAKETIME above).
	const exportLines = Object.entries(faked).map(([key, value]) => `export ${key}='${value}'`).join('\n');
	writeFileSync(path.join(wrapperDir, 'node'), `#!/bin/sh\n${exportLines}\nexec '${realNode}' "$@"\n`);
	chmodSync(path.join(wrapperDir, 'node'), 0o755);
	const fakedEnv = (other: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...other, ...faked, PATH: `${wrapperDir}:${other.PATH ?? ''}` });
	return {
		env: fakedEnv(env),
		fakedEnv,
		offsetMs: () => offsetMs,
		advance(ms: number) {
			offsetMs += ms;
			write();
		},
	};
}
