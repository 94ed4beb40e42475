import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { node24Env } from './node24';
import { runCommandOrThrow } from './run-command';

export interface PackedPackage {
	tarballPath: string;
	name: string;
	version: string;
}

/**
 * Builds the community package and packs it the way it is published. The build runs explicitly
 * because the project's .npmrc sets ignore-scripts, which also skips `prepack`.
 */
export async function buildAndPack(options: {
	packageDir: string;
	destinationDir: string;
	logFile?: string;
	/** Skip `npm run build` when the caller has just built (e.g. the demo script). */
	skipBuild?: boolean;
}): Promise<PackedPackage> {
	const env = node24Env();
	if (!options.skipBuild) {
		await runCommandOrThrow('building the package (npm run build)', 'npm', ['run', 'build'], {
			cwd: options.packageDir,
			env,
			timeoutMs: 10 * 60_000,
			logFile: options.logFile,
		});
	}
	mkdirSync(options.destinationDir, { recursive: true });
	const result = await runCommandOrThrow(
		'packing the package (npm pack)',
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', options.destinationDir],
		{ cwd: options.packageDir, env, timeoutMs: 5 * 60_000, logFile: options.logFile },
	);
	const jsonStart = result.stdout.indexOf('[');
	const [packed] = JSON.parse(result.stdout.slice(jsonStart)) as Array<{ filename: string; name: string; version: string }>;
	return {
		tarballPath: path.join(options.destinationDir, packed.filename),
		name: packed.name,
		version: packed.version,
	};
}

/** `<user folder>/.n8n/nodes/node_modules/<name>`: where n8n's community-package loader looks. */
export function installedPackageDir(userFolder: string, packageName: string): string {
	return path.join(userFolder, '.n8n', 'nodes', 'node_modules', packageName);
}

/**
 * Installs a packed package the way n8n's community-package installer does (n8n 2.41.1,
 * CommunityPackagesService.downloadPackage): the tarball's contents in the user folder's
 * nodes/node_modules, so node types keep their real `<package>.<node>` names; dev, peer and optional
 * dependencies dropped from its package.json; then its runtime dependencies installed next to it.
 * n8n-workflow resolves from n8n itself.
 */
export async function installIntoUserFolder(options: {
	packed: PackedPackage;
	userFolder: string;
	logFile?: string;
}): Promise<string> {
	const target = installedPackageDir(options.userFolder, options.packed.name);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	await runCommandOrThrow('unpacking the package', 'tar', ['-xzf', options.packed.tarballPath, '-C', target, '--strip-components=1'], {
		timeoutMs: 60_000,
		logFile: options.logFile,
	});
	const manifestPath = path.join(target, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown> & {
		dependencies?: Record<string, string>;
	};
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[field];
	// Without this, npm resolves the whole dev tree (n8n-core, jest, ...) even with --omit=dev: a minute of metadata.
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	if (Object.keys(manifest.dependencies ?? {}).length > 0) {
		await runCommandOrThrow(
			'installing the package runtime dependencies',
			'npm',
			[
				'install',
				'--omit=dev',
				'--omit=peer',
				'--ignore-scripts=true',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--package-lock=false',
				'--no-progress',
			],
			{ cwd: target, env: node24Env(), timeoutMs: 10 * 60_000, logFile: options.logFile },
		);
	}
	return target;
}
