import {
	DEMO_API_USER,
	DEMO_OPERATOR_API_USER,
	DEMO_OPERATOR_API_USER_FIBNORR,
	startSandbox,
	type RunningSandbox,
} from '../../sandbox/src';
import { errorMessage, operatorCall, operatorClient } from './tjansteguidenOperatorTestKit';
import { call, envelope, listOf, login, parseXml, type CustomerXml, type LogXml, type OrderXml } from './tjansteguidenTestKit';

describe('Tjänsteguiden simulator: the operator API on /admin/edit/services/plain/orders', () => {
	let sandbox: RunningSandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ clockStart: '2025-06-10T10:00:00Z' });
	});

	afterAll(async () => {
		await sandbox.close();
	});

	beforeEach(async () => {
		await sandbox.admin.reset();
	});

	const createOrder = (socket: string, extra: Record<string, unknown> = {}) =>
		sandbox.admin.tjansteguiden.createOrder({ date: '2025-06-10 09:00:00', socket, ...extra });

	describe('answers, shaped like the spec examples of the operator side', () => {
		it('orders: root <serviceguide>, no <status>, the documented fields, only the orders on the operator network', async () => {
			const own = await createOrder('SNDEMO-A0001');
			await createOrder('FIBNORR-1001');
			const response = await operatorCall(sandbox, { method: 'orders', date: '2025-06-10' });

			expect(response.status).toBe(200);
			expect(response.contentType).toBe('application/xml');
			const result = envelope(response.body);
			expect(result.root).toBe('serviceguide');
			expect(result).not.toHaveProperty('status');
			const orders = listOf<OrderXml>(response.body, 'order');
			expect(orders.map((order) => Number(order.id))).toEqual([own.id]);
			expect(Object.keys(orders[0])).toEqual(['id', 'type', 'date', 'status', 'service', 'xsp', 'delivery', 'customer']);
		});

		it('an empty listing is an empty <response/> under <serviceguide>', async () => {
			await createOrder('FIBNORR-1001');
			const response = await operatorCall(sandbox, { method: 'orders', date: '2025-06-10' });
			expect(envelope(response.body)).toEqual({ root: 'serviceguide', response: '' });
		});

		it('order_info and order_log: under <serviceguide> as well', async () => {
			const order = await createOrder('SNDEMO-A0002', { log: [{ type: 'alert', message: 'Kunden flyttar' }] });
			const info = envelope((await operatorCall(sandbox, { method: 'order_info', id: order.id })).body);
			expect(info.root).toBe('serviceguide');
			expect((info.response as Record<string, Array<Record<string, string>>>).order).toEqual([
				expect.objectContaining({
				id: String(order.id),
					socket: 'SNDEMO-A0002',
					co: 'SNDEMO',
				}),
			]);
			const log = listOf<LogXml>((await operatorCall(sandbox, { method: 'order_log', id: order.id })).body, 'log');
			expect(log.map((entry) => [entry.type, entry.message])).toEqual([['alert', 'Kunden flyttar']]);
		});

		it('customer_info: <customer> and <data> right under the root, with no <response> or <status>', async () => {
			const order = await createOrder('SNDEMO-A0003', { customer: { message: 'TESTBESTÄLLNING' } });
			const document = parseXml((await operatorCall(sandbox, { method: 'customer_info', id: order.customer })).body);
			expect(Object.keys(document)).toEqual(['customer_info']);
			const root = document.customer_info as unknown as Record<string, Record<string, string>>;
			expect(Object.keys(root)).toEqual(['customer', 'data']);
			expect(root.customer).toMatchObject({ id: String(order.customer), socket: 'SNDEMO-A0003' });
			expect(root.data.message).toBe('TESTBESTÄLLNING');
		});

		it("customers: new and edited customers on the operator's network since the date", async () => {
			const earlier = await sandbox.admin.tjansteguiden.createCustomer({ socket: 'SNDEMO-A0004', date: '2025-06-01T08:00:00Z' });
			const recent = await sandbox.admin.tjansteguiden.createCustomer({ socket: 'SNDEMO-A0005', date: '2025-06-10T08:00:00Z' });
			await sandbox.admin.tjansteguiden.createCustomer({ socket: 'FIBNORR-1005', date: '2025-06-10T08:00:00Z' });
			await sandbox.admin.tjansteguiden.editCustomer(earlier.id, { address: 'Nygatan 1' });

			const customers = listOf<CustomerXml>((await operatorCall(sandbox, { method: 'customers', date: '2025-06-10' })).body, 'customer');
			expect(customers.map((customer) => Number(customer.id))).toEqual([recent.id, earlier.id]);
			expect(customers[1].date).toBe('2025-06-10 12:00');
		});

		it("a customer is the operator's by accessId or by an order on its network; others are not found", async () => {
			const order = await createOrder('SNDEMO-A0006', { customer: { socket: 'FIBNORR-1006' } });
			const viaOrder = await operatorCall(sandbox, { method: 'customer_info', id: order.customer });
			expect(Object.keys(parseXml(viaOrder.body).customer_info)).toEqual(['customer', 'data']);
			const viaSocket = await operatorCall(sandbox, {
				method: 'customer_info',
				id: order.customer,
				api_user: DEMO_OPERATOR_API_USER_FIBNORR,
			});
			expect(Object.keys(parseXml(viaSocket.body).customer_info)).toEqual(['customer', 'data']);

			const stranger = await sandbox.admin.tjansteguiden.createCustomer({ socket: 'FIBNORR-1007' });
			expect(errorMessage((await operatorCall(sandbox, { method: 'customer_info', id: stranger.id })).body)).toBe(
				`Customer ${stranger.id} not found`,
			);
		});

		it("another network's order is not found", async () => {
			const other = await createOrder('FIBNORR-1002');
			for (const method of ['order_info', 'order_log', 'set_status', 'add_message']) {
				const response = await operatorCall(sandbox, { method, id: other.id, status: 'active', type: 'log', message: 'x' });
				expect(errorMessage(response.body)).toBe(`Order ${other.id} not found`);
			}
			expect((await sandbox.admin.tjansteguiden.order(other.id)).status).toBe('new');
		});
	});

	describe('one state with the service-provider API', () => {
		it('set_status and add_message answer as in S9, are logged under the operator user, and the service provider sees them', async () => {
			const order = await createOrder('SNDEMO-A0007');
			const status = envelope((await operatorCall(sandbox, { method: 'set_status', id: order.id, status: 'active' })).body);
			expect(status).toEqual({
				root: 'set_status',
				status: 'success',
				response: { message: `Status changed to active for order ${order.id}` },
				message: `Status changed to active for order ${order.id}`,
			});
			const added = envelope(
				(await operatorCall(sandbox, { method: 'add_message', id: order.id, type: 'error', message: 'Fibern är inte skarvad' })).body,
			);
			expect(added).toMatchObject({ root: 'add_message', status: 'success' });

			const hash = await login(sandbox);
			const spLog = listOf<LogXml>((await call(sandbox, { method: 'order_log', hash, id: order.id })).body, 'log');
			expect(spLog.map((entry) => [entry.type, entry.message, entry.user])).toEqual([
				['system', 'Status changed to active', 'Demostad Stadsnät API'],
				['error', 'Fibern är inte skarvad', 'Demostad Stadsnät API'],
			]);
		});

		it("the service provider's changes show on the operator side", async () => {
			const order = await createOrder('SNDEMO-A0008');
			const hash = await login(sandbox);
			await call(sandbox, { method: 'set_status', hash, id: order.id, status: 'waiting' });
			const orders = listOf<OrderXml>((await operatorCall(sandbox, { method: 'orders', date: '2025-06-10' })).body, 'order');
			expect(orders).toEqual([expect.objectContaining({ id: String(order.id), status: 'waiting' })]);
		});
	});

	describe('access: api_user and the client address', () => {
		it('refuses a missing or unknown api_user', async () => {
			expect(errorMessage((await operatorClient(sandbox).call({ method: 'orders', date: '2025-06-10' })).body)).toBe(
				'Access denied: missing api_user',
			);
			expect(errorMessage((await operatorCall(sandbox, { method: 'orders', date: '2025-06-10', api_user: Number(DEMO_API_USER) })).body)).toBe(
				'Access denied: unknown API user',
			);
		});

		it('refuses an address that is not on the allow-list, before looking at the method', async () => {
			await operatorClient(sandbox).setAccess({ apiUser: DEMO_OPERATOR_API_USER, allowedAddresses: ['192.0.2.10'] });
			for (const method of ['orders', 'no_such_method']) {
				const response = await operatorCall(sandbox, { method, date: '2025-06-10' });
				expect(response.status).toBe(200);
				expect(envelope(response.body).root).toBe(method);
				expect(errorMessage(response.body)).toBe('Access denied: IP address 127.0.0.1 is not allowed for this API user');
			}
		});

		it("lets '*' in from anywhere", async () => {
			await operatorClient(sandbox).setAccess({ apiUser: DEMO_OPERATOR_API_USER, allowedAddresses: ['*'] });
			expect(envelope((await operatorCall(sandbox, { method: 'orders', date: '2025-06-10' })).body).root).toBe('serviceguide');
		});

		it('admin lists the users, changes them, adds new ones, and reset restores loopback-only access', async () => {
			const client = operatorClient(sandbox);
			expect(await client.access()).toEqual([
				{ apiUser: DEMO_OPERATOR_API_USER, coId: 'SNDEMO', name: 'Demostad Stadsnät API', allowedAddresses: ['127.0.0.1', '::1'] },
				{ apiUser: '4712', coId: 'FIBNORR', name: 'Norrby Fibernät API', allowedAddresses: ['127.0.0.1', '::1'] },
			]);
			const changed = await client.setAccess({ apiUser: Number(DEMO_OPERATOR_API_USER), allowedAddresses: ['::ffff:192.0.2.10'] });
			expect(changed[0].allowedAddresses).toEqual(['192.0.2.10']);
			const added = await client.setAccess({ apiUser: 5000, coId: 'FIBNORR', allowedAddresses: ['127.0.0.1'] });
			expect(added[2]).toEqual({ apiUser: '5000', coId: 'FIBNORR', name: 'FIBNORR API', allowedAddresses: ['127.0.0.1'] });
			expect(envelope((await operatorCall(sandbox, { method: 'orders', date: '2025-06-10', api_user: 5000 })).body).root).toBe(
				'serviceguide',
			);

			await sandbox.admin.reset();
			expect((await client.access()).map((user) => user.allowedAddresses)).toEqual([
				['127.0.0.1', '::1'],
				['127.0.0.1', '::1'],
			]);
		});

		it('admin refuses unknown operators, bad addresses and a missing apiUser', async () => {
			const client = operatorClient(sandbox);
			await expect(client.setAccess({ apiUser: 5001, coId: 'NOPE' })).rejects.toThrow(/Unknown co: NOPE/);
			await expect(client.setAccess({ apiUser: Number(DEMO_OPERATOR_API_USER), allowedAddresses: ['localhost'] })).rejects.toThrow(/Not an IP address/);
			await expect(client.setAccess({ apiUser: '' })).rejects.toThrow(/apiUser is required/);
		});

		it('the two faces do not share authentication: no hash on the operator API, no api_user on the service-provider API', async () => {
			const hash = await login(sandbox);
			expect(errorMessage((await operatorClient(sandbox).call({ method: 'orders', date: '2025-06-10', hash })).body)).toBe(
				'Access denied: missing api_user',
			);
			expect(errorMessage((await call(sandbox, { method: 'orders', date: '2025-06-10', api_user: DEMO_OPERATOR_API_USER })).body)).toBe(
				'Missing parameter: hash',
			);
		});
	});

	describe('output_format', () => {
		it('json, which the node never asks for, is not simulated: it is refused like any unknown format', async () => {
			await createOrder('SNDEMO-A0001');
			const response = await operatorCall(sandbox, { method: 'orders', date: '2025-06-10', output_format: 'json' });
			expect(response.contentType).toBe('application/xml');
			expect(errorMessage(response.body)).toBe('Invalid output_format: json');
		});

		it('xml is the default and may be asked for; anything else is an error', async () => {
			const xml = await operatorCall(sandbox, { method: 'orders', date: '2025-06-10', output_format: 'xml' });
			expect(envelope(xml.body).root).toBe('serviceguide');
			expect(errorMessage((await operatorCall(sandbox, { method: 'orders', date: '2025-06-10', output_format: 'csv' })).body)).toBe(
				'Invalid output_format: csv',
			);
		});
	});

	describe('faults and the request log', () => {
		it('malformedXml, errorEnvelope and duplicateListing apply to the operator API too', async () => {
			const order = await createOrder('SNDEMO-A0001');
			await sandbox.admin.addFaults([
				{ simulator: 'tjansteguiden', match: '/admin/edit', kind: 'malformedXml' },
				{ simulator: 'tjansteguiden', match: '/admin/edit', kind: 'errorEnvelope', message: 'Databasen är nere' },
				{ simulator: 'tjansteguiden', match: '/admin/edit', kind: 'duplicateListing' },
			]);
			const cutOff = await operatorCall(sandbox, { method: 'orders', date: '2025-06-10' });
			expect(() => parseXml(cutOff.body)).toThrow(/Not well-formed/);
			expect(errorMessage((await operatorCall(sandbox, { method: 'orders', date: '2025-06-10' })).body)).toBe('Databasen är nere');
			const listed = listOf<OrderXml>((await operatorCall(sandbox, { method: 'orders', date: '2025-06-10' })).body, 'order');
			expect(listed.map((entry) => Number(entry.id))).toEqual([order.id, order.id]);
		});

		it('expiredHash never fires on the operator API, which has no hash', async () => {
			await createOrder('SNDEMO-A0001');
			const rule = await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'orders', kind: 'expiredHash' });
			expect(envelope((await operatorCall(sandbox, { method: 'orders', date: '2025-06-10' })).body).root).toBe('serviceguide');
			expect((await sandbox.admin.faults()).find((candidate) => candidate.id === rule.id)?.fired).toBe(0);
		});

		it('logs operator calls under their method, with the api_user visible and no login counted', async () => {
			await operatorCall(sandbox, { method: 'orders', date: '2025-06-10' });
			const { entries } = await sandbox.admin.requests({ simulator: 'tjansteguiden' });
			expect(entries).toEqual([
				expect.objectContaining({
					path: '/admin/edit/services/plain/orders',
					operation: 'orders',
					login: false,
					query: { api_user: DEMO_OPERATOR_API_USER, method: 'orders', date: '2025-06-10' },
				}),
			]);
		});
	});
});
