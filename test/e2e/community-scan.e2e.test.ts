/**
 * n8n's community-package scan (the lint half of @n8n/scan-community-package, see
 * scripts/community-scan.mjs) over the source and over the packed tarball: no error and no
 * warning. And what the scan cannot see: the tarball runs without installing anything. Its
 * package.json lists no runtime dependency, so every module the compiled code requires must be
 * Node's own, n8n's (n8n-workflow, and luxon, which n8n puts on the module path of community
 * packages), or a file of the package, such as the bundled fast-xml-parser in dist/vendor/.
 */
import { builtinModules } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { node24Env } from '../../e2e/lib/node24';
import { e2eWorkDir, n8nHostDir, repoRoot } from '../../e2e/lib/paths';
import { preparedPackage } from '../../e2e/lib/prepared-package';
import { runCommand, runCommandOrThrow } from '../../e2e/lib/run-command';

const scanScript = path.join(repoRoot, 'scripts', 'community-scan.mjs');
/** Modules n8n itself provides to a community package at run time. */
const FROM_N8N = ['n8n-workflow', 'luxon'];

function jsFilesBelow(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const file = path.join(dir, entry);
		if (statSync(file).isDirectory()) return jsFilesBelow(file);
		return file.endsWith('.js') ? [file] : [];
	});
}

/** Every string passed to require() in a compiled file. */
function requiredModules(file: string): string[] {
	return [...readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1] as string);
}

describe("n8n's community-package scan", () => {
	let unpacked: string;
	let scanEnv: NodeJS.ProcessEnv;

	beforeAll(async () => {
		const runDir = path.join(e2eWorkDir, 'runs', `community-scan-${Date.now()}-${process.pid}`);
		unpacked = path.join(runDir, 'package');
		mkdirSync(unpacked, { recursive: true });
		mkdirSync(path.join(runDir, 'tmp'));
		await runCommandOrThrow('unpacking the package', 'tar', ['-xzf', preparedPackage().tarballPath, '-C', unpacked, '--strip-components=1'], {
			timeoutMs: 60_000,
		});
		scanEnv = { ...node24Env(), TMPDIR: path.join(runDir, 'tmp') };
	}, 120_000);

	it.each([
		['the source', () => repoRoot, 'source'],
		['the packed package', () => unpacked, 'package'],
	])('finds nothing in %s', async (_what, dir, kind) => {
		const result = await runCommand('node', [scanScript, kind, dir()], { env: scanEnv, timeoutMs: 5 * 60_000 });
		expect({ code: result.code, report: `${result.stdout}${result.stderr}`.trim() }).toEqual({
			code: 0,
			report: expect.stringMatching(/ 0 problems$/),
		});
	});

	it('packs fast-xml-parser bundled, and the compiled code uses that bundle', () => {
		const bundle = path.join(unpacked, 'dist', 'vendor', 'fast-xml-parser.js');
		expect(requiredModules(bundle).filter((name) => !builtinModules.includes(name.replace(/^node:/, '')))).toEqual([]);
		const users = jsFilesBelow(path.join(unpacked, 'dist')).filter((file) =>
			requiredModules(file).some((name) => path.resolve(path.dirname(file), name) === bundle.replace(/\.js$/, '')),
		);
		expect(users.map((file) => path.relative(unpacked, file))).toContain('dist/nodes/Tjansteguiden/transport/xml.js');
	});

	it('requires no module that an installed package would lack', () => {
		const manifest = JSON.parse(readFileSync(path.join(unpacked, 'package.json'), 'utf8')) as { dependencies?: object };
		expect(manifest.dependencies ?? {}).toEqual({});
		const foreign = jsFilesBelow(path.join(unpacked, 'dist')).flatMap((file) =>
			requiredModules(file)
				.filter((name) => !name.startsWith('.') && !builtinModules.includes(name.replace(/^node:/, '')) && !FROM_N8N.includes(name))
				.map((name) => `${path.relative(unpacked, file)}: ${name}`),
		);
		expect(foreign).toEqual([]);
	});

	it('develops against the luxon that n8n provides', () => {
		const own = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies;
		const n8ns = JSON.parse(readFileSync(path.join(n8nHostDir, 'node_modules', 'luxon', 'package.json'), 'utf8')) as { version: string };
		expect(own.luxon).toBe(n8ns.version);
	});
});
