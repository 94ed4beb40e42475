/**
 * What the Tjänsteguiden node does for every operation alike, through n8n-core's WorkflowExecute
 * against the sandbox: continue on fail and pairing (once per side), the same items with either
 * side's credential, and several items side by side (Concurrent Items). Each operation's own tests
 * are in actions/<resource>/<operation>.operation.test.ts.
 */
import type { INodeParameters } from 'n8n-workflow';

import { DEMO_OPERATOR_API_USER, type RunningSandbox } from '../../sandbox/src';
import {
	API_SIDES,
	jsonOf,
	networkOperatorSide,
	runAction,
	seedOrder,
	serviceProviderSide,
	startTjansteguidenSandbox,
	type ApiSideFixture,
} from './nodeTestKit';

let sandbox: RunningSandbox;
beforeEach(async () => (sandbox = await startTjansteguidenSandbox()));
afterEach(async () => await sandbox.close());

describe.each(API_SIDES)('$name side', (side: ApiSideFixture) => {
	test('continue on fail: the bad item becomes an error item, the others go on', async () => {
		const order = await seedOrder(sandbox);
		const result = await runAction({
			sandbox,
			side,
			parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			inputItems: [{ json: { id: 'nope' } }, { json: { id: order.id } }, { json: { id: 424242 } }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		const items = result.outputs[0];
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({ json: { error: expect.stringContaining('Order ID must be a number') }, pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({ json: { id: String(order.id) }, pairedItem: { item: 1 } });
		expect(items[2]).toMatchObject({ json: { error: expect.stringContaining('not found') }, pairedItem: { item: 2 } });
	});
});

describe('switching a workflow between the sides', () => {
	test.each<[string, INodeParameters]>([
		['order getMany', { resource: 'order', operation: 'getMany', since: '2026-11-26' }],
		['order get', { resource: 'order', operation: 'get', orderId: '19530' }],
		['order getLog', { resource: 'order', operation: 'getLog', orderId: '19530' }],
		['customer get', { resource: 'customer', operation: 'get', customerId: '16745', options: { includePersonalData: true } }],
		['customer getMany', { resource: 'customer', operation: 'getMany', since: '2026-11-26' }],
	])('%s gives identical items with either credential', async (_name, parameters) => {
		const order = await seedOrder(sandbox, { message: 'Porttelefon saknas', log: [{ type: 'alert', message: 'Kund har bytt lägenhet' }] });
		await seedOrder(sandbox, { date: '2026-11-26 12:00:00', status: 'delivered' });
		expect([order.id, order.customer]).toEqual([19530, 16745]);

		const asServiceProvider = jsonOf(await runAction({ sandbox, parameters, side: serviceProviderSide }));
		const asOperator = jsonOf(await runAction({ sandbox, parameters, side: networkOperatorSide }));
		expect(asServiceProvider.length).toBeGreaterThan(0);
		expect(asOperator).toEqual(asServiceProvider);
	});

	test('without an authentication value the node stays on the service-provider API; the operator side calls its own endpoint', async () => {
		const parameters = { resource: 'order', operation: 'getMany', since: '2026-11-27' };
		await runAction({ sandbox, parameters, side: serviceProviderSide });
		await runAction({ sandbox, parameters, side: networkOperatorSide });
		const calls = (await sandbox.admin.requests({ simulator: 'tjansteguiden', operation: 'orders' })).entries;
		expect(calls.map((entry) => entry.path)).toEqual(['/plain/serviceguide_log', '/admin/edit/services/plain/orders']);
		expect(calls[0].query).toHaveProperty('hash');
		expect(calls[1].query).toEqual({ method: 'orders', date: '2026-11-27', api_user: DEMO_OPERATOR_API_USER, output_format: 'xml' });
	});
});

describe('Concurrent Items', () => {
	async function threeOrders() {
		const ids: number[] = [];
		for (let i = 0; i < 3; i++) ids.push((await sandbox.admin.tjansteguiden.createOrder({ date: '2026-11-27 08:00:00' })).id);
		return ids;
	}

	/** The sandbox numbers log entries in the order it writes them. */
	async function statusChangeOrder(ids: number[]) {
		const entries = await Promise.all(
			ids.map(async (id) => ({ id, logId: (await sandbox.admin.tjansteguiden.order(id)).log!.at(-1)!.id })),
		);
		return entries.sort((a, b) => a.logId - b.logId).map((entry) => entry.id);
	}

	const setReceived = (itemConcurrency: number) => ({
		resource: 'order',
		operation: 'setStatus',
		orderId: '={{ $json.id }}',
		status: 'received',
		itemConcurrency,
	});

	test('a slow first item does not hold back the others, and output keeps input order', async () => {
		const ids = await threeOrders();
		// The first set_status to arrive is answered late; the others finish before it.
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'set_status', kind: 'slow', delayMs: 400 });
		const result = await runAction({ sandbox, parameters: setReceived(3), inputItems: ids.map((id) => ({ json: { id } })) });
		expect(result.error).toBeUndefined();
		expect(result.outputs[0].map((item) => [item.json.orderId, item.pairedItem])).toEqual(
			ids.map((id, item) => [String(id), { item }]),
		);
		expect((await statusChangeOrder(ids)).at(-1)).toBe(ids[0]);
	});

	test('Concurrent Items 1 handles one item after the other', async () => {
		const ids = await threeOrders();
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'set_status', kind: 'slow', delayMs: 400 });
		await runAction({ sandbox, parameters: setReceived(1), inputItems: ids.map((id) => ({ json: { id } })) });
		expect(await statusChangeOrder(ids)).toEqual(ids);
	});
});
