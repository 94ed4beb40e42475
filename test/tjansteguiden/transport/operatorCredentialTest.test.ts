/** The operator credential's "Test" button, through n8n-core's own CredentialTestContext. */
import { CredentialTestContext } from 'n8n-core';

import { Tjansteguiden } from '../../../nodes/Tjansteguiden/Tjansteguiden.node';
import type { RunningSandbox } from '../../../sandbox/src';
import { operatorAdmin, OPERATOR_API_USER, startTjansteguidenSandbox } from '../nodeTestKit';

let sandbox: RunningSandbox;
// Real time on both sides: the test asks for today's orders, as the button does.
beforeAll(async () => (sandbox = await startTjansteguidenSandbox({ clockStart: undefined })));
afterAll(async () => await sandbox.close());
beforeEach(async () => await sandbox.admin.reset());

async function testCredential(data: Record<string, unknown>) {
	const test = new Tjansteguiden().methods.credentialTest.tjansteguidenOperatorApiAccess;
	return await test.call(new CredentialTestContext(), {
		id: '2',
		name: 'Tjänsteguiden Operator',
		type: 'tjansteguidenOperatorApi',
		data,
	} as never);
}

async function operatorCallsMade(): Promise<number> {
	const { entries } = await sandbox.admin.requests({ simulator: 'tjansteguiden' });
	return entries.filter((entry) => entry.path === '/admin/edit/services/plain/orders').length;
}

test('a good credential makes one real call and says so', async () => {
	await sandbox.admin.tjansteguiden.createOrder({ socket: 'SNDEMO-A0002' });
	const result = await testCredential({ siteUrl: sandbox.url, apiUser: OPERATOR_API_USER });
	expect(result).toEqual({ status: 'OK', message: 'Connection successful: the site answered with 1 order(s) for today' });
	expect(await operatorCallsMade()).toBe(1);
});

test('an IP address that is not allowed: the message says where to allow it', async () => {
	await operatorAdmin(sandbox).setAccess({ apiUser: OPERATOR_API_USER, allowedAddresses: ['198.51.100.7'] });
	const result = await testCredential({ siteUrl: sandbox.url, apiUser: OPERATOR_API_USER });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/^The Tjänsteguiden operator API does not accept calls from this IP address\. /);
	expect(result.message).toContain('IP address 127.0.0.1 is not allowed');
	expect(result.message).toContain('API Credentials');
});

test('an unknown API user: the message is about the API user', async () => {
	const result = await testCredential({ siteUrl: sandbox.url, apiUser: 9999 });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/^The Tjänsteguiden operator API refused the API user\. /);
});

test.each([
	['no API user', { apiUser: 0 }, /API User ID must be/],
	['a site URL without scheme', { siteUrl: 'www.example.se' }, /Atlas Site URL must start with https:\/\//],
])('%s is refused before any call', async (_name, override, expected) => {
	const result = await testCredential({ siteUrl: sandbox.url, apiUser: OPERATOR_API_USER, ...override });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(expected);
	expect(await operatorCallsMade()).toBe(0);
});

test('an unreachable site is an error', async () => {
	const closed = await startTjansteguidenSandbox();
	const url = closed.url;
	await closed.close();
	const result = await testCredential({ siteUrl: url, apiUser: OPERATOR_API_USER });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/ECONNREFUSED|could not be reached/);
});
