/**
 * Every operation of the Tjänsteguiden node, once per side (service provider, network operator),
 * through n8n-core's WorkflowExecute against the sandbox: the same assertions hold for both, so a
 * workflow can be switched from one side to the other by its credential alone.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { stockholmToday } from '../../nodes/Tjansteguiden/helpers/dates';
import type { RunningSandbox } from '../../sandbox/src';
import {
	API_SIDES,
	expectNoSecrets,
	networkOperatorSide,
	runAction,
	secretsOf,
	serviceProviderSide,
	SNDEMO_SOCKET,
	startTjansteguidenSandbox,
	type ApiSideFixture,
} from './context';

let sandbox: RunningSandbox;

beforeEach(async () => {
	sandbox = await startTjansteguidenSandbox();
});

afterEach(async () => {
	await sandbox.close();
});

async function seedOrder(overrides: Record<string, unknown> = {}) {
	return await sandbox.admin.tjansteguiden.createOrder({
		date: '2026-11-27 08:15:00',
		service: 2440,
		socket: SNDEMO_SOCKET,
		customer: {
			firstname: 'Astrid',
			surname: 'Testsson',
			serial: '191212121212',
			email: 'astrid@example.se',
			phone: '0701234567',
			zip: '01234',
		},
		...overrides,
	});
}

function jsonOf(result: Awaited<ReturnType<typeof runAction>>): IDataObject[] {
	expect(result.error).toBeUndefined();
	return result.outputs[0].map((item) => item.json);
}

describe.each(API_SIDES)('$name side', (side: ApiSideFixture) => {
	const run = (parameters: INodeParameters, extra: Parameters<typeof runAction>[2] = {}) =>
		runAction(sandbox, parameters, { ...extra, side });

	test('order getMany: one item per order since the date, ISO dates, status filter', async () => {
		const first = await seedOrder();
		const second = await seedOrder({ date: '2026-11-26 23:59:00', status: 'delivered' });
		await seedOrder({ date: '2026-11-20 10:00:00' });

		const allResult = await run({ resource: 'order', operation: 'getMany', since: '2026-11-26' });
		const all = jsonOf(allResult);
		expect(allResult.outputs[0].every((item) => item.pairedItem !== undefined)).toBe(true);
		expect(all.map((order) => order.id).sort()).toEqual([String(first.id), String(second.id)].sort());
		expect(all.find((order) => order.id === String(second.id))).toEqual({
			id: String(second.id),
			type: 'order',
			date: '2026-11-26T23:59:00+01:00',
			status: 'delivered',
			service: '2440',
			xsp: '31420',
			delivery: 'asap',
			customer: String(second.customer),
		});

		const delivered = jsonOf(
			await run({ resource: 'order', operation: 'getMany', since: '2026-11-26', options: { statuses: ['delivered'] } }),
		);
		expect(delivered.map((order) => order.id)).toEqual([String(second.id)]);
	});

	test('order getMany on a day without orders: no items, no error', async () => {
		await seedOrder({ date: '2026-11-20 10:00:00' });
		expect(jsonOf(await run({ resource: 'order', operation: 'getMany', since: '2026-11-27' }))).toEqual([]);
	});

	test('order getMany with Since empty asks for today in Stockholm', async () => {
		jsonOf(await run({ resource: 'order', operation: 'getMany' }));
		const requests = await sandbox.admin.requests({ simulator: 'tjansteguiden', operation: 'orders' });
		expect(requests.entries.at(-1)?.path).toBe(side.path);
		expect(requests.entries.at(-1)?.query.date).toBe(stockholmToday());
	});

	test('order get: the order with its accessId, operator and service', async () => {
		const order = await seedOrder({ message: 'Ring innan ni kommer' });
		const items = jsonOf(await run({ resource: 'order', operation: 'get', orderId: String(order.id) }));
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			id: String(order.id),
			socket: SNDEMO_SOCKET,
			co: 'SNDEMO',
			service_uid: 'BB100100',
			status: 'new',
			date: '2026-11-27T08:15:00+01:00',
			message: 'Ring innan ni kommer',
		});
	});

	test('setStatus and addMessage change the order, and getLog reads them back', async () => {
		const order = await seedOrder();
		const status = jsonOf(await run({ resource: 'order', operation: 'setStatus', orderId: String(order.id), status: 'active' }));
		expect(status).toEqual([
			{ success: true, orderId: String(order.id), status: 'active', message: `Status changed to active for order ${order.id}` },
		]);

		const message = jsonOf(
			await run({
				resource: 'order',
				operation: 'addMessage',
				orderId: String(order.id),
				messageType: 'error',
				message: 'Porten finns ej – kontakta KO & kund',
			}),
		);
		expect(message).toEqual([
			{
				success: true,
				orderId: String(order.id),
				messageType: 'error',
				message: 'Porten finns ej – kontakta KO & kund',
				apiMessage: `Message added to order ${order.id}`,
			},
		]);

		const stored = await sandbox.admin.tjansteguiden.order(order.id);
		expect(stored.status).toBe('active');
		expect(stored.log?.map((entry) => [entry.type, entry.message])).toEqual(
			expect.arrayContaining([['error', 'Porten finns ej – kontakta KO & kund']]),
		);

		const log = jsonOf(await run({ resource: 'order', operation: 'getLog', orderId: String(order.id) }));
		expect(log.map((entry) => [entry.orderId, entry.type, entry.message])).toEqual([
			[String(order.id), 'system', 'Status changed to active'],
			[String(order.id), 'error', 'Porten finns ej – kontakta KO & kund'],
		]);
		expect(log[0]).toEqual({
			orderId: String(order.id),
			id: expect.any(String),
			date: expect.stringMatching(/^2026-11-27T\d\d:\d\d:\d\d\+01:00$/),
			type: 'system',
			message: 'Status changed to active',
			user: expect.any(String),
		});
	});

	test('customer get: personal data left out unless asked, leading zeros kept', async () => {
		const order = await seedOrder();
		const customerId = String(order.customer);
		const plainResult = await run({ resource: 'customer', operation: 'get', customerId });
		const [plain] = jsonOf(plainResult);
		expect(plain).toMatchObject({ id: customerId, socket: SNDEMO_SOCKET, firstname: 'Astrid', zip: '01234' });
		expect(plain).not.toHaveProperty('serial');
		expect(plain).not.toHaveProperty('email');
		expect(JSON.stringify(plainResult.outputs)).not.toContain('0701234567');

		const [full] = jsonOf(await run({ resource: 'customer', operation: 'get', customerId, options: { includePersonalData: true } }));
		expect(full).toMatchObject({ serial: '191212121212', email: 'astrid@example.se' });
		expect((full.data as IDataObject).phone).toBe('0701234567');
	});

	test('customer getMany: new customers and customers edited since the date', async () => {
		const old = await seedOrder({ date: '2026-11-20 10:00:00', customer: { firstname: 'Olle', date: '2026-11-20 10:00:00' } });
		const fresh = await seedOrder();
		const before = jsonOf(await run({ resource: 'customer', operation: 'getMany', since: '2026-11-27' }));
		expect(before.map((customer) => customer.id)).toEqual([String(fresh.customer)]);

		await sandbox.admin.tjansteguiden.editCustomer(old.customer, { address: 'Nygatan 1' });
		const after = jsonOf(await run({ resource: 'customer', operation: 'getMany', since: '2026-11-27' }));
		expect(after.map((customer) => customer.id)).toEqual([String(fresh.customer), String(old.customer)]);
		expect(after[1]).toEqual({
			id: String(old.customer),
			socket: SNDEMO_SOCKET,
			firstname: 'Olle',
			surname: expect.any(String),
			date: expect.stringMatching(/^2026-11-27T10:00:00\+01:00$/),
		});
	});

	test("raw output returns the parsed answer as sent, the one place where the sides' envelopes show", async () => {
		await seedOrder();
		const [raw] = jsonOf(await run({ resource: 'order', operation: 'getMany', since: '2026-11-27', options: { rawOutput: true } }));
		expect(Object.keys(raw)).toEqual([side.ordersRoot]);
	});

	test('bad input is a NodeOperationError naming the field, and no request is sent', async () => {
		const before = (await sandbox.admin.counters()).total;
		const result = await run({ resource: 'order', operation: 'setStatus', orderId: '12a', status: 'received' });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain('Order ID must be a number');
		expect((await sandbox.admin.counters()).total).toBe(before);
	});

	test('an unknown order is a NodeApiError with the API message', async () => {
		const result = await run({ resource: 'order', operation: 'get', orderId: '999999' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toContain('999999 not found');
	});

	test.each([
		['an HTML error page', { kind: 'html', status: 503 }, /HTTP 503/],
		['a 502', { kind: 'http5xx', status: 502 }, /HTTP 502/],
		['malformed XML', { kind: 'malformedXml' }, /could not be read/],
		['an error envelope', { kind: 'errorEnvelope', message: 'Databasen är nere' }, /Databasen är nere/],
	])('%s becomes a NodeApiError without secrets', async (_name, fault, expected) => {
		const order = await seedOrder();
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'order_info', ...fault });
		const result = await run({ resource: 'order', operation: 'get', orderId: String(order.id) });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(expected);
		expectNoSecrets({ error: result.error, run: result.run }, await secretsOf(sandbox));
	});

	test('continue on fail: the bad item becomes an error item, the others go on', async () => {
		const order = await seedOrder();
		const result = await run(
			{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			{ inputItems: [{ json: { id: 'nope' } }, { json: { id: order.id } }, { json: { id: 424242 } }], continueOnFail: true },
		);
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
		const order = await seedOrder({ message: 'Porttelefon saknas', log: [{ type: 'alert', message: 'Kund har bytt lägenhet' }] });
		await seedOrder({ date: '2026-11-26 12:00:00', status: 'delivered' });
		expect([order.id, order.customer]).toEqual([19530, 16745]);

		const asServiceProvider = jsonOf(await runAction(sandbox, parameters, { side: serviceProviderSide }));
		const asOperator = jsonOf(await runAction(sandbox, parameters, { side: networkOperatorSide }));
		expect(asServiceProvider.length).toBeGreaterThan(0);
		expect(asOperator).toEqual(asServiceProvider);
	});

	test('without an authentication value the node stays on the service-provider API; the operator side calls its own endpoint', async () => {
		await runAction(sandbox, { resource: 'order', operation: 'getMany', since: '2026-11-27' }, { side: serviceProviderSide });
		await runAction(sandbox, { resource: 'order', operation: 'getMany', since: '2026-11-27' }, { side: networkOperatorSide });
		const calls = (await sandbox.admin.requests({ simulator: 'tjansteguiden', operation: 'orders' })).entries;
		expect(calls.map((entry) => entry.path)).toEqual(['/plain/serviceguide_log', '/admin/edit/services/plain/orders']);
		expect(calls[0].query).toHaveProperty('hash');
		expect(calls[1].query).toEqual({ method: 'orders', date: '2026-11-27', api_user: '4711', output_format: 'xml' });
	});
});
