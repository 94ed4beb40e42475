import { DEMO_API_USER, startSandbox, type RunningSandbox } from '../../sandbox/src';
import { call, envelope, listOf, login, type CustomerXml, type OrderXml } from './tjansteguidenTestKit';

const MINUTE = 60_000;

describe('Tjänsteguiden simulator and the sandbox clock', () => {
	let sandbox: RunningSandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ clockStart: '2025-01-20T12:00:00Z' });
	});

	afterAll(async () => {
		await sandbox.close();
	});

	beforeEach(async () => {
		await sandbox.admin.reset();
	});

	async function ordersSince(date: string): Promise<OrderXml[]> {
		return listOf<OrderXml>((await call(sandbox, { method: 'orders', hash: await login(sandbox), date })).body, 'order');
	}

	describe('hash lifetime', () => {
		async function ordersAnswer(hash: string): Promise<string | undefined> {
			return envelope((await call(sandbox, { method: 'orders', hash, date: '2025-01-20' })).body).message ?? 'success';
		}

		it('accepts a hash for 20 minutes of sandbox time from login, whatever calls are made meanwhile', async () => {
			const hash = await login(sandbox);

			await sandbox.admin.advanceClock(10 * MINUTE);
			expect(await ordersAnswer(hash)).toBe('success');
			await sandbox.admin.advanceClock(9 * MINUTE + 50_000);
			expect(await ordersAnswer(hash)).toBe('success');
			await sandbox.admin.advanceClock(15_000);
			expect(await ordersAnswer(hash)).toBe('Invalid or expired hash');
		});

		it('marks expired hashes in the admin list of issued hashes', async () => {
			const hash = await login(sandbox);
			await sandbox.admin.advanceClock(21 * MINUTE);
			const fresh = await login(sandbox);

			const hashes = await sandbox.admin.tjansteguiden.hashes();

			expect(hashes.map((issued) => [issued.hash, issued.valid])).toEqual([
				[hash, false],
				[fresh, true],
			]);
			expect(hashes[0]?.apiUser).toBe(DEMO_API_USER);
		});

		it('follows a configured lifetime', async () => {
			await sandbox.admin.tjansteguiden.updateConfig({ hashLifetimeMinutes: 2 });
			const hash = await login(sandbox);

			await sandbox.admin.advanceClock(2 * MINUTE + 1000);

			expect(await ordersAnswer(hash)).toBe('Invalid or expired hash');
		});
	});

	describe('date filter in Europe/Stockholm', () => {
		it('starts the day at local midnight (23:00 UTC in winter)', async () => {
			const { ids } = await sandbox.admin.tjansteguiden.createOrders([
				{ date: '2025-01-14T22:59:59Z' },
				{ date: '2025-01-14T23:00:00Z' },
			]);

			const orders = await ordersSince('2025-01-15');

			expect(orders.map((order) => Number(order.id))).toEqual([ids[1]]);
			expect(orders[0]?.date).toBe('2025-01-15 00:00:00');
		});

		it('handles the spring-forward day (2025-03-30: 02:00 → 03:00)', async () => {
			await sandbox.admin.setClock('2025-04-01T12:00:00Z');
			const { ids } = await sandbox.admin.tjansteguiden.createOrders([
				{ date: '2025-03-29T22:30:00Z' },
				{ date: '2025-03-29T23:30:00Z' },
				{ date: '2025-03-30T00:59:59Z' },
				{ date: '2025-03-30T01:00:00Z' },
			]);

			const orders = await ordersSince('2025-03-30');

			expect(orders.map((order) => Number(order.id))).toEqual(ids.slice(1));
			expect(orders.map((order) => order.date)).toEqual(['2025-03-30 00:30:00', '2025-03-30 01:59:59', '2025-03-30 03:00:00']);
		});

		it('handles the fall-back day (2025-10-26: 03:00 → 02:00) and shows the repeated hour twice', async () => {
			await sandbox.admin.setClock('2025-10-28T12:00:00Z');
			const { ids } = await sandbox.admin.tjansteguiden.createOrders([
				{ date: '2025-10-25T21:59:00Z' },
				{ date: '2025-10-25T22:00:00Z' },
				{ date: '2025-10-26T00:30:00Z' },
				{ date: '2025-10-26T01:30:00Z' },
			]);

			const orders = await ordersSince('2025-10-26');

			expect(orders.map((order) => Number(order.id))).toEqual(ids.slice(1));
			expect(orders.map((order) => order.date)).toEqual(['2025-10-26 00:00:00', '2025-10-26 02:30:00', '2025-10-26 02:30:00']);
			expect(await ordersSince('2025-10-27')).toEqual([]);
		});

		it('reads zone-less admin dates as Stockholm local time', async () => {
			await sandbox.admin.setClock('2025-07-02T12:00:00Z');
			const order = await sandbox.admin.tjansteguiden.createOrder({ date: '2025-07-01 00:10:00' });

			expect(order.date).toBe('2025-06-30T22:10:00.000Z');
			expect((await ordersSince('2025-07-01')).map((listed) => listed.date)).toEqual(['2025-07-01 00:10:00']);
		});

		it('filters customers on the same local-midnight boundary', async () => {
			const before = await sandbox.admin.tjansteguiden.createCustomer({ date: '2025-01-18T22:59:00Z' });
			const after = await sandbox.admin.tjansteguiden.createCustomer({ date: '2025-01-18T23:01:00Z' });

			const customers = listOf<CustomerXml>((await call(sandbox, { method: 'customers', hash: await login(sandbox), date: '2025-01-19' })).body, 'customer');

			expect(customers.map((customer) => Number(customer.id))).toEqual([after.id]);
			expect(customers.map((customer) => Number(customer.id))).not.toContain(before.id);
			expect(customers[0]?.date).toBe('2025-01-19 00:01');
		});
	});

	describe('orders created in the future', () => {
		it('are unknown to every method until the clock reaches them', async () => {
			const order = await sandbox.admin.tjansteguiden.createOrder({ date: '2025-01-20T12:30:00Z' });
			const hash = await login(sandbox);

			expect(envelope((await call(sandbox, { method: 'order_info', hash, id: order.id })).body).message).toBe(`Order ${order.id} not found`);
			expect(envelope((await call(sandbox, { method: 'customer_info', hash, id: order.customer })).body).status).toBe('error');
			expect(order.arrived).toBe(false);

			await sandbox.admin.advanceClock(31 * MINUTE);

			expect(envelope((await call(sandbox, { method: 'order_info', hash: await login(sandbox), id: order.id })).body).status).toBe('success');
			expect((await sandbox.admin.tjansteguiden.order(order.id)).arrived).toBe(true);
		});
	});
});
