import type { IDataObject } from 'n8n-workflow';

import { addDays } from '../../../nodes/Tjansteguiden/helpers/dates';
import { planPoll, type PlanOptions, type TriggerState } from '../../../nodes/Tjansteguiden/trigger/plan';
import { decodeIds, encodeIds } from '../../../nodes/Tjansteguiden/trigger/seenIds';

const options: PlanOptions = { statuses: ['new', 'delivered'], maxOrders: 100, backfillDays: 0, overlapDays: 1 };
const order = (id: number, date: string, status = 'new'): IDataObject => ({ id: String(id), date: `${date}T10:00:00+01:00`, status });

test('ID sets round-trip, sorted and without duplicates', () => {
	const ids = ['19531', '7', '19530', '7', '1000000000000', 'A-1'];
	expect(decodeIds(encodeIds(ids))).toEqual(['7', '19530', '19531', '1000000000000', 'A-1']);
	expect(decodeIds(encodeIds([]))).toEqual([]);
});

test('first poll remembers what exists and emits nothing; the next emits only new orders', () => {
	const first = planPoll(undefined, [order(1, '2026-11-27'), order(2, '2026-11-27')], '2026-11-27', options);
	expect(first.firstPoll).toBe(true);
	expect(first.emit).toEqual([]);
	const second = planPoll(first.nextState, [order(1, '2026-11-27'), order(2, '2026-11-27'), order(3, '2026-11-27')], '2026-11-27', options);
	expect(second.emit.map((o) => o.id)).toEqual(['3']);
});

test('backfill emits the past days on the first poll', () => {
	const plan = planPoll(undefined, [order(1, '2026-11-20'), order(2, '2026-11-27')], '2026-11-27', { ...options, backfillDays: 7 });
	expect(plan.emit.map((o) => o.id)).toEqual(['1', '2']);
	expect(plan.nextState.windowStart).toBe('2026-11-26');
});

test('an order listed twice in one answer is emitted once', () => {
	const state = planPoll(undefined, [], '2026-11-27', options).nextState;
	const plan = planPoll(state, [order(5, '2026-11-27'), order(5, '2026-11-27')], '2026-11-27', options);
	expect(plan.emit).toHaveLength(1);
});

test('statuses not chosen are remembered and never emitted later', () => {
	const state = planPoll(undefined, [], '2026-11-27', options).nextState;
	const plan = planPoll(state, [order(5, '2026-11-27', 'received'), order(6, '2026-11-27', 'delivered')], '2026-11-27', options);
	expect(plan.emit.map((o) => o.id)).toEqual(['6']);
	const again = planPoll(plan.nextState, [order(5, '2026-11-27', 'new')], '2026-11-27', options);
	expect(again.emit).toEqual([]);
});

test('a backlog keeps the window open until it is drained, oldest first', () => {
	let state: TriggerState = { version: 1, windowStart: '2026-11-20', seen: {}, prunedMaxId: 0 };
	const listed = Array.from({ length: 25 }, (_, i) => order(100 + i, addDays('2026-11-20', i % 5)));
	const emitted: string[] = [];
	for (let poll = 0; poll < 3; poll++) {
		const plan = planPoll(state, listed, '2026-11-27', { ...options, maxOrders: 10 });
		emitted.push(...plan.emit.map((o) => String(o.id)));
		expect(plan.nextState.windowStart).toBe(plan.backlog > 0 ? '2026-11-20' : '2026-11-26');
		state = plan.nextState;
	}
	expect(emitted).toHaveLength(25);
	expect(new Set(emitted).size).toBe(25);
	expect(emitted.slice(0, 5)).toEqual(['100', '105', '110', '115', '120']);
});

test('an order listed with a date before the window is not emitted again after its group was dropped', () => {
	let state = planPoll(undefined, [], '2026-11-01', options).nextState;
	state = planPoll(state, [order(10, '2026-11-01')], '2026-11-01', options).nextState;
	for (const day of ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']) state = planPoll(state, [], day, options).nextState;
	expect(JSON.stringify(state.seen)).not.toContain(encodeIds(['10']));
	const late = planPoll(state, [order(10, '2026-11-01'), order(11, '2026-11-01')], '2026-11-05', options);
	expect(late.emit.map((o) => o.id)).toEqual(['11']);
	expect(late.skippedOld).toBe(1);
});

test('state stays a few KiB after 100,000 orders', () => {
	let state = planPoll(undefined, [], '2026-01-01', options).nextState;
	let nextId = 5_000_000;
	let emitted = 0;
	for (let day = 0; emitted < 100_000; day++) {
		const today = addDays('2026-01-01', day);
		// ~400 orders a day for this provider, IDs interleaved with other providers' orders.
		const listed: IDataObject[] = [];
		for (const since of [addDays(today, -1), today]) {
			for (let i = 0; i < 400; i++) listed.push(order(nextId + (since === today ? 0 : -4000) + i * 10, since));
		}
		const plan = planPoll(state, listed, today, { ...options, maxOrders: 1000 });
		emitted += plan.emit.length;
		state = plan.nextState;
		nextId += 4000;
	}
	const bytes = Buffer.byteLength(JSON.stringify(state));
	expect(bytes).toBeLessThan(8 * 1024);
});
