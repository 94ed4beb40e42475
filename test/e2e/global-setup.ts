import { preparePackageForE2e } from '../../e2e/lib/prepared-package';

/**
 * Runs once before the end-to-end test files: installs the pinned n8n on first use (about
 * 5 minutes, then a no-op while e2e/n8n-host/package-lock.json is unchanged), builds and packs the
 * package. `E2E_SKIP_BUILD=1` packs the existing dist/ (when `npm test` has just built it).
 */
export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const packed = await preparePackageForE2e({ skipBuild: process.env.E2E_SKIP_BUILD === '1' });
	process.stderr.write(`\ne2e: ${packed.name}@${packed.version} packed, n8n ready (${Math.round((Date.now() - started) / 1000)} s)\n`);
}
