/** The credential's "Test" button, through n8n-core's own CredentialTestContext, against the sandbox. */
import { CredentialTestContext } from 'n8n-core';
import { OnApi } from '../../../nodes/OnApi/OnApi.node';
import { DEMO_USERNAME, PORTAL_API_KEY, PORTAL_API_USER, SNDEMO_PASSWORD } from '../../../sandbox/src';
import { onApiRequests, startOnApiSandbox, useOnApiSandbox } from '../onApiTestKit';

const env = useOnApiSandbox();

async function testCredential(data: Record<string, unknown>) {
	const test = new OnApi().methods.credentialTest.onApiEndpoints;
	return await test.call(new CredentialTestContext(), { id: '1', name: 'ON-API', type: 'onApi', data } as never);
}

test.each(['2.4', '2.5', '2.6'])('a good credential reads the endpoint list of ON-API %s', async (version) => {
	const result = await testCredential({ baseUrl: `${env().sandbox.url}/onapi/SNDEMO/`, version, username: DEMO_USERNAME, password: SNDEMO_PASSWORD });
	expect(result.status).toBe('OK');
	expect(result.message).toContain(`/onapi/SNDEMO/${version}/ (ON-API ${version}) lists accesses`);
	expect(await onApiRequests(env())).toEqual([`GET /onapi/SNDEMO/${version}/`]);
});

test('the Stadsnätsportalen form asks for its endpoints list', async () => {
	const result = await testCredential({ baseUrl: `${env().sandbox.url}/plain/onapi/SNDEMO`, version: '2.6', username: PORTAL_API_USER, password: PORTAL_API_KEY });
	expect(result).toEqual({ status: 'OK', message: expect.stringContaining('(ON-API 2.4, Stadsnätsportalen) lists accesses') });
	expect(await onApiRequests(env())).toEqual(['GET /plain/onapi/SNDEMO/endpoints']);
});

test('a wrong password is explained without showing it', async () => {
	const result = await testCredential({ baseUrl: `${env().sandbox.url}/onapi/SNDEMO`, version: '2.6', username: DEMO_USERNAME, password: 'not-it-4711' });
	expect(result.status).toBe('Error');
	expect(result.message).toContain('HTTP 401: Invalid credentials');
	expect(result.message).toContain('username and password');
	expect(result.message).not.toContain('not-it-4711');
});

test('a base URL that is not an ON-API says so', async () => {
	const result = await testCredential({ baseUrl: `${env().sandbox.url}/onapi/NOSUCHCO`, version: '2.6', username: DEMO_USERNAME, password: 'x' });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/No ON-API endpoint list at .*\/onapi\/NOSUCHCO\/2\.6\//);
});

test('a malformed base URL is refused without a request', async () => {
	const result = await testCredential({ baseUrl: 'onapi.example.se', version: '2.6', username: 'u', password: 'p' });
	expect(result).toEqual({ status: 'Error', message: "The credential's Base URL is not a URL" });
	expect(await onApiRequests(env())).toEqual([]);
});

test('an unreachable operator is an error without the password in it', async () => {
	const closed = await startOnApiSandbox();
	const url = closed.sandbox.url;
	await closed.close();
	const result = await testCredential({ baseUrl: `${url}/onapi/SNDEMO`, version: '2.6', username: DEMO_USERNAME, password: 'secret-4242' });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/^Could not reach/);
	expect(result.message).not.toContain('secret-4242');
});
