/**
 * A large set of unfinished orders as an operator lists them, and the trigger state the planner
 * keeps for them: shared by the state-size unit test and the benchmark, which prints the figures.
 */
import { createHash } from 'node:crypto';

import { ORDER_STATE_CHANGED } from '../../../nodes/OnApi/trigger/eventItem';
import { planListPoll, type TriggerState } from '../../../nodes/OnApi/trigger/plan';

/** An operator's mix: most with a date out of four weeks of days, some without one, a quarter in progress. */
export function unfinishedOrders(count: number, idOf: (index: number) => string): unknown[] {
	return Array.from({ length: count }, (_, index) => ({
		orderId: idOf(index),
		state: index % 4 === 0 ? 'IN_PROGRESS' : 'RECEIVED',
		spReference: `ref-${index}`,
		...(index % 10 === 0 ? {} : { expectedCompletionDate: `2026-12-${String(1 + (index % 28)).padStart(2, '0')}T0${index % 3}:00:00Z` }),
	}));
}

/** An operator's order counter, our orders interleaved with other service providers' (gaps of 1 to 7). */
export function numericIds(): (index: number) => string {
	let id = 4_100_000;
	return () => String((id += 1 + (id % 7)));
}

/** 32 hex digits, as the spec's examples and the sandbox write order IDs. */
export function hexIds(): (index: number) => string {
	return (index) => createHash('md5').update(`order:${index}`).digest('hex');
}

/** The trigger state after a first poll that listed these orders (the unfinished-list source). */
export function stateFor(orders: unknown[]): TriggerState {
	const options = { event: ORDER_STATE_CHANGED, onlyWithSpReference: true, emitUnfinishedAtStart: false } as const;
	const snapshot = planListPoll('CO', undefined, orders, new Map(), options, Date.now()).next;
	return { version: 1, operators: { CO: snapshot } };
}

/** What n8n stores: the static data as JSON text (UTF-8 bytes). */
export function storedBytes(value: unknown): number {
	return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
