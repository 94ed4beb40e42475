import { DEMO_API_KEY, DEMO_API_USER, SandboxAdminError, startSandbox, type RunningSandbox } from '../../sandbox/src';
import { call, envelope, listOf, login, type OrderXml } from './tjansteguidenTestKit';

describe('admin API', () => {
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

	describe('core', () => {
		it('binds to loopback and reports the URLs', () => {
			expect(sandbox.host).toBe('127.0.0.1');
			expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
			expect(sandbox.urls.tjansteguiden).toBe(`${sandbox.url}/plain/serviceguide_log`);
		});

		it('moves the clock forward, sets it, and resets it to the start', async () => {
			const start = Date.parse((await sandbox.admin.clock()).now);

			const advanced = await sandbox.admin.advanceClock(3_600_000);
			expect(Date.parse(advanced.now) - start).toBeGreaterThanOrEqual(3_600_000);

			const set = await sandbox.admin.setClock('2030-01-01T00:00:00Z');
			expect(set.now.startsWith('2030-01-01T00:00')).toBe(true);
			expect(sandbox.clock.now().getUTCFullYear()).toBe(2030);

			await sandbox.admin.reset();
			expect((await sandbox.admin.clock()).now.startsWith('2025-06-10')).toBe(true);
		});

		it('keeps the clock on reset when asked to', async () => {
			await sandbox.admin.setClock('2031-05-05T05:05:05Z');
			await sandbox.admin.reset({ keepClock: true });
			expect((await sandbox.admin.clock()).now.startsWith('2031-05-05')).toBe(true);
		});

		it('refuses a clock change without a valid instruction', async () => {
			await expect(sandbox.admin.http.post('/__admin/clock', { set: 'not a date' })).resolves.toMatchObject({ status: 400 });
			await expect(sandbox.admin.http.post('/__admin/clock', {})).resolves.toMatchObject({ status: 400 });
		});

		it('stores latency per simulator and refuses unknown simulators', async () => {
			expect(await sandbox.admin.setLatency('tjansteguiden', 25)).toEqual({ tjansteguiden: 25 });
			expect(envelope((await call(sandbox, { method: 'nothing' })).body).status).toBe('error');
			await expect(sandbox.admin.setLatency('nosuch', 10)).rejects.toThrow(/simulator must be one of/);

			await sandbox.admin.reset();
			expect(await sandbox.admin.latency()).toEqual({});
		});

		it('shows all simulators, rules, counters and the clock in /__admin/state', async () => {
			await sandbox.admin.addFault({ kind: 'html' });
			await sandbox.admin.tjansteguiden.createOrders([{ date: '2025-06-10T09:00:00Z', status: 'delivered' }, { date: '2025-06-11T09:00:00Z' }]);

			const state = await sandbox.admin.state();

			expect(state.faults).toHaveLength(1);
			expect(state.clock.now.startsWith('2025-06-10')).toBe(true);
			expect(state.heldRequests).toBe(0);
			expect(state.simulators.tjansteguiden.orders).toMatchObject({ total: 2, arrived: 1, scheduled: 1 });
			expect(state.simulators.tjansteguiden.orders.byStatus.delivered).toBe(1);
			expect(JSON.stringify(state)).not.toContain(DEMO_API_KEY);
		});

		it('answers 404 for unknown admin routes and unknown API paths', async () => {
			expect((await sandbox.admin.http.get('/__admin/nothing-here')).status).toBe(404);
			expect((await sandbox.admin.http.get('/__admin/tjansteguiden/nothing')).status).toBe(404);
			expect((await sandbox.admin.http.get('/plain/other_api')).status).toBe(404);
			expect((await sandbox.admin.counters()).bySimulator['(none)']?.total).toBe(1);
		});

		it('reset empties the world, the rules and the counters', async () => {
			await sandbox.admin.tjansteguiden.createOrder({ date: '2025-06-10T09:00:00Z' });
			await sandbox.admin.addFault({ kind: 'http5xx', match: 'customers' });
			await login(sandbox);

			await sandbox.admin.reset();

			const state = await sandbox.admin.state();
			expect(state.simulators.tjansteguiden.orders.total).toBe(0);
			expect(state.simulators.tjansteguiden.hashes.issued).toBe(0);
			expect(state.faults).toEqual([]);
			expect(state.counters.total).toBe(0);
		});
	});

	describe('request log and counters', () => {
		it('records method, path, query (secrets redacted), status and the Tjänsteguiden method', async () => {
			const hash = await login(sandbox);
			await call(sandbox, { method: 'orders', hash, date: '2025-06-10' });

			const page = await sandbox.admin.requests({ simulator: 'tjansteguiden' });

			expect(page.received).toBe(2);
			expect(page.entries.map((entry) => entry.apiMethod)).toEqual(['api_login', 'orders']);
			expect(page.entries[1]).toMatchObject({
				seq: 2,
				simulator: 'tjansteguiden',
				httpMethod: 'GET',
				path: '/plain/serviceguide_log',
				query: { method: 'orders', hash: '[redacted]', date: '2025-06-10' },
				status: 200,
				operation: 'orders',
				login: false,
				outcome: 'success',
			});
			expect(page.entries[0]?.time.startsWith('2025-06-10')).toBe(true);
			const text = JSON.stringify(page);
			expect(text).not.toContain(hash);
			expect(text).not.toContain(DEMO_API_KEY);
		});

		it('pages with since=<seq> and filters by operation', async () => {
			const hash = await login(sandbox);
			for (let i = 0; i < 3; i++) await call(sandbox, { method: 'orders', hash, date: '2025-06-10' });

			expect((await sandbox.admin.requests({ since: '2' })).entries.map((entry) => entry.seq)).toEqual([3, 4]);
			expect((await sandbox.admin.requests({ operation: 'api_login' })).entries).toHaveLength(1);
			expect((await sandbox.admin.requests({ since: '2025-06-10T00:00:00Z', limit: 2 })).entries).toHaveLength(2);
		});

		it('counts logins apart from calls, per operation and per outcome', async () => {
			const hash = await login(sandbox);
			await login(sandbox);
			await call(sandbox, { method: 'orders', hash, date: '2025-06-10' });
			await call(sandbox, { method: 'order_info', hash, id: 1 });
			await call(sandbox, { method: 'order_info', hash, id: 2 });
			await call(sandbox, { method: 'orders', hash: 'bad', date: '2025-06-10' });

			const counters = (await sandbox.admin.counters()).bySimulator.tjansteguiden;

			expect(counters).toMatchObject({ total: 6, logins: 2, calls: 4 });
			expect(counters?.byOperation).toEqual({ api_login: 2, orders: 2, order_info: 2 });
			expect(counters?.byStatus).toEqual({ '200': 6 });
			expect(counters?.byOutcome).toEqual({ success: 3, 'error: Order N not found': 2, 'error: Invalid or expired hash': 1 });
		});
	});

	describe('Tjänsteguiden admin', () => {
		it('creates orders with explicit fields and a new customer, and shows them with their log', async () => {
			const created = await sandbox.admin.tjansteguiden.createOrders({
				date: '2025-06-10T08:00:00Z',
				status: 'waiting',
				service: 'TVBAS',
				socket: 'SNDEMO-A0021',
				customer: { firstname: 'Elsa', surname: 'Gustafsson' },
				log: [{ type: 'alert', message: 'Kunden vill ha installation på lördag', user: 'Kundtjänst' }],
			});

			expect(created.ids).toHaveLength(1);
			const order = await sandbox.admin.tjansteguiden.order(created.ids[0] as number);
			expect(order).toMatchObject({
				status: 'waiting',
				service: 2450,
				serviceUid: 'TVBAS',
				co: 'SNDEMO',
				coName: 'Demostad Stadsnät',
				socket: 'SNDEMO-A0021',
				customer: created.customerIds[0],
				log: [expect.objectContaining({ type: 'alert', user: 'Kundtjänst', localDate: '2025-06-10 10:00:00' })],
			});
			const customer = await sandbox.admin.tjansteguiden.customer(order.customer);
			expect(customer).toMatchObject({ firstname: 'Elsa', surname: 'Gustafsson', socket: 'SNDEMO-A0021', city: 'Demostad' });
		});

		it('refuses unknown services, operators and statuses', async () => {
			await expect(sandbox.admin.tjansteguiden.createOrder({ service: 9999 })).rejects.toThrow(/Unknown service/);
			await expect(sandbox.admin.tjansteguiden.createOrder({ co: 'NOPE' })).rejects.toThrow(/Unknown co/);
			await expect(sandbox.admin.tjansteguiden.createOrder({ status: 'lost' as never })).rejects.toThrow(/Invalid status/);
			await expect(sandbox.admin.tjansteguiden.order(1)).rejects.toMatchObject({ status: 404 });
		});

		it('bulk-creates orders spaced in time, ending now', async () => {
			const created = await sandbox.admin.tjansteguiden.createOrders({ count: 5, intervalMs: 3_600_000, template: { service: 2441 } });

			const { total, orders } = await sandbox.admin.tjansteguiden.orders({ log: false });
			expect(created.ids).toHaveLength(5);
			expect(total).toBe(5);
			expect(orders.every((order) => order.service === 2441 && order.arrived)).toBe(true);
			expect(new Set(orders.map((order) => order.customer)).size).toBe(5);
		});

		it('filters the order list by status and changes statuses as the city network', async () => {
			const { ids } = await sandbox.admin.tjansteguiden.createOrders([{ date: '2025-06-10T07:00:00Z' }, { date: '2025-06-10T08:00:00Z' }]);
			await sandbox.admin.tjansteguiden.setOrderStatus(ids[1] as number, 'cancelled', 'Demostad Stadsnät');

			const cancelled = await sandbox.admin.tjansteguiden.orders({ status: 'cancelled' });

			expect(cancelled.orders.map((order) => order.id)).toEqual([ids[1]]);
			expect(cancelled.orders[0]?.log).toEqual([expect.objectContaining({ type: 'system', message: 'Status changed to cancelled', user: 'Demostad Stadsnät' })]);
		});

		it('adds API users that can log in, and never returns their keys', async () => {
			const users = await sandbox.admin.tjansteguiden.addUser({ apiUser: '777', apiKey: 'second-key', name: 'Andra Användaren' });
			expect(users).toEqual([
				{ apiUser: DEMO_API_USER, name: 'Sandbox User' },
				{ apiUser: '777', name: 'Andra Användaren' },
			]);

			const response = await call(sandbox, { method: 'api_login', api_user: '777', api_key: 'second-key' });

			expect(envelope(response.body).message).toBe('Andra Användaren logged in');
			expect(JSON.stringify(await sandbox.admin.tjansteguiden.config())).not.toContain('second-key');
		});

		it('refuses invalid config with a 400 and keeps the old config', async () => {
			await expect(sandbox.admin.tjansteguiden.updateConfig({ ordersEnvelope: 'xml' as never })).rejects.toMatchObject({ status: 400 });
			await expect(sandbox.admin.tjansteguiden.updateConfig({ hashLifetimeMs: -5 })).rejects.toBeInstanceOf(SandboxAdminError);
			expect((await sandbox.admin.tjansteguiden.config()).ordersEnvelope).toBe('orders');
		});

		it('lists every hash issued', async () => {
			const first = await login(sandbox);
			const second = await login(sandbox);

			expect((await sandbox.admin.tjansteguiden.hashes()).map((issued) => issued.hash)).toEqual([first, second]);
		});

		it('lists customers again after an edit', async () => {
			const customer = await sandbox.admin.tjansteguiden.createCustomer({ date: '2025-06-01T10:00:00Z' });
			const edited = await sandbox.admin.tjansteguiden.editCustomer(customer.id, { address: 'Nygatan 1' });

			expect(edited.address).toBe('Nygatan 1');
			expect(Date.parse(edited.changedAt)).toBeGreaterThan(Date.parse(edited.createdAt));
			await expect(sandbox.admin.tjansteguiden.editCustomer(customer.id, { id: 5 } as never)).rejects.toThrow(/Cannot change/);
		});

		it('answers a one-day `orders` call among 100 000 orders', async () => {
			const created = await sandbox.admin.tjansteguiden.createOrders({ count: 100_000, intervalMs: 60_000 });
			expect(created.ids).toHaveLength(100_000);
			expect(created.orders).toBeUndefined();

			const orders = listOf<OrderXml>((await call(sandbox, { method: 'orders', hash: await login(sandbox), date: '2025-06-10' })).body, 'order');

			// Clock ≈ 2025-06-10 12:00 local, one order a minute ending now: 00:00 … 12:00 local.
			expect(orders.length).toBeGreaterThanOrEqual(720);
			expect(orders.length).toBeLessThanOrEqual(722);
			expect(orders[0]?.date.startsWith('2025-06-10 00:0')).toBe(true);
			expect((await sandbox.admin.state()).simulators.tjansteguiden.orders.total).toBe(100_000);
		}, 120_000);
	});
});
