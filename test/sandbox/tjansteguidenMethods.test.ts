import { DEMO_API_KEY, DEMO_API_USER, DEMO_XSP, startSandbox, type RunningSandbox } from '../../sandbox/src';
import {
	call,
	envelope,
	listOf,
	login,
	parseXml,
	type CustomerXml,
	type LogXml,
	type OrderInfoXml,
	type OrderXml,
} from './tjansteguidenTestKit';

describe('Tjänsteguiden Orders 1.0 simulator: methods', () => {
	let sandbox: RunningSandbox;
	let hash: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ clockStart: '2025-06-10T10:00:00Z' });
	});

	afterAll(async () => {
		await sandbox.close();
	});

	beforeEach(async () => {
		await sandbox.admin.reset();
		hash = await login(sandbox);
	});

	describe('api_login', () => {
		it('answers HTTP 200 application/xml with a 32-hex hash and the user name', async () => {
			const response = await call(sandbox, { method: 'api_login', api_user: DEMO_API_USER, api_key: DEMO_API_KEY });

			expect(response.status).toBe(200);
			expect(response.headers['content-type']).toBe('application/xml');
			expect(response.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
			const result = envelope(response.body);
			expect(result.root).toBe('api_login');
			expect(result.status).toBe('success');
			expect(result.message).toBe('Sandbox User logged in');
			expect(result.response).not.toBe('');
			expect((result.response as Record<string, unknown>).hash_key).toMatch(/^[0-9a-f]{32}$/);
		});

		it('keeps several hashes valid at once', async () => {
			const second = await login(sandbox);
			expect(second).not.toBe(hash);

			for (const each of [hash, second]) {
				expect(envelope((await call(sandbox, { method: 'orders', hash: each, date: '2025-06-10' })).body).status).toBe('success');
			}
		});

		it('refuses a wrong key with an error envelope that does not echo the key', async () => {
			const response = await call(sandbox, { method: 'api_login', api_user: DEMO_API_USER, api_key: 'wrong-secret-key' });

			const result = envelope(response.body);
			expect(response.status).toBe(200);
			expect(result).toMatchObject({ root: 'api_login', status: 'error' });
			expect(result.message).toMatch(/Login failed/);
			expect(response.body).not.toContain('wrong-secret-key');
		});

		it('names a missing parameter', async () => {
			const response = await call(sandbox, { method: 'api_login', api_key: DEMO_API_KEY });
			expect(envelope(response.body)).toMatchObject({ status: 'error', message: 'Missing parameter: api_user' });
		});
	});

	describe('orders', () => {
		it('lists every status from the date on, sorted by date then id, with exactly the documented fields', async () => {
			const { ids } = await sandbox.admin.tjansteguiden.createOrders([
				{ date: '2025-06-09T09:00:00Z', status: 'new' },
				{ date: '2025-06-10T08:00:00Z', status: 'delivered', service: 'BB250250', delivery: '2025-06-20 00:00:00' },
				{ date: '2025-06-09T23:00:00Z', status: 'cancelled' },
				{ date: '2025-06-10T08:00:00Z', status: 'received' },
			]);

			const orders = listOf<OrderXml>((await call(sandbox, { method: 'orders', hash, date: '2025-06-10' })).body, 'order');

			expect(orders.map((order) => Number(order.id))).toEqual([ids[2], ids[1], ids[3]]);
			expect(orders.map((order) => order.status)).toEqual(['cancelled', 'delivered', 'received']);
			expect(Object.keys(orders[1] as OrderXml)).toEqual(['id', 'type', 'date', 'status', 'service', 'xsp', 'delivery', 'customer']);
			expect(orders[1]).toMatchObject({
				type: 'order',
				date: '2025-06-10 10:00:00',
				service: '2441',
				xsp: String(DEMO_XSP),
				delivery: '2025-06-20 00:00:00',
			});
			expect(orders[0]?.delivery).toBe('asap');
		});

		it('leaves out orders whose creation time is still ahead of the sandbox clock', async () => {
			await sandbox.admin.tjansteguiden.createOrders([{ date: '2025-06-10T09:00:00Z' }, { date: '2025-06-10T11:00:00Z' }]);

			const before = listOf<OrderXml>((await call(sandbox, { method: 'orders', hash, date: '2025-06-10' })).body, 'order');
			await sandbox.admin.advanceClock(2 * 3_600_000);
			const after = listOf<OrderXml>((await call(sandbox, { method: 'orders', hash: await login(sandbox), date: '2025-06-10' })).body, 'order');

			expect(before).toHaveLength(1);
			expect(after).toHaveLength(2);
		});

		it('stops a listing after maxListingRows rows when configured so, as Atlas listings may (spec §11)', async () => {
			const { ids } = await sandbox.admin.tjansteguiden.createOrders([{ date: '2025-06-10T07:00:00Z' }, { date: '2025-06-10T08:00:00Z' }, { date: '2025-06-10T09:00:00Z' }]);
			const listed = async () => listOf<OrderXml>((await call(sandbox, { method: 'orders', hash, date: '2025-06-10' })).body, 'order').map((order) => Number(order.id));

			await sandbox.admin.tjansteguiden.updateConfig({ maxListingRows: 2 });
			expect(await listed()).toEqual(ids.slice(0, 2));
			await sandbox.admin.tjansteguiden.updateConfig({ maxListingRows: null });
			expect(await listed()).toEqual(ids);
			await expect(sandbox.admin.tjansteguiden.updateConfig({ maxListingRows: 0 })).rejects.toMatchObject({ status: 400 });
		});

		it('answers an empty response when nothing matches', async () => {
			const result = envelope((await call(sandbox, { method: 'orders', hash, date: '2025-06-10' })).body);
			expect(result).toMatchObject({ root: 'orders', status: 'success', response: '' });
		});

		it.each([
			[{}, 'Missing parameter: date'],
			[{ date: '2025-13-01' }, 'Invalid date: 2025-13-01'],
			[{ date: '2025-02-30' }, 'Invalid date: 2025-02-30'],
			[{ date: '10/06/2025' }, 'Invalid date: 10/06/2025'],
		])('refuses %j with "%s"', async (params, message) => {
			const result = envelope((await call(sandbox, { method: 'orders', hash, ...params })).body);
			expect(result).toMatchObject({ root: 'orders', status: 'error', message });
		});

		it('uses the CO example root <serviceguide> without <status> when configured so', async () => {
			await sandbox.admin.tjansteguiden.updateConfig({ ordersEnvelope: 'serviceguide' });
			await sandbox.admin.tjansteguiden.createOrder({ date: '2025-06-10T09:00:00Z' });

			const document = parseXml((await call(sandbox, { method: 'orders', hash, date: '2025-06-10' })).body);

			expect(Object.keys(document)).toEqual(['serviceguide']);
			expect(document.serviceguide?.status).toBeUndefined();
			expect((document.serviceguide?.response as { order: OrderXml[] }).order).toHaveLength(1);
		});
	});

	describe('order_info', () => {
		it('returns the order with service, operator, socket and the customer message', async () => {
			const order = await sandbox.admin.tjansteguiden.createOrder({
				date: '2025-06-10T09:30:00Z',
				service: 2442,
				socket: 'FIBNORR-1005',
				message: 'Ring på dörren <port 2> & vänta',
			});

			const result = envelope((await call(sandbox, { method: 'order_info', hash, id: order.id })).body);

			expect(result).toMatchObject({ root: 'order_info', status: 'success' });
			const details = (result.response as { order: OrderInfoXml }).order;
			expect(details).toEqual({
				id: String(order.id),
				type: 'order',
				date: '2025-06-10 11:30:00',
				status: 'new',
				service: '2442',
				service_uid: 'BB10001000',
				service_name: 'Bredband 1000/1000 Mbit/s',
				xsp: String(DEMO_XSP),
				co: 'FIBNORR',
				co_name: 'Norrby Fibernät',
				socket: 'FIBNORR-1005',
				delivery: 'asap',
				customer: String(order.customer),
				message: 'Ring på dörren <port 2> & vänta',
			});
		});

		it.each([
			[{ id: '99999' }, 'Order 99999 not found'],
			[{}, 'Missing parameter: id'],
			[{ id: 'abc' }, 'Invalid id: abc'],
		])('refuses %j with "%s"', async (params, message) => {
			const result = envelope((await call(sandbox, { method: 'order_info', hash, ...params })).body);
			expect(result).toMatchObject({ root: 'order_info', status: 'error', message });
		});
	});

	describe('set_status, add_message and order_log', () => {
		it('starts with an empty log', async () => {
			const order = await sandbox.admin.tjansteguiden.createOrder({ date: '2025-06-10T09:00:00Z' });
			const result = envelope((await call(sandbox, { method: 'order_log', hash, id: order.id })).body);
			expect(result).toMatchObject({ root: 'order_log', status: 'success', response: '' });
		});

		it('changes the status, confirms it and logs it as a system entry', async () => {
			const order = await sandbox.admin.tjansteguiden.createOrder({ date: '2025-06-10T09:00:00Z' });

			const result = envelope((await call(sandbox, { method: 'set_status', hash, id: order.id, status: 'received' })).body);

			expect(result).toMatchObject({ root: 'set_status', status: 'success', message: `Status changed to received for order ${order.id}` });
			expect((await sandbox.admin.tjansteguiden.order(order.id)).status).toBe('received');
			const log = listOf<LogXml>((await call(sandbox, { method: 'order_log', hash, id: order.id })).body, 'log');
			expect(log).toHaveLength(1);
			expect(log[0]).toMatchObject({ type: 'system', message: 'Status changed to received', user: 'Sandbox User' });
			expect(log[0]?.date).toMatch(/^2025-06-10 12:\d\d:\d\d$/);
			expect(Object.keys(log[0] as LogXml)).toEqual(['id', 'date', 'type', 'message', 'user']);
		});

		it('refuses an unknown status without changing the order', async () => {
			const order = await sandbox.admin.tjansteguiden.createOrder({ date: '2025-06-10T09:00:00Z' });

			const result = envelope((await call(sandbox, { method: 'set_status', hash, id: order.id, status: 'foo' })).body);

			expect(result).toMatchObject({ status: 'error', message: 'Invalid status: foo' });
			const after = await sandbox.admin.tjansteguiden.order(order.id);
			expect(after.status).toBe('new');
			expect(after.log).toEqual([]);
		});

		it('adds a typed message with Swedish characters intact', async () => {
			const order = await sandbox.admin.tjansteguiden.createOrder({ date: '2025-06-10T09:00:00Z' });

			const result = envelope(
				(await call(sandbox, { method: 'add_message', hash, id: order.id, type: 'error', message: 'Port finns ej – åäö ÅÄÖ' })).body,
			);
			expect(result).toMatchObject({ root: 'add_message', status: 'success', message: `Message added to order ${order.id}` });

			const log = listOf<LogXml>((await call(sandbox, { method: 'order_log', hash, id: order.id })).body, 'log');
			expect(log).toEqual([expect.objectContaining({ type: 'error', message: 'Port finns ej – åäö ÅÄÖ', user: 'Sandbox User' })]);
		});

		it.each([
			[{ type: 'warning', message: 'x' }, 'Invalid type: warning'],
			[{ type: 'log', message: '   ' }, 'Missing parameter: message'],
			[{ message: 'x' }, 'Missing parameter: type'],
		])('add_message refuses %j with "%s"', async (params, message) => {
			const order = await sandbox.admin.tjansteguiden.createOrder({ date: '2025-06-10T09:00:00Z' });
			const result = envelope((await call(sandbox, { method: 'add_message', hash, id: order.id, ...params })).body);
			expect(result).toMatchObject({ root: 'add_message', status: 'error', message });
		});

		it('answers unknown orders with "Order N not found" on every per-order method', async () => {
			for (const method of ['order_log', 'set_status', 'add_message']) {
				const result = envelope((await call(sandbox, { method, hash, id: 424242, status: 'received', type: 'log', message: 'x' })).body);
				expect(result).toMatchObject({ root: method, status: 'error', message: 'Order 424242 not found' });
			}
		});
	});

	describe('customer_info and customers', () => {
		it('returns the customer and the order form data as in the spec example', async () => {
			const customer = await sandbox.admin.tjansteguiden.createCustomer({
				socket: 'SNDEMO-A0007',
				firstname: 'Linnéa',
				surname: 'Öberg',
				message: 'Porten är låst efter 18',
				date: '2025-06-10T08:00:00Z',
			});

			const result = envelope((await call(sandbox, { method: 'customer_info', hash, id: customer.id })).body);

			expect(result).toMatchObject({ root: 'customer_info', status: 'success' });
			const payload = result.response as { customer: CustomerXml; data: Record<string, string> };
			expect(Object.keys(payload.customer)).toEqual(['id', 'socket', 'serial', 'firstname', 'surname', 'email', 'address', 'zip', 'city']);
			expect(payload.customer).toMatchObject({ id: String(customer.id), socket: 'SNDEMO-A0007', firstname: 'Linnéa', surname: 'Öberg', city: 'Demostad' });
			expect(payload.customer.serial).toMatch(/^19121212\d{4}$/);
			expect(payload.data).toEqual({ phone: customer.phone, premise: customer.premise, message: 'Porten är låst efter 18' });
		});

		it('drops the response/status wrapper in the bare variant', async () => {
			await sandbox.admin.tjansteguiden.updateConfig({ customerInfoEnvelope: 'bare' });
			const customer = await sandbox.admin.tjansteguiden.createCustomer({ date: '2025-06-10T08:00:00Z' });

			const document = parseXml((await call(sandbox, { method: 'customer_info', hash, id: customer.id })).body);

			expect(Object.keys(document.customer_info ?? {})).toEqual(['customer', 'data']);
		});

		it('refuses an unknown customer', async () => {
			const result = envelope((await call(sandbox, { method: 'customer_info', hash, id: 77 })).body);
			expect(result).toMatchObject({ root: 'customer_info', status: 'error', message: 'Customer 77 not found' });
		});

		it('lists customers created or edited on or after the date, with minutes-only timestamps', async () => {
			const old = await sandbox.admin.tjansteguiden.createCustomer({ date: '2025-06-01T08:00:00Z' });
			const edited = await sandbox.admin.tjansteguiden.createCustomer({ date: '2025-06-02T08:00:00Z' });
			const recent = await sandbox.admin.tjansteguiden.createCustomer({ date: '2025-06-10T07:15:42Z' });
			await sandbox.admin.tjansteguiden.editCustomer(edited.id, { phone: '0701740699' });

			const customers = listOf<CustomerXml>((await call(sandbox, { method: 'customers', hash, date: '2025-06-05' })).body, 'customer');

			expect(customers.map((customer) => Number(customer.id))).toEqual([recent.id, edited.id]);
			expect(customers.map((customer) => customer.id)).not.toContain(String(old.id));
			expect(customers[0]?.date).toBe('2025-06-10 09:15');
			expect(Object.keys(customers[0] as CustomerXml)).toEqual(['id', 'socket', 'serial', 'firstname', 'surname', 'date']);
		});
	});

	describe('authentication and unknown input', () => {
		it.each([
			[{ method: 'orders', date: '2025-06-10' }, 'orders', 'Missing parameter: hash'],
			[{ method: 'orders', date: '2025-06-10', hash: '0123456789abcdef0123456789abcdef' }, 'orders', 'Invalid or expired hash'],
			[{ method: 'list_everything' }, 'list_everything', 'Unknown method: list_everything'],
			[{ method: 'drop <table>' }, 'serviceguide', 'Unknown method: drop <table>'],
			[{}, 'serviceguide', 'Missing parameter: method'],
		])('%j → <%s> "%s"', async (params, root, message) => {
			const response = await call(sandbox, params);
			expect(response.status).toBe(200);
			expect(envelope(response.body)).toMatchObject({ root, status: 'error', message });
		});

		it('reads form-encoded POST bodies like query parameters', async () => {
			await sandbox.admin.tjansteguiden.createOrder({ date: '2025-06-10T09:00:00Z' });
			const response = await sandbox.admin.http.post(
				'/plain/serviceguide_log',
				new URLSearchParams({ method: 'orders', hash, date: '2025-06-10' }).toString(),
				{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, responseType: 'text' },
			);
			expect(listOf<OrderXml>(response.data as string, 'order')).toHaveLength(1);
		});
	});
});
