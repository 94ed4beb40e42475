import { decodeKnownOrders, encodeKnownOrders, type KnownOrders } from '../../../nodes/OnApi/trigger/knownOrders';
import { hexIds, numericIds, stateFor, storedBytes, unfinishedOrders } from './unfinishedOrders';

const KIB = 1024;
const UNFINISHED = 10_000;

describe('known orders encoding', () => {
	it('round-trips every kind of ID, state and date exactly', () => {
		const orders: KnownOrders = new Map([
			['19531', { state: 'RECEIVED', expectedCompletionDate: '2026-12-05' }],
			['7', { state: 'IN_PROGRESS', expectedCompletionDate: '' }],
			['0', { state: 'RECEIVED', expectedCompletionDate: '' }],
			['007', { state: 'RECEIVED', expectedCompletionDate: '' }],
			['f3f26446f6e8407aae876ea8e52d7417', { state: 'RECEIVED', expectedCompletionDate: '2019-02-05T00:00:01Z' }],
			['F3F26446F6E8407AAE876EA8E52D7417', { state: 'RECEIVED', expectedCompletionDate: '' }],
			['58128a38-8df0-11e9-b683-526af7764f64', { state: 'ON_HOLD', expectedCompletionDate: '2026-12-05' }],
			["odd:id,with'|chars~", { state: 'IN PROGRESS?', expectedCompletionDate: 'a|b,c' }],
		]);
		const decoded = decodeKnownOrders(JSON.parse(JSON.stringify(encodeKnownOrders(orders))));
		expect(new Map([...decoded].sort())).toEqual(new Map([...orders].sort()));
	});

	it('an empty set encodes to an empty list', () => {
		expect(encodeKnownOrders(new Map())).toEqual({ t: [], o: '' });
		expect(decodeKnownOrders({ t: [], o: '' }).size).toBe(0);
	});

	it(`keeps ${UNFINISHED} unfinished orders with numeric IDs within 64 KiB`, () => {
		const state = stateFor(unfinishedOrders(UNFINISHED, numericIds()));
		const bytes = storedBytes(state);
		console.log(`ON-API Trigger state, ${UNFINISHED} unfinished orders, numeric IDs: ${(bytes / KIB).toFixed(1)} KiB`);
		expect(bytes).toBeLessThanOrEqual(64 * KIB);
		expect(decodeKnownOrders(state.operators.CO.known).size).toBe(UNFINISHED);
	});

	it(`keeps ${UNFINISHED} unfinished orders with 32-digit hex IDs in 27 bytes each (their 16 bytes of ID cannot be less)`, () => {
		// Random 128-bit IDs carry about 116 bits each even as a sorted set: 10,000 need at least 142 KiB
		// whatever the encoding, so 64 KiB is out of reach; this one stores each in 22 characters plus
		// its state-and-date index and separators.
		const state = stateFor(unfinishedOrders(UNFINISHED, hexIds()));
		const bytes = storedBytes(state);
		console.log(`ON-API Trigger state, ${UNFINISHED} unfinished orders, 32-digit hex IDs: ${(bytes / KIB).toFixed(1)} KiB`);
		expect(bytes).toBeLessThanOrEqual(27 * UNFINISHED);
		expect(decodeKnownOrders(state.operators.CO.known).size).toBe(UNFINISHED);
	});
});
