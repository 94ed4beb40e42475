/** The ON-API Operators credential's "Test": every operator asked, each one reported in plain words. */
import { CredentialTestContext } from 'n8n-core';

import { OnApiTrigger } from '../../../nodes/OnApi/OnApiTrigger.node';
import { onApiRequests, PASSWORDS, useOnApiSandbox } from '../onApiTestKit';
import { directoryFor } from '../trigger/triggerTestKit';

const env = useOnApiSandbox();

async function testDirectory(operators: string) {
	const test = new OnApiTrigger().methods.credentialTest.onApiOperatorsEndpoints;
	return await test.call(new CredentialTestContext(), { id: '7', name: 'Operators', type: 'onApiOperatorsApi', data: { operators } } as never);
}

test('every operator that answers is listed with what it offers', async () => {
	const result = await testDirectory(directoryFor(env()));
	expect(result.status).toBe('OK');
	expect(result.message).toMatch(/^All 2 operators answered\.\nAnswered: SNDEMO: .*\/onapi\/SNDEMO\/2\.6\/ \(ON-API 2\.6\) lists accesses.*\nAnswered: FIBNORR: /);
	expect((await onApiRequests(env())).sort()).toEqual(['GET /onapi/FIBNORR/2.6/', 'GET /onapi/SNDEMO/2.6/']);
});

test('an operator that does not answer is named with the reason, the others still answer', async () => {
	const operators = JSON.parse(directoryFor(env(), ['SNDEMO', 'FIBNORR'])) as Array<Record<string, string>>;
	operators[1].password = 'wrong-password-99';
	operators.push({ ...operators[0], coId: 'NOSUCHCO', baseUrl: `${env().sandbox.url}/onapi/NOSUCHCO` });
	const result = await testDirectory(JSON.stringify(operators));
	expect(result.status).toBe('Error');
	const lines = result.message.split('\n');
	expect(lines[0]).toBe('1 of 3 operators answered; 2 did not.');
	expect(lines[1]).toMatch(/^Did not answer: FIBNORR: HTTP 401: Invalid credentials/);
	expect(lines[2]).toMatch(/^Did not answer: NOSUCHCO: .*No ON-API endpoint list/);
	expect(lines[3]).toMatch(/^Answered: SNDEMO: /);
	for (const secret of ['wrong-password-99', ...Object.values(PASSWORDS)]) expect(result.message).not.toContain(secret);
});

test('a bad list is refused before any request', async () => {
	const result = await testDirectory('[{"coId": "A", "baseUrl": "https://a.example", "username": "u"}]');
	expect(result).toEqual({ status: 'Error', message: 'Operator 1 (coId A): password is missing' });
	expect(await onApiRequests(env())).toEqual([]);
});
