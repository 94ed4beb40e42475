/**
 * The ON-API node with an ON-API Operators credential: each item names its operator (coId), goes
 * to that operator with that operator's login, and a slow operator holds back no other.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { OnApi as OnApiCredential } from '../../../credentials/OnApi.credentials';
import { OnApiOperatorsApi } from '../../../credentials/OnApiOperatorsApi.credentials';
import { OnApi } from '../../../nodes/OnApi/OnApi.node';
import { executeNode, type HarnessResult } from '../../harness/n8n';
import { jsonOf, onApiRequests, useOnApiSandbox } from '../onApiTestKit';
import { directoryFor } from '../trigger/triggerTestKit';

const env = useOnApiSandbox();

async function runWithDirectory(
	items: IDataObject[],
	options: { parameters?: IDataObject; continueOnFail?: boolean; directory?: string } = {},
): Promise<HarnessResult> {
	return await executeNode({
		nodeType: new OnApi(),
		parameters: {
			authentication: 'onApiOperatorsApi',
			operator: '={{ $json.co }}',
			resource: 'access',
			operation: 'get',
			accessId: '={{ $json.accessId }}',
			...options.parameters,
		},
		credentialTypes: [new OnApiCredential(), new OnApiOperatorsApi()],
		credentials: { onApiOperatorsApi: { operators: options.directory ?? directoryFor(env()) } },
		inputItems: items.map((json): INodeExecutionData => ({ json })),
		continueOnFail: options.continueOnFail,
	});
}

test('each item goes to the operator it names, with that operator\'s login', async () => {
	const result = await runWithDirectory([
		{ co: 'SNDEMO', accessId: 'SNDEMO-A0001' },
		{ co: 'FIBNORR', accessId: 'FIBNORR-1001' },
		{ co: 'SNDEMO', accessId: 'SNDEMO-A0002' },
	]);
	expect(result.error).toBeUndefined();
	expect(jsonOf(result).map((access) => access.accessId)).toEqual(['SNDEMO-A0001', 'FIBNORR-1001', 'SNDEMO-A0002']);
	const requests = await onApiRequests(env());
	expect(requests.filter((line) => line.includes('/accesses/')).sort()).toEqual([
		'GET /onapi/FIBNORR/2.6/accesses/FIBNORR-1001',
		'GET /onapi/SNDEMO/2.6/accesses/SNDEMO-A0001',
		'GET /onapi/SNDEMO/2.6/accesses/SNDEMO-A0002',
	]);
});

test('an unknown coId is an error for that item, naming it and how many operators are known', async () => {
	const result = await runWithDirectory(
		[
			{ co: 'SNDEMO', accessId: 'SNDEMO-A0001' },
			{ co: 'NOPE', accessId: 'X-1' },
			{ co: '', accessId: 'X-2' },
		],
		{ continueOnFail: true },
	);
	const [found, unknown, empty] = jsonOf(result);
	expect(found.accessId).toBe('SNDEMO-A0001');
	expect(unknown).toMatchObject({ error: 'Unknown operator "NOPE": the ON-API Operators credential lists 2 operators', description: expect.stringContaining('SNDEMO, FIBNORR') });
	expect(empty.error).toBe('Operator (coId): enter the coId of one of the 2 operators');
	expect((await onApiRequests(env())).some((line) => line.includes('X-'))).toBe(false);
});

test('a bad operator list fails the run before any request', async () => {
	const result = await runWithDirectory([{ co: 'SNDEMO', accessId: 'SNDEMO-A0001' }], { directory: '[{"coId":"SNDEMO","baseUrl":"x"}]' });
	expect(result.error?.message).toBe('Operator 1 (coId SNDEMO): baseUrl: Base URL is not a URL');
	expect(await onApiRequests(env())).toEqual([]);
});

test('a slow operator holds back no other: its items run in their own lane', async () => {
	await env().sandbox.admin.addFault({ simulator: 'onapi', match: '/onapi/FIBNORR/2.6/accesses/', kind: 'slow', delayMs: 1000, times: 10 });
	const result = await runWithDirectory(
		[
			{ co: 'FIBNORR', accessId: 'FIBNORR-1001' },
			{ co: 'FIBNORR', accessId: 'FIBNORR-1002' },
			{ co: 'SNDEMO', accessId: 'SNDEMO-A0001' },
		],
		// One item at a time per operator: in one lane SNDEMO's item would wait for both of FIBNORR's.
		{ parameters: { itemConcurrency: 1 } },
	);
	expect(result.error).toBeUndefined();
	expect(jsonOf(result).map((access) => access.accessId)).toEqual(['FIBNORR-1001', 'FIBNORR-1002', 'SNDEMO-A0001']);
	const arrivals = (await onApiRequests(env())).filter((line) => line.includes('/accesses/'));
	expect(arrivals).toEqual([
		'GET /onapi/FIBNORR/2.6/accesses/FIBNORR-1001',
		'GET /onapi/SNDEMO/2.6/accesses/SNDEMO-A0001',
		'GET /onapi/FIBNORR/2.6/accesses/FIBNORR-1002',
	]);
});

test('orders work per operator too: activate, then read each order back from its own operator', async () => {
	const items = [
		{ co: 'SNDEMO', accessId: 'SNDEMO-A0006', ref: 'CUST-S6' },
		{ co: 'FIBNORR', accessId: 'FIBNORR-1006', ref: 'CUST-F6' },
	];
	const placed = await runWithDirectory(items, {
		parameters: { resource: 'order', operation: 'activate', service: 'BB-100-100', additionalFields: { spReference: '={{ $json.ref }}' } },
	});
	expect(placed.error).toBeUndefined();
	const orders = jsonOf(placed);
	expect(orders.map((order) => [order.accessId, order.spReference, order.state])).toEqual([
		['SNDEMO-A0006', 'CUST-S6', 'RECEIVED'],
		['FIBNORR-1006', 'CUST-F6', 'RECEIVED'],
	]);
	const read = await runWithDirectory(
		orders.map((order, index) => ({ co: items[index].co, orderId: order.orderId })),
		{ parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.orderId }}' } },
	);
	expect(jsonOf(read).map((order) => order.spReference)).toEqual(['CUST-S6', 'CUST-F6']);
});
