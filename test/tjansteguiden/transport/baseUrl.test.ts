/**
 * Where the credentials may send the API key and the API user (issue 14, item 8, Tjänsteguiden
 * side): https, or http only to loopback unless the credential's "Allow Insecure HTTP" is on; never
 * a base URL with user info or a query string. Through the node and the credential tests.
 */
import { CredentialTestContext } from 'n8n-core';

import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { Tjansteguiden } from '../../../nodes/Tjansteguiden/Tjansteguiden.node';
import { DEMO_API_KEY } from '../../../sandbox/src';
import { API_SIDES, API_USER, OPERATOR_API_USER, runAction, type ApiSideFixture } from '../nodeTestKit';
import { startScriptedApi, successXml, type ScriptedApi } from '../scriptedApi';

let api: ScriptedApi;
beforeEach(async () => {
	resetProcessState();
	api = await startScriptedApi((call) =>
		call.method === 'orders' ? { body: successXml('orders', '') } : undefined,
	);
});
afterEach(async () => await api.close());

const urlField = (side: ApiSideFixture) => (side.name === 'service provider' ? 'baseUrl' : 'siteUrl');
const getMany = { resource: 'order', operation: 'getMany', since: '2026-11-27' };
const port = () => new URL(api.url).port;

describe.each(API_SIDES)('$name side', (side) => {
	const run = async (credentials: Record<string, unknown>) =>
		await runAction({ sandbox: api, side, parameters: getMany, credentials: credentials as never });

	test('loopback over http works (the sandbox)', async () => {
		expect((await run({})).error).toBeUndefined();
	});

	test.each([
		['plain http to another host', (p: string) => `http://0.0.0.0:${p}`, /https:\/\/.*Allow Insecure HTTP/],
		['user info in the URL', (p: string) => `http://user:secret@127.0.0.1:${p}`, /user name or password/],
		['a query string', (p: string) => `http://127.0.0.1:${p}/?hash=abc`, /query string/],
		['a fragment', (p: string) => `http://127.0.0.1:${p}/#x`, /query string|fragment/],
	])('%s is refused before any request, naming the field', async (_name, url, expected) => {
		const result = await run({ [urlField(side)]: url(port()) });
		expect(result.error?.message).toMatch(expected);
		expect(result.error?.message).toMatch(side.name === 'service provider' ? /Base URL/ : /Atlas Site URL/);
		expect(api.calls).toHaveLength(0);
	});

	test('plain http to another host goes ahead when Allow Insecure HTTP is on', async () => {
		const result = await run({ [urlField(side)]: `http://0.0.0.0:${port()}`, allowInsecureHttp: true });
		expect(result.error).toBeUndefined();
		expect(api.calls.length).toBeGreaterThan(0);
	});
});

describe('the credential tests refuse the same URLs without a request', () => {
	test.each([
		['tjansteguidenApiLogin', 'tjansteguidenApi', (url: string) => ({ baseUrl: url, apiUser: API_USER, apiKey: DEMO_API_KEY })],
		['tjansteguidenOperatorApiAccess', 'tjansteguidenOperatorApi', (url: string) => ({ siteUrl: url, apiUser: OPERATOR_API_USER })],
	] as const)('%s', async (method, type, data) => {
		const test = new Tjansteguiden().methods.credentialTest[method];
		for (const url of [`http://0.0.0.0:${port()}`, `https://user:pw@127.0.0.1:${port()}`, `http://127.0.0.1:${port()}?a=1`]) {
			const result = await test.call(new CredentialTestContext(), { id: '1', name: 'x', type, data: data(url) } as never);
			expect(result.status).toBe('Error');
		}
		expect(api.calls).toHaveLength(0);
	});
});
