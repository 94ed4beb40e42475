/**
 * The transport through the node: bounded retries on 429/5xx/dropped connections (only where
 * repeating is safe), the operator's cause as the error message, and the password never showing
 * up. Field checks are with their operations (actions/), Continue On Fail in OnApi.node.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	jsonOf,
	PASSWORDS,
	runOnApi,
	statusesOf,
	useOnApiSandbox,
	VERSIONS,
} from '../onApiTestKit';

const env = useOnApiSandbox();

const getAccess = { resource: 'access', operation: 'get', accessId: 'SNDEMO-A0001' };

function activation(accessId: string, additionalFields: IDataObject = {}): IDataObject {
	return { resource: 'order', operation: 'activate', accessId, service: 'BB-100-100', additionalFields };
}

describe.each(VERSIONS)('ON-API %s: retries', (version) => {
	it('retries a read after 429, honouring Retry-After', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'GET accesses/{id}', kind: 'status429', retryAfterSeconds: 0 });
		const result = await runOnApi(env(), { version, parameters: getAccess });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0].accessId).toBe('SNDEMO-A0001');
		expect(await statusesOf(env(), 'GET accesses/{id}')).toEqual([429, 200]);
	});

	it('retries a read after 5xx, a bounded number of times', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'GET accesses/{id}', kind: 'http5xx', status: 503, times: 2 });
		const recovered = await runOnApi(env(), { version, parameters: getAccess });
		expect(recovered.error).toBeUndefined();
		expect(await statusesOf(env(), 'GET accesses/{id}')).toEqual([503, 503, 200]);

		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'GET accesses/{id}', kind: 'http5xx', status: 502, times: 10 });
		const exhausted = await runOnApi(env(), { version, parameters: getAccess });
		expect(exhausted.error?.name).toBe('NodeApiError');
		expect(exhausted.error?.httpCode).toBe('502');
		expect(exhausted.error?.description).toContain('The node tried 4 times.');
		expect(await statusesOf(env(), 'GET accesses/{id}')).toEqual([503, 503, 200, 502, 502, 502, 502]);
	});

	it('retries a create with spReference after 5xx, and the order exists once', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'POST orders/', kind: 'http5xx', status: 500 });
		const result = await runOnApi(env(), { version, parameters: activation('SNDEMO-A0010', { spReference: 'CUST-10' }) });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ accessId: 'SNDEMO-A0010', duplicate: false });
		expect(await statusesOf(env(), 'POST orders/')).toEqual([500, 201]);
		expect(env().onapi.createCallCounts('SNDEMO')['SNDEMO-A0010']).toMatchObject({ created: 1 });
	});

	it('retries a create after a dropped connection only with spReference', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'POST orders/', kind: 'timeout', delayMs: 200 });
		const safe = await runOnApi(env(), { version, parameters: activation('SNDEMO-A0011', { spReference: 'CUST-11' }) });
		expect(safe.error).toBeUndefined();
		expect(await statusesOf(env(), 'POST orders/')).toEqual([undefined, 201]);
	});
});

describe('ON-API 2.6: what is not retried', () => {
	it('does not retry a create without spReference after 5xx, and says why', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'POST orders/', kind: 'http5xx', status: 503 });
		const result = await runOnApi(env(), { parameters: activation('SNDEMO-A0012') });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('503');
		expect(result.error?.description).toContain('without an spReference');
		expect(await statusesOf(env(), 'POST orders/')).toEqual([503]);
	});

	it('does not retry a create without spReference after a dropped connection', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'POST orders/', kind: 'timeout', delayMs: 200 });
		const result = await runOnApi(env(), { parameters: activation('SNDEMO-A0012') });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.description).toContain('without an spReference');
		expect(await statusesOf(env(), 'POST orders/')).toEqual([undefined]);
	});

	it('retries a create without spReference after 429: the operator did not take it', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'POST orders/', kind: 'status429', retryAfterSeconds: 0 });
		const result = await runOnApi(env(), { parameters: activation('SNDEMO-A0012') });
		expect(result.error).toBeUndefined();
		expect(await statusesOf(env(), 'POST orders/')).toEqual([429, 201]);
	});

	it('fails at once when Retry-After is longer than the node waits', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'GET accesses/{id}', kind: 'status429', retryAfterSeconds: 600 });
		const result = await runOnApi(env(), { parameters: getAccess });
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toContain('asked to wait 600 s');
		expect(await statusesOf(env(), 'GET accesses/{id}')).toEqual([429]);
	});

	it('waits for a slow operator instead of retrying it', async () => {
		await env().sandbox.admin.setLatency('onapi', 400);
		const result = await runOnApi(env(), { parameters: activation('SNDEMO-A0015') });
		await env().sandbox.admin.setLatency('onapi', 0);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ accessId: 'SNDEMO-A0015', state: 'RECEIVED', duplicate: false });
		expect(await statusesOf(env(), 'POST orders/')).toEqual([201]);
	});

	it('retries a read answered with a 200 HTML page', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'GET accesses/{id}', kind: 'html' });
		const result = await runOnApi(env(), { parameters: getAccess });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0].accessId).toBe('SNDEMO-A0001');
		expect(await statusesOf(env(), 'GET accesses/{id}')).toEqual([200, 200]);
	});

	it('does not retry 501 and explains it', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'GET accesses/{id}', kind: 'http5xx', status: 501 });
		const result = await runOnApi(env(), { parameters: getAccess });
		expect(result.error?.httpCode).toBe('501');
		expect(result.error?.description).toContain('does not implement this endpoint');
		expect(await statusesOf(env(), 'GET accesses/{id}')).toEqual([501]);
	});
});

describe('ON-API 2.6: API errors', () => {
	it('uses the cause for 404 and explains it', async () => {
		const result = await runOnApi(env(), { parameters: { resource: 'order', operation: 'get', orderId: 'NOPE' } });
		expect(result.error?.message).toBe("Unknown orderId: 'NOPE'");
		expect(result.error?.description).toContain('no such object');
		expect(result.error?.httpCode).toBe('404');
	});

	it('explains 401 and never shows the password', async () => {
		const wrong = 'wrong-secret-Xy7';
		const failed = await runOnApi(env(), { password: wrong, parameters: getAccess });
		expect(failed.error?.httpCode).toBe('401');
		expect(failed.error?.message).toBe('Invalid credentials');
		expect(failed.error?.description).toContain('username and password');
		expect(JSON.stringify(failed.error)).not.toContain(wrong);

		const continued = await runOnApi(env(), { password: wrong, continueOnFail: true, parameters: getAccess });
		expect(continued.outputs[0]).toEqual([
			{
				json: expect.objectContaining({ error: 'Invalid credentials', httpCode: '401' }),
				pairedItem: { item: 0 },
			},
		]);
		expect(JSON.stringify(continued.outputs)).not.toContain(wrong);
		expect(JSON.stringify(continued.outputs)).not.toContain(PASSWORDS.SNDEMO);
	});

});
