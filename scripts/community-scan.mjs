#!/usr/bin/env node
// The lint half of n8n's community-package scan (@n8n/scan-community-package, which n8n runs before
// verifying a package), offline: the scanner's own ESLint config over the source files it reads
// (package.json, nodes/, credentials/) or over an unpacked tarball (compiled .js and package.json).
// Its provenance half needs a published version and cannot run here (see .github/workflows/release.yml).
// Unlike the scanner, which fails on errors only, a warning fails too.
//
//   node scripts/community-scan.mjs source .
//   node scripts/community-scan.mjs package <folder with the unpacked tarball>
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';

// eslint-plugin-n8n-nodes-base reads NODE_ENV=test (which jest sets) as its own test run and then
// judges files by other names; the scan must see what n8n's scan sees. The plugin loads later, below.
delete process.env.NODE_ENV;
const scannerUrl = import.meta.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
// The scanner makes a temp folder when loaded (for downloads this script never makes); remove it at exit.
createRequire(scannerUrl)('tmp').setGracefulCleanup();
const { buildScanConfig, SOURCE_FILE_PATTERNS } = await import(scannerUrl);
const glob = createRequire(scannerUrl)('fast-glob');

/** What the scanner's analyzePackageByName lints in each of its two legs. */
const PATTERNS = { source: SOURCE_FILE_PATTERNS, package: ['**/*.js', 'package.json'] };

const [kind, dir] = process.argv.slice(2);
if (!(kind in PATTERNS) || !dir) {
	console.error('usage: node scripts/community-scan.mjs source|package <folder>');
	process.exit(2);
}
const cwd = path.resolve(dir);
const eslint = new ESLint({ cwd, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: await buildScanConfig() });
const files = glob.sync(PATTERNS[kind], { cwd, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
if (files.length === 0) {
	console.error(`community-scan: no files to lint in ${cwd}`);
	process.exit(1);
}
const results = await eslint.lintFiles(files);
const problems = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
process.stdout.write(await (await eslint.loadFormatter('stylish')).format(results));
console.log(`community-scan (${kind}): ${files.length} files, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
