/**
 * Secrets in error pages that echo the request (issue 14, item 3), through the node against a
 * scripted API: the API key and login hashes in every form a page may show them, short keys,
 * hashes already given up, and hashes in tags that the error description's text extraction strips.
 */
import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { runAction, serviceProviderSide } from '../nodeTestKit';
import { startScriptedApi, successXml, type ScriptedApi, type ScriptedCall } from '../scriptedApi';

const KEY = 'Zk9+aB/cD3eF==';

/** Every spelling of a secret a page may carry. */
function formsOf(secret: string): string[] {
	const encoded = encodeURIComponent(secret);
	return [secret, encoded, encoded.toLowerCase(), encodeURIComponent(encoded), secret.replace(/\+/g, ' '), new URLSearchParams({ k: secret }).toString().slice(2)];
}

function expectNoForms(value: unknown, secrets: string[]) {
	const text = JSON.stringify(value);
	for (const secret of secrets) for (const form of formsOf(secret)) expect(text).not.toContain(form);
}

let api: ScriptedApi;
let page: (call: ScriptedCall) => string;
let hashes: string[];

beforeEach(async () => {
	resetProcessState();
	hashes = [];
	// Every call, api_login included, gets the error page.
	api = await startScriptedApi((call) => ({
		status: 404,
		headers: { 'Content-Type': 'text/html' },
		body: `<html><body><h1>Not Found</h1><p>${page(call)}</p></body></html>`,
	}));
});
afterEach(async () => await api.close());

const getOrder = { resource: 'order', operation: 'get', orderId: '7' };

describe('the API key echoed by a 404 page on api_login', () => {
	const escape = (text: string) => text.replace(/&/g, '&amp;');
	test.each<[string, (call: ScriptedCall) => string]>([
		['the URL as sent', (call) => call.url],
		['the URL HTML-escaped (&amp;)', (call) => escape(call.url)],
		['the query with ; separators', (call) => call.url.replace(/&/g, ';')],
		['the whole URL URL-encoded in a link', (call) => `/login?next=${encodeURIComponent(call.url)}`],
		['the key decoded, + read as a space', (call) => `Your key "${decodeURIComponent(call.query.api_key ?? '').replace(/\+/g, ' ')}" was not found`],
		['the parameters form-encoded', (call) => new URLSearchParams(call.query).toString()],
	])('%s', async (_name, echo) => {
		page = echo;
		const result = await runAction({ sandbox: api, side: serviceProviderSide, parameters: getOrder, credentials: { apiKey: KEY } });
		expect(result.error?.name).toBe('NodeApiError');
		expectNoForms({ error: result.error, run: result.run }, [KEY]);
	});

	test('a short key is redacted too', async () => {
		page = (call) => `No such key: ${call.query.api_key} (${call.url})`;
		const result = await runAction({ sandbox: api, side: serviceProviderSide, parameters: getOrder, credentials: { apiKey: 'k3Y' } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(JSON.stringify({ error: result.error, run: result.run })).not.toMatch(/\bk3Y\b/);
	});
});

describe('login hashes', () => {
	test('a hash inside tags of an error page, which the description strips, is redacted before', async () => {
		page = () => 'Session: <hash_key>9f8e7d6c5b4a39281716</hash_key> expired';
		const result = await runAction({ sandbox: api, side: serviceProviderSide, parameters: getOrder, credentials: { apiKey: KEY } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(JSON.stringify({ error: result.error, run: result.run })).not.toContain('9f8e7d6c5b4a39281716');
	});

	test('a hash already given up (refused, then replaced) is still redacted when a later page echoes it', async () => {
		await api.close();
		let login = 0;
		api = await startScriptedApi((call) => {
			if (call.method === 'api_login') {
				const hash = `retiredhash${++login}abcdef0123`;
				hashes.push(hash);
				return { body: successXml('api_login', `<hash_key>${hash}</hash_key>`) };
			}
			if (call.query.hash === hashes[0]) return { status: 401, body: 'Unauthorized' };
			return { status: 404, body: `Not found. Earlier sessions: ${hashes.join(', ')}` };
		});
		const result = await runAction({ sandbox: api, side: serviceProviderSide, parameters: getOrder, credentials: { apiKey: KEY } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(hashes).toHaveLength(2);
		expectNoForms({ error: result.error, run: result.run }, hashes);
	});
});
