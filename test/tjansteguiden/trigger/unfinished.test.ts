/**
 * The trigger's memory of emitted orders still in flight ("Emit Again After (Minutes)"):
 * which orders are due again, when an order counts as finished, and the bound on emissions.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	decodeUnfinished,
	encodeUnfinished,
	MAX_EMISSIONS,
	minuteOf,
	planUnfinished,
	recordEmissions,
} from '../../../nodes/Tjansteguiden/trigger/unfinished';

const T0 = Date.parse('2026-11-27T10:00:00Z');
const minutes = (n: number) => T0 + n * 60_000;
const order = (id: string, status: string): IDataObject => ({ id, status, date: '2026-11-27 10:00:00' });

describe('emitted orders still in flight', () => {
	test('survive the trip through the stored state', () => {
		const tracked = recordEmissions(new Map(), [order('19530', 'new'), order('19531', 'received')], T0);
		const decoded = decodeUnfinished(JSON.parse(JSON.stringify(encodeUnfinished(tracked))));
		expect([...decoded]).toEqual([
			['19530', { minute: minuteOf(T0), count: 1 }],
			['19531', { minute: minuteOf(T0), count: 1 }],
		]);
	});

	test('a direct-activated (delivered) order is never tracked', () => {
		expect(recordEmissions(new Map(), [order('1', 'delivered')], T0).size).toBe(0);
	});

	test('are due again once still new or received after the chosen minutes, oldest first', () => {
		let tracked = recordEmissions(new Map(), [order('2', 'new')], minutes(0));
		tracked = recordEmissions(tracked, [order('1', 'received')], minutes(-5));
		const listed = [order('1', 'received'), order('2', 'new')];
		expect(planUnfinished(encodeUnfinished(tracked), listed, minutes(29), 30).due).toEqual([listed[0]]);
		expect(planUnfinished(encodeUnfinished(tracked), listed, minutes(30), 30).due.map((o) => o.id)).toEqual(['1', '2']);
	});

	test('finish when listed in any other status or no longer listed', () => {
		const tracked = recordEmissions(new Map(), ['1', '2', '3', '4'].map((id) => order(id, 'new')), minutes(0));
		const listed = [order('1', 'delivered'), order('2', 'waiting'), order('3', 'active')];
		const plan = planUnfinished(encodeUnfinished(tracked), listed, minutes(60), 30);
		expect(plan.due).toEqual([]);
		expect(plan.tracked.size).toBe(0);
	});

	test(`are emitted at most ${MAX_EMISSIONS} times, then given up`, () => {
		let encoded = '';
		const listed = [order('7', 'received')];
		const emissions: number[] = [];
		for (let round = 0; round < MAX_EMISSIONS + 2; round++) {
			const now = minutes(round * 31);
			const plan = planUnfinished(encoded, listed, now, 30);
			const emitNow = round === 0 ? listed : plan.due;
			if (emitNow.length > 0) emissions.push(round);
			if (round === MAX_EMISSIONS) expect(plan.givenUp).toEqual(['7']);
			encoded = encodeUnfinished(recordEmissions(plan.tracked, emitNow, now));
		}
		expect(emissions).toHaveLength(MAX_EMISSIONS);
		expect(encoded).toBe('');
	});

	test('orders this process emitted but whose state was not stored are tracked too', () => {
		const listed = [order('9', 'received')];
		const plan = planUnfinished('', listed, minutes(31), 30, new Map([['9', minutes(0)]]));
		expect(plan.due).toEqual(listed);
	});
});
