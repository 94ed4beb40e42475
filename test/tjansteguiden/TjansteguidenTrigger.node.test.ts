/**
 * The Tjänsteguiden Trigger through n8n-core's TriggersAndPollers and PollContext (the code path
 * of an active workflow) against the sandbox, once with each credential (service provider and
 * network operator). Time is simulated: Date is faked for the trigger and the in-process sandbox
 * alike, so "now" is the same instant on both sides.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RunningSandbox } from '../../sandbox/src';
import {
	API_SIDES,
	expectNoSecrets,
	networkOperatorSide,
	operatorAdmin,
	OPERATOR_API_USER,
	pollTrigger,
	secretsOf,
	SNDEMO_SOCKET,
	startTjansteguidenSandbox,
	type ApiSideFixture,
	type TriggerPoll,
} from './nodeTestKit';

describe.each(API_SIDES)('with the $name credential', (side: ApiSideFixture) => {
	let sandbox: RunningSandbox;

	function setNow(iso: string) {
		jest.setSystemTime(new Date(iso));
	}

	/** Date faked for both sides; with `running`, the faked clock also moves on with real time. */
	function fakeDate(running = false) {
		jest.useFakeTimers({
			doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
			now: new Date('2026-11-27T08:00:00Z'),
			advanceTimers: running,
		});
	}

	beforeEach(async () => {
		fakeDate();
		sandbox = await startTjansteguidenSandbox({ clockStart: undefined });
	});

	afterEach(async () => {
		await sandbox.close();
		jest.useRealTimers();
	});

	/** One poll of this side's trigger; `options` as pollTrigger takes them (parameters, mode, …). */
	const poll = async (staticData: IDataObject, options: Omit<TriggerPoll, 'sandbox' | 'side' | 'staticData'> = {}) =>
		await pollTrigger({ sandbox, side, staticData, ...options });

	/** What n8n does between polls when it restarts: static data goes through JSON in the database. */
	function saveAndReload(staticData: IDataObject): IDataObject {
		return JSON.parse(JSON.stringify(staticData));
	}

	/** The trigger's state inside the workflow's static data (n8n keys it by node name). */
	function triggerState(staticData: IDataObject): IDataObject {
		return (staticData['node:Node Under Test'] as IDataObject).state as IDataObject;
	}

	async function ordersListings() {
		const { entries } = await sandbox.admin.requests({ simulator: 'tjansteguiden' });
		return entries.filter((entry) => entry.apiMethod === 'orders').length;
	}

	/** On SNDEMO's network unless told otherwise, so that both sides see the order. */
	async function createOrder(date: string, overrides: Record<string, unknown> = {}) {
		const created = await sandbox.admin.tjansteguiden.createOrder({ date, socket: SNDEMO_SOCKET, ...overrides });
		return String(created.id);
	}

	test('first poll starts from now; orders arriving later are emitted once, with details', async () => {
		await createOrder('2026-11-27 08:30:00');
		const staticData: IDataObject = {};
		expect(await poll(staticData)).toEqual([]);
		expect(await poll(staticData)).toEqual([]);

		const fresh = await createOrder('2026-11-27 09:05:00', { socket: 'SNDEMO-A0004' });
		setNow('2026-11-27T08:10:00Z');
		const items = await poll(staticData);
		expect(items.map((item) => item.id)).toEqual([fresh]);
		expect(items[0]).toMatchObject({ socket: 'SNDEMO-A0004', co: 'SNDEMO', directActivated: false, customerInfo: { id: expect.any(String) } });
		expect(items[0].customerInfo).not.toHaveProperty('serial');
		expect(await poll(staticData)).toEqual([]);
	});

	test('a day of orders across midnight and the autumn DST change, with restarts: each emitted exactly once', async () => {
		// 24-25 October 2026: Stockholm goes from +02:00 to +01:00 at 03:00 on the 25th.
		setNow('2026-10-24T18:00:00Z');
		let staticData: IDataObject = {};
		await poll(staticData);

		const localTimes = [
			'2026-10-24 21:00:00', '2026-10-24 23:58:30', '2026-10-24 23:59:59', '2026-10-25 00:00:00',
			'2026-10-25 00:00:01', '2026-10-25 01:30:00', '2026-10-25 02:15:00', '2026-10-25 02:45:00',
			'2026-10-25 03:10:00', '2026-10-25 12:00:00', '2026-10-25 23:59:00', '2026-10-26 00:01:00',
		];
		const expected: string[] = [];
		for (const [i, time] of localTimes.entries()) {
			expected.push(await createOrder(time, { status: i % 5 === 4 ? 'delivered' : 'new' }));
		}

		const emitted: string[] = [];
		// A poll every 20 minutes from 18:00 UTC on the 24th to 00:00 UTC on the 26th.
		for (let t = Date.parse('2026-10-24T18:00:00Z'); t <= Date.parse('2026-10-26T00:00:00Z'); t += 20 * 60 * 1000) {
			setNow(new Date(t).toISOString());
			const items = await poll(staticData);
			emitted.push(...items.map((item) => String(item.id)));
			if (new Date(t).getUTCMinutes() === 0 && new Date(t).getUTCHours() % 6 === 0) staticData = saveAndReload(staticData);
		}
		expect([...emitted].sort()).toEqual([...expected].sort());
		expect(new Set(emitted).size).toBe(emitted.length);
	});

	test('the poller stopped for two days catches up without loss', async () => {
		let staticData: IDataObject = {};
		await poll(staticData);
		staticData = saveAndReload(staticData);
		const ids = [await createOrder('2026-11-27 22:00:00'), await createOrder('2026-11-28 12:00:00'), await createOrder('2026-11-29 08:00:00')];
		setNow('2026-11-29T10:00:00Z');
		const items = await poll(staticData);
		expect(items.map((item) => item.id)).toEqual(ids);
	});

	test.each(['orders', 'order_info', 'customer_info'])(
		'a failure on %s: no emission, no state change, and the next clean poll emits everything',
		async (method) => {
			const staticData: IDataObject = {};
			await poll(staticData);
			const ids = [await createOrder('2026-11-27 08:50:00'), await createOrder('2026-11-27 08:55:00')];
			setNow('2026-11-27T08:00:00Z');
			const before = JSON.stringify(staticData);

			// For the detail calls, let the first one through so the poll fails half-way.
			const skip = method === 'orders' ? 0 : 1;
			await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: method, kind: 'http5xx', status: 503, skip });
			await expect(poll(staticData)).rejects.toThrow(/503/);
			expect(JSON.stringify(staticData)).toBe(before);

			await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: method, kind: 'malformedXml' });
			await expect(poll(staticData)).rejects.toThrow(/could not be read/);
			expect(JSON.stringify(staticData)).toBe(before);

			const items = await poll(staticData);
			expect(items.map((item) => item.id)).toEqual(ids);
			expect(await poll(staticData)).toEqual([]);
			expectNoSecrets(staticData, await secretsOf(sandbox));
		},
	);

	test('a backlog larger than the per-poll limit drains over several polls with no loss', async () => {
		const staticData: IDataObject = {};
		await poll(staticData);
		const ids: string[] = [];
		for (let i = 0; i < 23; i++) ids.push(await createOrder(`2026-11-27 08:${String(10 + i).padStart(2, '0')}:00`));
		const emitted: string[] = [];
		const perPoll: number[] = [];
		for (let i = 0; i < 4; i++) {
			const items = await poll(staticData, { parameters: { options: { maxOrdersPerPoll: 10 } } });
			perPoll.push(items.length);
			emitted.push(...items.map((item) => String(item.id)));
		}
		expect(perPoll).toEqual([10, 10, 3, 0]);
		expect(emitted).toEqual(ids);
	});

	test('a poll reads the credential once, however many calls it makes', async () => {
		const staticData: IDataObject = {};
		await poll(staticData);
		for (let i = 0; i < 5; i++) await createOrder(`2026-11-27 08:${String(10 + i).padStart(2, '0')}:00`);
		const reads: Record<string, number> = {};
		expect(await poll(staticData, { credentialReads: reads })).toHaveLength(5);
		// orders + 5 × (order_info + customer_info), and the login on the service-provider side.
		expect(Object.values(reads)).toEqual([1]);
	});

	test('a poll stays inside the time n8n grants it; the orders it had no time for come next, none lost', async () => {
		fakeDate(true);
		const staticData: IDataObject = {};
		await poll(staticData);
		const ids: string[] = [];
		for (let i = 0; i < 8; i++) ids.push(await createOrder(`2026-11-27 08:${String(10 + i).padStart(2, '0')}:00`));
		// One detail call at a time, 100 ms each: an order takes 200 ms; 60 % of a 600 ms budget
		// leaves time to start two of the eight.
		await sandbox.admin.setLatency('tjansteguiden', 100);
		const serial = { options: { concurrency: 1 } };
		const first = await poll(staticData, { parameters: serial, pollBudgetMs: 600 });
		expect(first.length).toBeGreaterThan(0);
		expect(first.length).toBeLessThan(ids.length);
		await sandbox.admin.setLatency('tjansteguiden', 0);
		const rest = await poll(staticData, { parameters: serial });
		expect([...first, ...rest].map((item) => item.id)).toEqual(ids);
		expect(await poll(staticData, { parameters: serial })).toEqual([]);
	});

	test('a poll whose detail call hangs returns inside its budget with the orders before it; the rest come next', async () => {
		const staticData: IDataObject = {};
		await poll(staticData);
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) ids.push(await createOrder(`2026-11-27 08:${String(10 + i).padStart(2, '0')}:00`));
		// The third order's order_info answers later than n8n would wait for the whole poll.
		const budgetMs = 1500;
		const hangMs = 4 * budgetMs;
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', kind: 'slow', match: 'order_info', skip: 2, times: 1, delayMs: hangMs });
		const serial = { options: { concurrency: 1 } };
		const started = Date.now();
		const first = await poll(staticData, { parameters: serial, pollBudgetMs: budgetMs });
		expect(Date.now() - started).toBeLessThan(hangMs);
		expect(first.map((item) => item.id)).toEqual(ids.slice(0, 2));
		await new Promise((resolve) => setTimeout(resolve, hangMs));
		const rest = await poll(staticData, { parameters: serial, pollBudgetMs: budgetMs });
		expect(rest.map((item) => item.id)).toEqual(ids.slice(2));
	}, 30_000);

	test('a poll whose order list hangs returns inside its budget with nothing and the state untouched; the next poll has the orders', async () => {
		const staticData: IDataObject = {};
		await poll(staticData);
		const ids = [await createOrder('2026-11-27 08:10:00'), await createOrder('2026-11-27 08:11:00')];
		const stateBefore = JSON.stringify(staticData);
		const budgetMs = 1500;
		const hangMs = 4 * budgetMs;
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', kind: 'slow', match: 'orders', times: 1, delayMs: hangMs });
		const started = Date.now();
		expect(await poll(staticData, { pollBudgetMs: budgetMs })).toEqual([]);
		expect(Date.now() - started).toBeLessThan(hangMs);
		expect(JSON.stringify(staticData)).toBe(stateBefore);
		await new Promise((resolve) => setTimeout(resolve, hangMs));
		expect((await poll(staticData, { pollBudgetMs: budgetMs })).map((item) => item.id)).toEqual(ids);
	}, 30_000);

	test('an idle poll costs one request', async () => {
		const staticData: IDataObject = {};
		await poll(staticData);
		const before = (await sandbox.admin.counters()).bySimulator.tjansteguiden;
		await poll(staticData);
		const after = (await sandbox.admin.counters()).bySimulator.tjansteguiden;
		expect(after.total - before.total).toBe(1);
		expect(after.logins).toBe(before.logins);
		const [last] = (await sandbox.admin.requests({ simulator: 'tjansteguiden' })).entries.slice(-1);
		expect(last).toMatchObject({ path: side.path, apiMethod: 'orders' });
	});

	test('Fetch Test Event returns the latest order and leaves the state alone', async () => {
		const older = await createOrder('2026-11-26 10:00:00');
		const latest = await createOrder('2026-11-27 08:45:00', { status: 'delivered' });
		const staticData: IDataObject = {};
		const items = await poll(staticData, { mode: 'manual' });
		expect(items.map((item) => item.id)).toEqual([latest]);
		expect(items[0].directActivated).toBe(true);
		expect(staticData).toEqual({});
		expect(older).not.toBe(latest);
	});

	test('backfill on the first poll emits recent orders once', async () => {
		const ids = [await createOrder('2026-11-25 10:00:00'), await createOrder('2026-11-27 08:00:00')];
		const staticData: IDataObject = {};
		const first = await poll(staticData, { parameters: { enrich: false, options: { backfillDays: 3 } } });
		expect(first.map((item) => item.id)).toEqual(ids);
		expect(first[0]).not.toHaveProperty('customerInfo');
		expect(await poll(staticData, { parameters: { enrich: false, options: { backfillDays: 3 } } })).toEqual([]);
	});

	test('a state n8n has not stored yet does not make the same process emit an order twice', async () => {
		const stored: IDataObject = {};
		await poll(stored);
		const ids = [await createOrder('2026-11-27 08:50:00'), await createOrder('2026-11-27 08:55:00')];
		setNow('2026-11-27T08:00:00Z');
		// Durable poll cursors are committed with the execution: while it runs, the next poll still
		// reads the previous state. Both polls here start from that same stored state.
		const first = await poll(saveAndReload(stored));
		const second = await poll(saveAndReload(stored));
		expect(first.map((item) => item.id)).toEqual(ids);
		expect(second).toEqual([]);
	});

	test('an order left received by an execution that died is emitted again after the chosen minutes, and only then', async () => {
		const recovery = { options: { emitAgainAfterMinutes: 30 } };
		const stored: IDataObject = {};
		await poll(stored, { parameters: recovery });
		const [lost, finished] = [await createOrder('2026-11-27 08:10:00'), await createOrder('2026-11-27 08:11:00')];
		setNow('2026-11-27T08:15:00Z');
		expect((await poll(stored, { parameters: recovery })).map((item) => item.id)).toEqual([lost, finished]);
		// Both executions marked their order received; only one got further before n8n died.
		await sandbox.admin.tjansteguiden.setOrderStatus(Number(lost), 'received');
		await sandbox.admin.tjansteguiden.setOrderStatus(Number(finished), 'received');
		await sandbox.admin.tjansteguiden.setOrderStatus(Number(finished), 'delivered');

		setNow('2026-11-27T08:44:00Z');
		expect(await poll(saveAndReload(stored), { parameters: recovery })).toEqual([]);
		setNow('2026-11-27T08:45:00Z');
		const again = await poll(stored, { parameters: recovery });
		expect(again.map((item) => [item.id, item.emittedAgain])).toEqual([[lost, true]]);
		expect(again[0]).toHaveProperty('customerInfo');

		await sandbox.admin.tjansteguiden.setOrderStatus(Number(lost), 'delivered');
		setNow('2026-11-27T10:00:00Z');
		expect(await poll(stored, { parameters: recovery })).toEqual([]);
		expect(triggerState(stored).unfinished).toBe('');
	});

	test('an order that never finishes is emitted three times in all, then no more', async () => {
		const recovery = { options: { emitAgainAfterMinutes: 30 } };
		const stored: IDataObject = {};
		await poll(stored, { parameters: recovery });
		const stuck = await createOrder('2026-11-27 08:10:00');
		const emissions: string[] = [];
		for (let minutes = 15; minutes <= 15 + 31 * 6; minutes += 31) {
			setNow(new Date(Date.parse('2026-11-27T08:00:00Z') + minutes * 60_000).toISOString());
			emissions.push(...(await poll(stored, { parameters: recovery })).map((item) => String(item.id)));
			// Every execution of it dies after marking it received.
			await sandbox.admin.tjansteguiden.setOrderStatus(Number(stuck), 'received');
		}
		expect(emissions).toEqual([stuck, stuck, stuck]);
	});

	test('without the option, an unfinished order is never emitted again', async () => {
		const stored: IDataObject = {};
		await poll(stored);
		const id = await createOrder('2026-11-27 08:10:00');
		expect((await poll(stored)).map((item) => item.id)).toEqual([id]);
		setNow('2026-11-27T12:00:00Z');
		expect(await poll(stored)).toEqual([]);
		expect(triggerState(stored)).toHaveProperty('windowStart');
		expect(triggerState(stored)).not.toHaveProperty('unfinished');
	});

	test('with customer details off, a new order costs order_info only', async () => {
		const stored: IDataObject = {};
		const parameters = { options: { customerDetails: false } };
		await poll(stored, { parameters });
		const id = await createOrder('2026-11-27 08:10:00');
		const before = (await sandbox.admin.requests({ simulator: 'tjansteguiden' })).entries.length;
		const items = await poll(stored, { parameters });
		const calls = (await sandbox.admin.requests({ simulator: 'tjansteguiden' })).entries.slice(before);
		expect(items.map((item) => item.id)).toEqual([id]);
		expect(items[0]).not.toHaveProperty('customerInfo');
		expect(items[0]).toHaveProperty('socket');
		expect(calls.map((call) => call.apiMethod)).toEqual(['orders', 'order_info']);
	});

	test('a poll that starts while the previous one still runs emits nothing; the orders come once', async () => {
		const stored: IDataObject = {};
		await poll(stored);
		const ids = [await createOrder('2026-11-27 08:50:00'), await createOrder('2026-11-27 08:55:00')];
		// n8n starts the next tick's poll whether or not the last one has finished; a slow API makes
		// the first poll still be fetching details when the second one starts from the same state.
		await sandbox.admin.setLatency('tjansteguiden', 150);
		const listingsBefore = await ordersListings();
		const [first, second] = await Promise.all([poll(stored), poll(saveAndReload(stored))]);
		expect(first.map((item) => item.id)).toEqual(ids);
		expect(second).toEqual([]);
		// The skipped poll sent nothing at all.
		expect((await ordersListings()) - listingsBefore).toBe(1);
		await sandbox.admin.setLatency('tjansteguiden', 0);
		expect(await poll(stored)).toEqual([]);
	});
});

describe('with the network operator credential, when the IP address is not allowed', () => {
	let sandbox: RunningSandbox;

	beforeEach(async () => {
		sandbox = await startTjansteguidenSandbox();
	});

	afterEach(async () => {
		await sandbox.close();
	});

	test('the poll fails with the explanation and the state stays as it was', async () => {
		const poll = (staticData: IDataObject) =>
			pollTrigger({ sandbox, side: networkOperatorSide, staticData, parameters: { statuses: ['new'] } });
		const staticData: IDataObject = {};
		await poll(staticData);
		const before = JSON.stringify(staticData);

		await operatorAdmin(sandbox).setAccess({ apiUser: OPERATOR_API_USER, allowedAddresses: ['203.0.113.5'] });
		await expect(poll(staticData)).rejects.toThrow('The Tjänsteguiden operator API does not accept calls from this IP address');
		expect(JSON.stringify(staticData)).toBe(before);
	});
});
