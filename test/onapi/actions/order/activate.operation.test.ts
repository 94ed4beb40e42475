/**
 * Order → Activate, and waiting for an order, in ON-API 2.4, 2.5 and 2.6, against the sandbox's
 * operators: success, DONE_FAILED as error and as output, the 409 of a taken service, 200 answers
 * to repeated creates, an operator that takes longer than the node waits, and the field checks
 * before any request.
 */
import { FAILING_ACCESS_ID, FAILING_ACCESS_MESSAGE, TAKEN_ACCESS_ID } from '../../../../sandbox/src';
import { FAST_WAIT, jsonOf, onApiRequests, runOnApi, useOnApiSandbox, VERSIONS, whenRequested } from '../../onApiTestKit';

const env = useOnApiSandbox();

function activation(accessId: string, extra: Record<string, unknown> = {}) {
	return {
		resource: 'order',
		operation: 'activate',
		accessId,
		service: 'BB-100-100',
		additionalFields: { spReference: 'CUST-1001' },
		...extra,
	};
}

/** Moves the operator's clock past the order's completion once the node has placed it. */
async function finishOrdersOnceCreated(): Promise<void> {
	await whenRequested(env(), /^POST .*\/orders?\/$/);
	env().sandbox.clock.advance(60_000);
}

describe.each(VERSIONS)('ON-API %s: order activation', (version) => {
	it('waits until DONE_SUCCESS and reports the new subscription', async () => {
		const [result] = await Promise.all([
			runOnApi(env(), {
				version,
				parameters: activation('SNDEMO-A0001', { waitForCompletion: true, waitOptions: FAST_WAIT }),
			}),
			finishOrdersOnceCreated(),
		]);
		expect(result.error).toBeUndefined();
		const [item] = result.outputs[0];
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			accessId: 'SNDEMO-A0001',
			service: 'BB-100-100',
			operation: 'ACTIVATE',
			state: 'DONE_SUCCESS',
			finalState: 'DONE_SUCCESS',
			operatorMessage: '',
			duplicate: false,
		});
		expect(typeof item.json.orderId).toBe('string');

		const subscriptions = await runOnApi(env(), {
			version,
			parameters: { resource: 'subscription', operation: 'getMany', returnAll: true, filters: { accessId: 'SNDEMO-A0001' } },
		});
		expect(jsonOf(subscriptions).map((entry) => entry.subscriptionId)).toEqual([item.json.subscriptionId]);
		expect(await onApiRequests(env())).toContain(`GET /onapi/SNDEMO/${version}/${version === '2.4' ? 'order' : 'orders'}/${String(item.json.orderId)}`);
	});

	it('stops with the operator\'s message when the order ends DONE_FAILED (error mode)', async () => {
		const [result] = await Promise.all([
			runOnApi(env(), {
				coId: 'FIBNORR',
				version,
				parameters: activation(FAILING_ACCESS_ID, { waitForCompletion: true, waitOptions: FAST_WAIT }),
			}),
			finishOrdersOnceCreated(),
		]);
		expect(result.error?.message).toMatch(new RegExp(`^The operator failed the order \\w+: ${FAILING_ACCESS_MESSAGE}$`));
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.outputs).toEqual([]);
	});

	it('outputs a DONE_FAILED order as a normal item in output mode', async () => {
		const [result] = await Promise.all([
			runOnApi(env(), {
				coId: 'FIBNORR',
				version,
				parameters: activation(FAILING_ACCESS_ID, {
					waitForCompletion: true,
					waitOptions: { ...FAST_WAIT, onFailed: 'output' },
				}),
			}),
			finishOrdersOnceCreated(),
		]);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			expect.objectContaining({
				accessId: FAILING_ACCESS_ID,
				state: 'DONE_FAILED',
				finalState: 'DONE_FAILED',
				operatorMessage: FAILING_ACCESS_MESSAGE,
				message: FAILING_ACCESS_MESSAGE,
			}),
		]);
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('turns the 409 of a service held by another provider into a NodeApiError with a plain description', async () => {
		const result = await runOnApi(env(), { version, parameters: activation(TAKEN_ACCESS_ID) });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('ServiceType is already claimed by other Service Provider.');
		expect(result.error?.description).toContain('already active, or held by another service provider');
		expect(result.error?.httpCode).toBe('409');
	});

	it('treats the 200 answer to a repeated create as success with duplicate: true', async () => {
		const first = await runOnApi(env(), { version, parameters: activation('SNDEMO-A0002') });
		const second = await runOnApi(env(), { version, parameters: activation('SNDEMO-A0002') });
		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		const [placed] = jsonOf(first);
		const [repeated] = jsonOf(second);
		expect(placed).toMatchObject({ duplicate: false, state: 'RECEIVED' });
		expect(repeated).toMatchObject({ duplicate: true, orderId: placed.orderId });
		expect(env().onapi.createCallCounts('SNDEMO')['SNDEMO-A0002']).toMatchObject({ created: 1, duplicates: 1 });
	});

	it('treats "already active" (200, no path) as success and finds the subscription', async () => {
		const [placed] = await Promise.all([
			runOnApi(env(), { version, parameters: activation('SNDEMO-A0003', { waitForCompletion: true, waitOptions: FAST_WAIT }) }),
			finishOrdersOnceCreated(),
		]);
		const again = await runOnApi(env(), {
			version,
			parameters: activation('SNDEMO-A0003', { waitForCompletion: true, waitOptions: FAST_WAIT }),
		});
		expect(again.error).toBeUndefined();
		expect(jsonOf(again)[0]).toMatchObject({
			duplicate: true,
			state: 'DONE_SUCCESS',
			finalState: 'DONE_SUCCESS',
			subscriptionId: jsonOf(placed)[0].subscriptionId,
		});
		expect(jsonOf(again)[0]).not.toHaveProperty('path');
	});

	it('gives up after the bounded wait on a slow operator, then Get with wait sees it through', async () => {
		env().onapi.configure('SNDEMO', { slowAccesses: { 'SNDEMO-A0004': { inProgressAfterMs: 0, doneAfterMs: 3_600_000 } } });
		const impatient = await runOnApi(env(), {
			version,
			parameters: activation('SNDEMO-A0004', { waitForCompletion: true, waitOptions: { maxWaitSeconds: 1, pollIntervalSeconds: 0.2 } }),
		});
		expect(impatient.error?.message).toMatch(/^The order \w+ is still (RECEIVED|IN_PROGRESS) after 1 s$/);

		const tolerant = await runOnApi(env(), {
			version,
			parameters: activation('SNDEMO-A0004', {
				waitForCompletion: true,
				waitOptions: { maxWaitSeconds: 1, pollIntervalSeconds: 0.2, onFailed: 'output' },
			}),
		});
		const [pending] = jsonOf(tolerant);
		expect(pending).toMatchObject({ duplicate: true, finalState: null, waitTimedOut: true });

		env().sandbox.clock.advance(2 * 3_600_000);
		const done = await runOnApi(env(), {
			version,
			parameters: { resource: 'order', operation: 'get', orderId: pending.orderId, waitForCompletion: true, waitOptions: FAST_WAIT },
		});
		expect(done.error).toBeUndefined();
		expect(jsonOf(done)[0]).toMatchObject({ orderId: pending.orderId, finalState: 'DONE_SUCCESS', state: 'DONE_SUCCESS' });
		expect(typeof jsonOf(done)[0].subscriptionId).toBe('string');
	});
});

describe('ON-API 2.4 specifics', () => {
	it('refuses an activation without spReference before sending anything', async () => {
		const result = await runOnApi(env(), {
			coId: 'FIBNORR',
			version: '2.4',
			parameters: { resource: 'order', operation: 'activate', accessId: 'FIBNORR-1001', service: 'BB-100-100' },
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('Invalid field "spReference": spReference is required for ACTIVATE in ON-API 2.4');
		expect(await onApiRequests(env())).toEqual([]);
	});

	it('uses the order path the operator lists (order/ rather than orders/)', async () => {
		const result = await runOnApi(env(), { coId: 'FIBNORR', version: '2.4', parameters: activation('FIBNORR-1002') });
		expect(result.error).toBeUndefined();
		expect(await onApiRequests(env())).toEqual(['GET /onapi/FIBNORR/2.4/', 'POST /onapi/FIBNORR/2.4/order/']);
	});
});

describe('ON-API 2.6: checks before the order is placed', () => {
	function plainActivation(accessId: string, additionalFields: Record<string, unknown> = {}) {
		return { resource: 'order', operation: 'activate', accessId, service: 'BB-100-100', additionalFields };
	}

	it('refuses fields the operator lists as unsupported before placing the order', async () => {
		env().onapi.configure('SNDEMO', { unsupportedFields: ['requestedDateTime'] });
		const result = await runOnApi(env(), {
			parameters: plainActivation('SNDEMO-A0014', { requestedDateTime: '2030-01-01T00:00:00Z' }),
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(
			'Invalid field "requestedDateTime": the operator does not support requestedDateTime on its order endpoint',
		);
		expect(await onApiRequests(env())).toEqual(['GET /onapi/SNDEMO/2.6/']);
	});

	it.each([
		[{ accessId: 'not an id!' }, 'Invalid field "accessId": accessId must be an ON-API ID'],
		[{ additionalFields: { equipment: { device: [{ vendorId: 'ACME', macAddress: '00:11:22' }] } } }, 'Invalid field "equipment[0].macAddress"'],
		[{ additionalFields: { requestedDateTime: 'next tuesday' } }, 'Invalid field "requestedDateTime"'],
		[{ additionalFields: { spReference: 'with space' } }, 'Invalid field "spReference"'],
		[{ waitForCompletion: true, waitOptions: { maxWaitSeconds: 0 } }, 'Invalid field "waitOptions.maxWaitSeconds"'],
	])('refuses %j before any request', async (override, message) => {
		const result = await runOnApi(env(), { parameters: { ...plainActivation('SNDEMO-A0001'), ...override } });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message.startsWith(message)).toBe(true);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(await onApiRequests(env())).toEqual([]);
	});

});
