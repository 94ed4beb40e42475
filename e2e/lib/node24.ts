import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

export interface Node24 {
	/** Folder holding the `node` binary; goes first on PATH for every n8n and npm command. */
	binDir: string;
	nodePath: string;
	/** Node's install folder (bin/.., with include/node): native builds need it as npm_config_nodedir. */
	homeDir: string;
	version: string;
}

let cached: Node24 | undefined;

/**
 * The Node.js 24 that runs n8n. n8n 2.41 requires Node 24 and its isolated-vm ships prebuilt
 * binaries for Node 24's ABI only, so n8n must not run on whatever node started the tests.
 */
export function node24(): Node24 {
	if (cached) return cached;
	let binDir: string;
	if (process.versions.node.split('.')[0] === '24') {
		binDir = path.dirname(process.execPath);
	} else {
		const script = path.join(repoRoot, '.ci', 'node24.sh');
		binDir = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
	}
	const nodePath = path.join(binDir, 'node');
	if (!existsSync(nodePath)) throw new Error(`e2e: no node binary in ${binDir}`);
	const version = execFileSync(nodePath, ['--version'], { encoding: 'utf8' }).trim();
	if (!version.startsWith('v24.')) throw new Error(`e2e: ${nodePath} is ${version}, Node.js 24 is needed`);
	cached = { binDir, nodePath, homeDir: path.dirname(binDir), version };
	return cached;
}

/** Environment for npm and node children: Node 24 first on PATH, native builds against its headers. */
export function node24Env(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const node = node24();
	return {
		...base,
		PATH: `${node.binDir}${path.delimiter}${base.PATH ?? ''}`,
		// The user npmrc on dev machines may point nodedir at another Node's headers.
		npm_config_nodedir: node.homeDir,
	};
}
