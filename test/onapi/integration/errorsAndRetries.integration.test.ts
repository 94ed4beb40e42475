/**
 * Failures: bounded retries on 429/5xx/dropped connections (only where repeating is safe), the
 * operator's cause as the error message, field validation before any request, continueOnFail,
 * and the password never showing up.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	jsonOf,
	onApiRequests,
	PASSWORDS,
	runOnApi,
	useOnApiSandbox,
	VERSIONS,
} from './onApiTestKit';

const env = useOnApiSandbox();

async function statusesOf(operation: string): Promise<Array<number | undefined>> {
	const page = await env().sandbox.admin.requests({ simulator: 'onapi', operation });
	return page.entries.map((entry) => entry.status);
}

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
		expect(await statusesOf('GET accesses/{id}')).toEqual([429, 200]);
	});

	it('retries a read after 5xx, a bounded number of times', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'GET accesses/{id}', kind: 'http5xx', status: 503, times: 2 });
		const recovered = await runOnApi(env(), { version, parameters: getAccess });
		expect(recovered.error).toBeUndefined();
		expect(await statusesOf('GET accesses/{id}')).toEqual([503, 503, 200]);

		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'GET accesses/{id}', kind: 'http5xx', status: 502, times: 10 });
		const exhausted = await runOnApi(env(), { version, parameters: getAccess });
		expect(exhausted.error?.name).toBe('NodeApiError');
		expect(exhausted.error?.httpCode).toBe('502');
		expect(exhausted.error?.description).toContain('The node tried 4 times.');
		expect(await statusesOf('GET accesses/{id}')).toEqual([503, 503, 200, 502, 502, 502, 502]);
	});

	it('retries a create with spReference after 5xx, and the order exists once', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'POST orders/', kind: 'http5xx', status: 500 });
		const result = await runOnApi(env(), { version, parameters: activation('SNDEMO-A0010', { spReference: 'CUST-10' }) });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ accessId: 'SNDEMO-A0010', duplicate: false });
		expect(await statusesOf('POST orders/')).toEqual([500, 201]);
		expect(env().onapi.createCallCounts('SNDEMO')['SNDEMO-A0010']).toMatchObject({ created: 1 });
	});

	it('retries a create after a dropped connection only with spReference', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'POST orders/', kind: 'timeout', delayMs: 200 });
		const safe = await runOnApi(env(), { version, parameters: activation('SNDEMO-A0011', { spReference: 'CUST-11' }) });
		expect(safe.error).toBeUndefined();
		expect(await statusesOf('POST orders/')).toEqual([undefined, 201]);
	});
});

describe('ON-API 2.6: what is not retried', () => {
	it('does not retry a create without spReference after 5xx, and says why', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'POST orders/', kind: 'http5xx', status: 503 });
		const result = await runOnApi(env(), { parameters: activation('SNDEMO-A0012') });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('503');
		expect(result.error?.description).toContain('without an spReference');
		expect(await statusesOf('POST orders/')).toEqual([503]);
	});

	it('does not retry a create without spReference after a dropped connection', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'POST orders/', kind: 'timeout', delayMs: 200 });
		const result = await runOnApi(env(), { parameters: activation('SNDEMO-A0012') });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.description).toContain('without an spReference');
		expect(await statusesOf('POST orders/')).toEqual([undefined]);
	});

	it('retries a create without spReference after 429: the operator did not take it', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'POST orders/', kind: 'status429', retryAfterSeconds: 0 });
		const result = await runOnApi(env(), { parameters: activation('SNDEMO-A0012') });
		expect(result.error).toBeUndefined();
		expect(await statusesOf('POST orders/')).toEqual([429, 201]);
	});

	it('fails at once when Retry-After is longer than the node waits', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'GET accesses/{id}', kind: 'status429', retryAfterSeconds: 600 });
		const result = await runOnApi(env(), { parameters: getAccess });
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toContain('asked to wait 600 s');
		expect(await statusesOf('GET accesses/{id}')).toEqual([429]);
	});

	it('waits for a slow operator instead of retrying it', async () => {
		await env().sandbox.admin.setLatency('onapi', 400);
		const result = await runOnApi(env(), { parameters: activation('SNDEMO-A0015') });
		await env().sandbox.admin.setLatency('onapi', 0);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0]).toMatchObject({ accessId: 'SNDEMO-A0015', state: 'RECEIVED', duplicate: false });
		expect(await statusesOf('POST orders/')).toEqual([201]);
	});

	it('retries a read answered with a 200 HTML page', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'GET accesses/{id}', kind: 'html' });
		const result = await runOnApi(env(), { parameters: getAccess });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0].accessId).toBe('SNDEMO-A0001');
		expect(await statusesOf('GET accesses/{id}')).toEqual([200, 200]);
	});

	it('does not retry 501 and explains it', async () => {
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: 'GET accesses/{id}', kind: 'http5xx', status: 501 });
		const result = await runOnApi(env(), { parameters: getAccess });
		expect(result.error?.httpCode).toBe('501');
		expect(result.error?.description).toContain('does not implement this endpoint');
		expect(await statusesOf('GET accesses/{id}')).toEqual([501]);
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

	it('refuses fields the operator lists as unsupported before placing the order', async () => {
		env().onapi.configure('SNDEMO', { unsupportedFields: ['requestedDateTime'] });
		const result = await runOnApi(env(), {
			parameters: activation('SNDEMO-A0014', { requestedDateTime: '2030-01-01T00:00:00Z' }),
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(
			'Invalid field "requestedDateTime": the operator does not support requestedDateTime on its order endpoint',
		);
		expect(await onApiRequests(env())).toEqual(['GET /onapi/SNDEMO/2.6/']);
	});
});

describe('ON-API 2.6: input validation', () => {
	it.each([
		[{ accessId: 'not an id!' }, 'Invalid field "accessId": accessId must be an ON-API ID'],
		[{ additionalFields: { equipment: { device: [{ vendorId: 'ACME', macAddress: '00:11:22' }] } } }, 'Invalid field "equipment[0].macAddress"'],
		[{ additionalFields: { requestedDateTime: 'next tuesday' } }, 'Invalid field "requestedDateTime"'],
		[{ additionalFields: { spReference: 'with space' } }, 'Invalid field "spReference"'],
		[{ waitForCompletion: true, waitOptions: { maxWaitSeconds: 0 } }, 'Invalid field "waitOptions.maxWaitSeconds"'],
	])('refuses %j before any request', async (override, message) => {
		const result = await runOnApi(env(), { parameters: { ...activation('SNDEMO-A0001'), ...override } });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message.startsWith(message)).toBe(true);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(await onApiRequests(env())).toEqual([]);
	});

	it('continues on fail item by item, each output paired with its input', async () => {
		const result = await runOnApi(env(), {
			continueOnFail: true,
			parameters: {
				resource: 'order',
				operation: 'activate',
				accessId: '={{ $json.accessId }}',
				service: 'BB-100-100',
			},
			inputItems: [{ json: { accessId: 'SNDEMO-A0020' } }, { json: { accessId: 'bad id' } }, { json: { accessId: 'SNDEMO-A0013' } }],
		});
		expect(result.error).toBeUndefined();
		const items = result.outputs[0];
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toMatchObject({ accessId: 'SNDEMO-A0020', state: 'RECEIVED', duplicate: false });
		expect(String(items[1].json.error)).toMatch(/^Invalid field "accessId"/);
		expect(items[2].json).toMatchObject({ error: 'ServiceType is already claimed by other Service Provider.', httpCode: '409' });
		expect(await statusesOf('POST orders/')).toEqual([201, 409]);
	});
});
