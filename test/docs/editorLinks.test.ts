/**
 * What the node picker and the "Docs" links in n8n's editor read from the codex files
 * (nodes/<Node>/*.node.json): search aliases, and documentation URLs that land where they should.
 * n8n 2.41 appends its tracking parameters (`?utm_source=…`) to a node's primaryDocumentation URL
 * as plain text, after any `#fragment`, which then no longer matches a heading: so codex URLs name
 * a page of their own (docs/nodes/, docs/credentials/), and those pages link on to the README's sections.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const REPOSITORY_FILES = 'https://github.com/n8n-nodes-tjansteguiden/n8n-nodes-tjansteguiden/blob/main/';

interface Codex {
	node: string;
	alias?: string[];
	resources: { primaryDocumentation: Array<{ url: string }>; credentialDocumentation?: Array<{ url: string }> };
}

const codexFiles = [
	'nodes/Tjansteguiden/Tjansteguiden.node.json',
	'nodes/Tjansteguiden/TjansteguidenTrigger.node.json',
	'nodes/OnApi/OnApi.node.json',
	'nodes/OnApi/OnApiTrigger.node.json',
];
const codex = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Codex;

/** GitHub's heading anchors (github-slugger): lower case, punctuation dropped, letters such as ä kept, spaces to hyphens. */
function headingAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	for (const [, heading] of markdown.matchAll(/^#{1,6} +(.+?) *$/gm)) {
		const slug = (heading as string).toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
		let unique = slug;
		for (let n = 1; anchors.has(unique); n++) unique = `${slug}-${n}`;
		anchors.add(unique);
	}
	return anchors;
}

describe('search aliases in the codex files', () => {
	const spellings = ['tjansteguiden', 'tjänsteguiden', 'stadsnät', 'stadsnat', 'fibre', 'fiber', 'order'];
	it.each([
		['nodes/Tjansteguiden/Tjansteguiden.node.json', spellings],
		['nodes/Tjansteguiden/TjansteguidenTrigger.node.json', spellings],
		['nodes/OnApi/OnApi.node.json', ['ON-API', 'onapi', 'stadsnät', 'stadsnat', 'fibre', 'fiber', 'order']],
		['nodes/OnApi/OnApiTrigger.node.json', ['ON-API', 'onapi', 'stadsnät', 'stadsnat', 'fibre', 'fiber', 'order']],
	])('%s finds the node by its other spellings', (file, expected) => {
		expect(codex(file).alias).toEqual(expect.arrayContaining(expected));
	});
});

describe("the codex files' documentation links", () => {
	const links = codexFiles.flatMap((file) => {
		const { resources } = codex(file);
		return [...resources.primaryDocumentation, ...(resources.credentialDocumentation ?? [])].map(({ url }) => [file, url] as const);
	});

	it.each(links)('%s links %s: a page of this repository, without a #fragment', (_file, url) => {
		expect(url.startsWith(REPOSITORY_FILES)).toBe(true);
		expect(url).not.toContain('#');
		expect(existsSync(path.join(root, url.slice(REPOSITORY_FILES.length)))).toBe(true);
	});

	it('gives every node a page of its own', () => {
		const pages = codexFiles.map((file) => codex(file).resources.primaryDocumentation[0]?.url);
		expect(new Set(pages).size).toBe(codexFiles.length);
	});
});

describe('the documentation pages', () => {
	const pages = ['docs/nodes', 'docs/credentials'].flatMap((dir) => readdirSync(path.join(root, dir)).map((name) => `${dir}/${name}`));
	const relativeLinks = pages.flatMap((page) =>
		[...readFileSync(path.join(root, page), 'utf8').matchAll(/\]\(([^)#:]+)(?:#([^)]+))?\)/g)].map(
			([, target, anchor]) => [page, `${target}${anchor ? `#${anchor}` : ''}`, target as string, anchor] as const,
		),
	);

	it('link somewhere', () => {
		expect(relativeLinks.length).toBeGreaterThanOrEqual(pages.length);
	});

	it.each(relativeLinks)('%s: %s exists', (page, _link, target, anchor) => {
		const file = path.resolve(path.dirname(path.join(root, page)), target);
		expect(existsSync(file)).toBe(true);
		if (anchor) expect([...headingAnchors(readFileSync(file, 'utf8'))]).toContain(decodeURIComponent(anchor));
	});
});

describe("the credentials' documentation links", () => {
	const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { n8n: { credentials: string[] } };
	const credentials = manifest.n8n.credentials.map((built) => {
		const source = path.join(root, built.replace(/^dist\//, '').replace(/\.js$/, ''));
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the path is read from package.json
		const exports = require(source) as Record<string, new () => { name: string; documentationUrl?: string }>;
		const credential = new (Object.values(exports)[0])();
		return [credential.name, credential.documentationUrl ?? ''] as const;
	});

	it.each(credentials)('%s links %s: a page of this repository, without a #fragment', (_name, url) => {
		expect(url.startsWith(REPOSITORY_FILES)).toBe(true);
		expect(url).not.toContain('#');
		expect(existsSync(path.join(root, url.slice(REPOSITORY_FILES.length)))).toBe(true);
	});
});
