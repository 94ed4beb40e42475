import { FAILING_ACCESS_ID, startSandbox, TAKEN_ACCESS_ID, type OrderView, type RunningSandbox } from '../../sandbox/src';
import { call, listOf, login, type OrderXml } from './tjansteguidenTestKit';

describe('demo world (Tjänsteguiden side)', () => {
	let sandbox: RunningSandbox;
	let orders: OrderView[];

	beforeAll(async () => {
		sandbox = await startSandbox({ clockStart: '2025-06-10T10:00:00Z', demo: true });
	});

	afterAll(async () => {
		await sandbox.close();
	});

	beforeEach(async () => {
		await sandbox.admin.reset();
		orders = (await sandbox.admin.tjansteguiden.orders({ arrived: true })).orders;
	});

	const onSocket = (socket: string) => orders.filter((order) => order.socket === socket);

	it('has orders on both operators, numbered in arrival order', () => {
		expect(new Set(orders.map((order) => order.co))).toEqual(new Set(['SNDEMO', 'FIBNORR']));
		expect(orders.every((order) => /^(SNDEMO-A00[0-3]\d|FIBNORR-10[0-3]\d)$/.test(order.socket))).toBe(true);
		const ids = orders.map((order) => order.id);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
	});

	it('includes the special cases of the order flow', () => {
		expect(orders.filter((order) => order.status === 'delivered')).toHaveLength(1);
		expect(orders.find((order) => order.status === 'delivered')?.log?.[0]).toMatchObject({ message: 'Status changed to delivered' });
		expect(orders.filter((order) => order.serviceUid === 'TVBAS')).toHaveLength(1);
		expect(onSocket(TAKEN_ACCESS_ID)).toEqual([expect.objectContaining({ status: 'new', serviceUid: 'BB100100' })]);
		expect(onSocket(FAILING_ACCESS_ID)).toEqual([expect.objectContaining({ status: 'new' })]);
	});

	it('puts broadband and TV for one customer on the same access', () => {
		const tv = orders.find((order) => order.serviceUid === 'TVBAS') as OrderView;
		const sameCustomer = orders.filter((order) => order.customer === tv.customer);
		expect(sameCustomer.map((order) => order.serviceUid).sort()).toEqual(['BB100100', 'TVBAS']);
		expect(new Set(sameCustomer.map((order) => order.socket)).size).toBe(1);
	});

	it('uses obviously fake personal data', async () => {
		const { customers } = await sandbox.admin.tjansteguiden.customers();
		expect(customers.length).toBeGreaterThan(5);
		for (const customer of customers) {
			expect(customer.serial).toMatch(/^19121212\d{4}$/);
			expect(customer.email).toMatch(/@example\.com$/);
			expect(customer.phone).toMatch(/^07017406(0[5-9]|[1-9]\d)$/);
			expect(['Demostad', 'Norrby']).toContain(customer.city);
		}
	});

	it('lets new orders arrive as the clock moves on, and lists today\'s through the API', async () => {
		const hash = await login(sandbox);
		const before = listOf<OrderXml>((await call(sandbox, { method: 'orders', hash, date: '2025-06-10' })).body, 'order');

		await sandbox.admin.advanceClock(6 * 60_000);
		const after = listOf<OrderXml>((await call(sandbox, { method: 'orders', hash, date: '2025-06-10' })).body, 'order');

		expect(before.length).toBeGreaterThan(0);
		expect(after.length - before.length).toBe(15);
		expect((await sandbox.admin.state()).simulators.tjansteguiden.orders.scheduled).toBe(0);
	});
});
