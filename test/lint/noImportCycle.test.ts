/**
 * The project's import-cycle rule (eslint/noImportCycle.cjs) fires on real files, type-only
 * imports included, and the project's ESLint config applies it to nodes/, credentials/ and sandbox/src/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Linter, type ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const importCycles = require('../../eslint/noImportCycle.cjs') as ESLint.Plugin;

const repoRoot = path.resolve(__dirname, '../..');
let folder: string;

beforeEach(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'import-cycle-'));
});

afterEach(() => {
	rmSync(folder, { recursive: true, force: true });
});

/** Writes the files, then lints each with ESLint's Linter (the Node API's ESLint class needs ESM loading jest lacks). */
function cycleMessages(files: Record<string, string>): Array<{ file: string; message: string }> {
	for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
	const linter = new Linter({ configType: 'flat', cwd: folder });
	const config: Linter.Config[] = [
		{
			files: ['**/*.ts'],
			languageOptions: { parser: tseslint.parser as Linter.Parser },
			plugins: { local: importCycles },
			rules: { 'local/no-import-cycle': 'error' },
		},
	];
	return Object.entries(files).flatMap(([name, text]) =>
		linter.verify(text, config, { filename: path.join(folder, name) }).map((message) => ({
			file: name,
			message: `${message.ruleId ?? 'fatal'}: ${message.message}`,
		})),
	);
}

describe('local/no-import-cycle', () => {
	it('reports two files that import each other, when one import is type-only', () => {
		const messages = cycleMessages({
			'a.ts': "import type { B } from './b';\nexport class A { b?: B; }\n",
			'b.ts': "import { A } from './a';\nexport class B extends A {}\n",
		});
		expect(messages).toEqual([
			{ file: 'a.ts', message: 'local/no-import-cycle: Import cycle: a.ts → b.ts → a.ts' },
			{ file: 'b.ts', message: 'local/no-import-cycle: Import cycle: b.ts → a.ts → b.ts' },
		]);
	});

	it('reports a longer loop through a re-export', () => {
		const messages = cycleMessages({
			'a.ts': "export { b } from './b';\nexport const a = 1;\n",
			'b.ts': "import { c } from './c';\nexport const b = c;\n",
			'c.ts': "import type { a } from './a';\nexport const c: typeof a = 1;\n",
		});
		expect(messages.map((entry) => entry.file)).toEqual(['a.ts', 'b.ts', 'c.ts']);
		expect(messages[0]?.message).toBe('local/no-import-cycle: Import cycle: a.ts → b.ts → c.ts → a.ts');
	});

	it('stays silent on imports that only go one way', () => {
		const messages = cycleMessages({
			'types.ts': 'export interface Shape { name: string }\n',
			'a.ts': "import type { Shape } from './types';\nexport const a: Shape = { name: 'a' };\n",
			'b.ts': "import { a } from './a';\nimport type { Shape } from './types';\nexport const b: Shape = a;\n",
		});
		expect(messages).toEqual([]);
	});
});

describe("the project's ESLint config", () => {
	it.each(['nodes/Tjansteguiden/Tjansteguiden.node.ts', 'credentials/OnApi.credentials.ts', 'sandbox/src/index.ts'])(
		'turns the rule on for %s',
		(file) => {
			const config = JSON.parse(
				execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/eslint/bin/eslint.js'), '--print-config', file], {
					cwd: repoRoot,
					encoding: 'utf8',
				}),
			) as { rules: Record<string, unknown> };
			expect(config.rules['local/no-import-cycle']).toEqual([2]);
		},
	);
});
