/**
 * The Tjänsteguiden node through n8n-core's WorkflowExecute, over real HTTP against the sandbox.
 */
import { stockholmToday } from '../../nodes/Tjansteguiden/helpers/dates';
import type { RunningSandbox } from '../../sandbox/src';
import { expectNoSecrets, runAction, secretsOf, startTjansteguidenSandbox } from './context';

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
		socket: 'SNDEMO-A0001',
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

describe('order operations', () => {
	test('getMany returns one item per order since the date, with a status filter', async () => {
		const first = await seedOrder();
		const second = await seedOrder({ date: '2026-11-26 23:59:00', status: 'delivered' });
		await seedOrder({ date: '2026-11-20 10:00:00' });

		const all = await runAction(sandbox, { resource: 'order', operation: 'getMany', since: '2026-11-26' });
		expect(all.error).toBeUndefined();
		const ids = all.outputs[0].map((item) => item.json.id);
		expect(ids).toEqual(expect.arrayContaining([String(first.id), String(second.id)]));
		expect(ids).toHaveLength(2);
		expect(all.outputs[0].every((item) => item.pairedItem !== undefined)).toBe(true);
		const late = all.outputs[0].find((item) => item.json.id === String(second.id))!;
		expect(late.json.date).toBe('2026-11-26T23:59:00+01:00');

		const delivered = await runAction(sandbox, {
			resource: 'order',
			operation: 'getMany',
			since: '2026-11-26',
			options: { statuses: ['delivered'] },
		});
		expect(delivered.outputs[0].map((item) => item.json.id)).toEqual([String(second.id)]);
	});

	test('getMany asks for today in Stockholm when Since is empty', async () => {
		const result = await runAction(sandbox, { resource: 'order', operation: 'getMany' });
		expect(result.error).toBeUndefined();
		const requests = await sandbox.admin.requests({ simulator: 'tjansteguiden', operation: 'orders' });
		expect(requests.entries.at(-1)?.query.date).toBe(stockholmToday());
	});

	test('get returns order_info with the accessId (socket) and operator', async () => {
		const order = await seedOrder({ message: 'Ring innan ni kommer' });
		const result = await runAction(sandbox, { resource: 'order', operation: 'get', orderId: String(order.id) });
		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toHaveLength(1);
		expect(result.outputs[0][0].json).toMatchObject({
			id: String(order.id),
			socket: 'SNDEMO-A0001',
			co: 'SNDEMO',
			service_uid: 'BB100100',
			status: 'new',
			date: '2026-11-27T08:15:00+01:00',
			message: 'Ring innan ni kommer',
		});
	});

	test('setStatus and addMessage change the order and show up in getLog', async () => {
		const order = await seedOrder();
		const status = await runAction(sandbox, {
			resource: 'order',
			operation: 'setStatus',
			orderId: String(order.id),
			status: 'received',
		});
		expect(status.outputs[0][0].json).toMatchObject({ success: true, orderId: String(order.id), status: 'received' });

		const message = await runAction(sandbox, {
			resource: 'order',
			operation: 'addMessage',
			orderId: String(order.id),
			messageType: 'error',
			message: 'Porten finns ej – kontakta KO & kund',
		});
		expect(message.outputs[0][0].json).toMatchObject({ success: true, messageType: 'error' });

		const stored = await sandbox.admin.tjansteguiden.order(order.id);
		expect(stored.status).toBe('received');
		expect(stored.log?.map((entry) => [entry.type, entry.message])).toEqual(
			expect.arrayContaining([['error', 'Porten finns ej – kontakta KO & kund']]),
		);

		const log = await runAction(sandbox, { resource: 'order', operation: 'getLog', orderId: String(order.id) });
		const entries = log.outputs[0].map((item) => item.json);
		expect(entries.length).toBeGreaterThanOrEqual(2);
		expect(entries.every((entry) => entry.orderId === String(order.id))).toBe(true);
		expect(entries.find((entry) => entry.type === 'error')?.message).toBe('Porten finns ej – kontakta KO & kund');
	});
});

describe('customer operations', () => {
	test('get leaves personal data out unless asked, and keeps leading zeros', async () => {
		const order = await seedOrder();
		const customerId = String(order.customer);
		const plain = await runAction(sandbox, { resource: 'customer', operation: 'get', customerId });
		expect(plain.outputs[0][0].json).toMatchObject({ id: customerId, firstname: 'Astrid', zip: '01234' });
		expect(plain.outputs[0][0].json).not.toHaveProperty('serial');
		expect(plain.outputs[0][0].json).not.toHaveProperty('email');
		expect(JSON.stringify(plain.outputs)).not.toContain('0701234567');

		const full = await runAction(sandbox, {
			resource: 'customer',
			operation: 'get',
			customerId,
			options: { includePersonalData: true },
		});
		expect(full.outputs[0][0].json).toMatchObject({ serial: '191212121212', email: 'astrid@example.se' });
		expect((full.outputs[0][0].json.data as Record<string, unknown>).phone).toBe('0701234567');
	});

	test('getMany lists customers since a date', async () => {
		const order = await seedOrder();
		const result = await runAction(sandbox, { resource: 'customer', operation: 'getMany', since: '2026-11-27' });
		expect(result.outputs[0].map((item) => item.json.id)).toContain(String(order.customer));
	});

	test('raw output returns the parsed document unchanged', async () => {
		const order = await seedOrder();
		const result = await runAction(sandbox, {
			resource: 'customer',
			operation: 'get',
			customerId: String(order.customer),
			options: { rawOutput: true, includePersonalData: true },
		});
		expect(result.outputs[0][0].json).toHaveProperty('customer_info.status', 'success');
	});
});

describe('login hash', () => {
	test('is reused between calls and renewed without a visible error after it expires', async () => {
		const order = await seedOrder();
		for (let i = 0; i < 3; i++) {
			const result = await runAction(sandbox, { resource: 'order', operation: 'get', orderId: String(order.id) });
			expect(result.error).toBeUndefined();
		}
		expect((await sandbox.admin.counters()).bySimulator.tjansteguiden.logins).toBe(1);

		await sandbox.admin.advanceClock(21 * 60 * 1000);
		const afterExpiry = await runAction(sandbox, { resource: 'order', operation: 'get', orderId: String(order.id) });
		expect(afterExpiry.error).toBeUndefined();
		expect(afterExpiry.outputs[0][0].json.id).toBe(String(order.id));
		expect((await sandbox.admin.counters()).bySimulator.tjansteguiden.logins).toBe(2);
	});

	test('a hash the API suddenly refuses is replaced once', async () => {
		const order = await seedOrder();
		await runAction(sandbox, { resource: 'order', operation: 'get', orderId: String(order.id) });
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'set_status', kind: 'expiredHash' });
		const result = await runAction(sandbox, {
			resource: 'order',
			operation: 'setStatus',
			orderId: String(order.id),
			status: 'received',
		});
		expect(result.error).toBeUndefined();
		expect((await sandbox.admin.tjansteguiden.order(order.id)).status).toBe('received');
	});
});

describe('errors', () => {
	test('bad input is a NodeOperationError naming the field, and no request is sent', async () => {
		const before = (await sandbox.admin.counters()).total;
		const result = await runAction(sandbox, { resource: 'order', operation: 'setStatus', orderId: '12a', status: 'received' });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain('Order ID must be a number');
		expect((await sandbox.admin.counters()).total).toBe(before);
	});

	test('an unknown order is a NodeApiError with the API message', async () => {
		const result = await runAction(sandbox, { resource: 'order', operation: 'get', orderId: '999999' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toContain('999999 not found');
	});

	test('a wrong API key is reported with the API message', async () => {
		const result = await runAction(
			sandbox,
			{ resource: 'order', operation: 'getMany', since: '2026-11-27' },
			{ credentials: { apiKey: 'wrong-key-123456' } },
		);
		expect(result.error?.name).toBe('NodeApiError');
		expect(JSON.stringify(result.error)).not.toContain('wrong-key-123456');
	});

	test.each([
		['an HTML error page', { kind: 'html', status: 503 }, /HTTP 503/],
		['a 502', { kind: 'http5xx', status: 502 }, /HTTP 502/],
		['malformed XML', { kind: 'malformedXml' }, /could not be read/],
		['an error envelope', { kind: 'errorEnvelope', message: 'Databasen är nere' }, /Databasen är nere/],
	])('%s becomes a NodeApiError without secrets', async (_name, fault, expected) => {
		const order = await seedOrder();
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'order_info', ...fault });
		const result = await runAction(sandbox, { resource: 'order', operation: 'get', orderId: String(order.id) });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(expected);
		expectNoSecrets({ error: result.error, run: result.run }, await secretsOf(sandbox));
	});

	test('continue on fail: the bad item becomes an error item, the others go on', async () => {
		const order = await seedOrder();
		const result = await runAction(
			sandbox,
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

	test('no hash or API key anywhere in a whole run, successful or not', async () => {
		const order = await seedOrder();
		const ok = await runAction(sandbox, { resource: 'order', operation: 'getLog', orderId: String(order.id) });
		const failed = await runAction(sandbox, { resource: 'order', operation: 'get', orderId: '31337' });
		expectNoSecrets([ok.run, failed.run, failed.error], await secretsOf(sandbox));
	});
});
