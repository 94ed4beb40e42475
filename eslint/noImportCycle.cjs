/**
 * `local/no-import-cycle`: a file must not reach itself through its imports, type-only imports
 * included. eslint-plugin-import-x's `no-cycle` skips `import type` by construction, but a helper
 * typed against its caller's class is still a loop (it decides what must change together and
 * what can be read alone), so this rule follows every relative import, export-from, `import()`
 * type and `import x = require()`.
 *
 * Only relative specifiers are followed: packages cannot import this project back, and the
 * project uses no path aliases. Other files are read from disk with TypeScript's pre-processor
 * (no full parse), cached by modification time.
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

/** file → { mtimeMs, targets }: the resolved relative imports of a file on disk. */
const importCache = new Map();

function isFile(candidate) {
	try {
		return fs.statSync(candidate).isFile();
	} catch {
		return false;
	}
}

/** The .ts file a relative specifier names, as TypeScript's node resolution finds it. */
function resolveRelative(fromFile, specifier) {
	if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return undefined;
	const base = path.resolve(path.dirname(fromFile), specifier);
	const stem = base.replace(/\.(c|m)?js$/, '');
	const candidates = [`${stem}.ts`, `${stem}.tsx`, `${stem}.d.ts`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
	return candidates.find(isFile);
}

function importsOnDisk(file) {
	let mtimeMs;
	try {
		mtimeMs = fs.statSync(file).mtimeMs;
	} catch {
		return [];
	}
	const cached = importCache.get(file);
	if (cached !== undefined && cached.mtimeMs === mtimeMs) return cached.targets;
	const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
	const targets = [...new Set(info.importedFiles.map((entry) => resolveRelative(file, entry.fileName)).filter(Boolean))];
	importCache.set(file, { mtimeMs, targets });
	return targets;
}

/** The shortest import path from `start` back to `file`, or undefined. */
function pathBack(start, file) {
	const previous = new Map([[start, undefined]]);
	const queue = [start];
	while (queue.length > 0) {
		const current = queue.shift();
		for (const next of importsOnDisk(current)) {
			if (next === file) {
				const route = [file];
				for (let step = current; step !== undefined; step = previous.get(step)) route.unshift(step);
				return route;
			}
			if (!previous.has(next)) {
				previous.set(next, current);
				queue.push(next);
			}
		}
	}
	return undefined;
}

/** The module specifier of a top-level statement that imports or re-exports, or undefined. */
function specifierOf(statement) {
	switch (statement.type) {
		case 'ImportDeclaration':
		case 'ExportAllDeclaration':
			return statement.source.value;
		case 'ExportNamedDeclaration':
			return statement.source === null || statement.source === undefined ? undefined : statement.source.value;
		case 'TSImportEqualsDeclaration':
			return statement.moduleReference.type === 'TSExternalModuleReference' ? statement.moduleReference.expression.value : undefined;
		default:
			return undefined;
	}
}

const rule = {
	meta: {
		type: 'problem',
		docs: { description: 'Forbid import cycles, type-only imports included' },
		schema: [],
		messages: { cycle: 'Import cycle: {{route}}' },
	},
	create(context) {
		const file = path.resolve(context.physicalFilename ?? context.filename);
		const relative = (target) => path.relative(context.cwd ?? process.cwd(), target);
		const check = (node, specifier) => {
			if (typeof specifier !== 'string') return;
			const target = resolveRelative(file, specifier);
			if (target === undefined || target === file) return;
			const route = pathBack(target, file);
			if (route !== undefined) context.report({ node, messageId: 'cycle', data: { route: [file, ...route].map(relative).join(' → ') } });
		};
		return {
			Program(program) {
				for (const statement of program.body) check(statement, specifierOf(statement));
			},
			// `typeof import('./x')` and `import('./x').T` in type positions.
			TSImportType(node) {
				const argument = node.argument;
				const literal = argument && argument.type === 'TSLiteralType' ? argument.literal : (node.source ?? argument);
				if (literal && literal.type === 'Literal') check(node, literal.value);
			},
			ImportExpression(node) {
				if (node.source.type === 'Literal') check(node, node.source.value);
			},
		};
	},
};

module.exports = { rules: { 'no-import-cycle': rule } };
