/** The credential's "Test" button, through n8n-core's own CredentialTestContext. */
import { CredentialTestContext } from 'n8n-core';

import { Tjansteguiden } from '../../../nodes/Tjansteguiden/Tjansteguiden.node';
import { DEMO_API_KEY, type RunningSandbox } from '../../../sandbox/src';
import { API_USER, startTjansteguidenSandbox } from '../nodeTestKit';

let sandbox: RunningSandbox;
beforeAll(async () => (sandbox = await startTjansteguidenSandbox()));
afterAll(async () => await sandbox.close());

async function testCredential(data: Record<string, unknown>) {
	const test = new Tjansteguiden().methods.credentialTest.tjansteguidenApiLogin;
	return await test.call(new CredentialTestContext(), { id: '1', name: 'Tjänsteguiden', type: 'tjansteguidenApi', data } as never);
}

test('a good credential logs in and shows the API message', async () => {
	const result = await testCredential({ baseUrl: sandbox.url, apiUser: API_USER, apiKey: DEMO_API_KEY });
	expect(result.status).toBe('OK');
	expect(result.message).toContain('logged in');
});

test('a wrong key shows the API message, and never the key', async () => {
	const result = await testCredential({ baseUrl: sandbox.url, apiUser: API_USER, apiKey: 'not-the-key-999' });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/api_key|api_user|Login failed/i);
	expect(result.message).not.toContain('not-the-key-999');
});

test('API User left at the form default 0 is refused before any call, naming the field', async () => {
	const before = (await sandbox.admin.counters()).total;
	const result = await testCredential({ baseUrl: sandbox.url, apiUser: 0, apiKey: DEMO_API_KEY });
	expect(result).toEqual({ status: 'Error', message: 'API User must be the numeric ID of your API user' });
	expect((await sandbox.admin.counters()).total).toBe(before);
});

test('an unreachable base URL is an error without the key in it', async () => {
	const closed = await startTjansteguidenSandbox();
	const url = closed.url;
	await closed.close();
	const result = await testCredential({ baseUrl: url, apiUser: API_USER, apiKey: 'secret-key-4242' });
	expect(result.status).toBe('Error');
	expect(result.message).not.toContain('secret-key-4242');
});
