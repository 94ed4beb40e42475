import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAndPack, installIntoUserFolder, type PackedPackage } from './community-package';
import { ensureN8nHost } from './n8n-host';
import type { N8nInstance } from './n8n-instance';
import { e2eWorkDir, repoRoot } from './paths';

const packDir = path.join(e2eWorkDir, 'package');
const manifestPath = path.join(packDir, 'packed.json');
const runsDir = path.join(e2eWorkDir, 'runs');

/**
 * Run folders kept at the next setup: about one whole e2e run's worth (the queue-mode test alone
 * makes four), so the last run's logs stay for a look while the folder does not grow without bound.
 */
const keptRuns = 12;

function pruneRuns(): void {
	if (!existsSync(runsDir)) return;
	const newestFirst = readdirSync(runsDir)
		.map((entry) => ({ dir: path.join(runsDir, entry), mtimeMs: statSync(path.join(runsDir, entry)).mtimeMs }))
		.sort((a, b) => b.mtimeMs - a.mtimeMs);
	for (const { dir } of newestFirst.slice(keptRuns)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Once per test run (jest globalSetup): the n8n host installed, the package built and packed. The
 * tarball's location goes to a file, as jest's globalSetup cannot hand values to test files.
 */
export async function preparePackageForE2e(options: { skipBuild?: boolean } = {}): Promise<PackedPackage> {
	mkdirSync(e2eWorkDir, { recursive: true });
	pruneRuns();
	await ensureN8nHost();
	rmSync(packDir, { recursive: true, force: true });
	const packed = await buildAndPack({
		packageDir: repoRoot,
		destinationDir: packDir,
		logFile: path.join(e2eWorkDir, 'package-build.log'),
		skipBuild: options.skipBuild,
	});
	writeFileSync(manifestPath, JSON.stringify(packed, null, 2));
	return packed;
}

/** The tarball the setup packed for this run. */
export function preparedPackage(): PackedPackage {
	if (!existsSync(manifestPath)) {
		throw new Error(`e2e: no packed package at ${manifestPath}; the e2e jest project's globalSetup (test/e2e/global-setup.ts) prepares it`);
	}
	return JSON.parse(readFileSync(manifestPath, 'utf8')) as PackedPackage;
}

/** Loads the prepared package into an instance's user folder, as a user installing it would get it. */
export async function installPreparedPackage(instance: N8nInstance): Promise<string> {
	return installIntoUserFolder({
		packed: preparedPackage(),
		userFolder: instance.userFolder,
		logFile: path.join(instance.logsDir, 'install-package.log'),
	});
}
