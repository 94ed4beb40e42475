import type { IDataObject } from 'n8n-workflow';

import { addDays } from '../helpers/dates';
import { decodeIds, encodeIds } from './seenIds';

/**
 * The trigger's memory between polls, kept in the node's static data.
 *
 * `windowStart` is the first date the next poll asks `orders` for. `seen` holds the IDs already
 * handled, grouped by the Stockholm date of the poll that first saw them: an order returned for
 * "since windowStart" was created on or after windowStart, so it was first seen no earlier than
 * that (one more day is kept for clock differences between n8n and the API). Older groups are
 * dropped, which keeps the state at a few days of IDs however long the trigger runs.
 */
export interface TriggerState {
	version: 1;
	windowStart: string;
	seen: Record<string, string>;
	/** Highest numeric ID dropped with an old group: a listed order older than the window with an
	 * ID at or below it was handled long ago. */
	prunedMaxId: number;
	/** Emitted orders still in flight, when "Emit Again After (Minutes)" is on (see unfinished.ts). */
	unfinished?: string;
}

export interface PlanOptions {
	/** Statuses to emit; orders in other statuses are remembered and skipped. */
	statuses: string[];
	/** Most orders to hand on per poll; the rest wait for the next poll. */
	maxOrders: number;
	/** On the first poll, also emit orders from this many days back (0: start from now). */
	backfillDays: number;
	/** Days re-read before the last complete poll's date. */
	overlapDays: number;
}

export interface PollPlan {
	/** Orders to emit, oldest first. */
	emit: IDataObject[];
	/** New orders left for the next poll because of maxOrders. */
	backlog: number;
	/** The state to store once the emitted orders are safely handed on. */
	nextState: TriggerState;
	/** True on the first poll, which (without backfill) remembers what exists and emits nothing. */
	firstPoll: boolean;
	/** Orders listed with a date before the window and treated as already handled. */
	skippedOld: number;
}

/** Every order ID the stored state has handled. */
export function storedSeenIds(state: TriggerState | undefined): Set<string> {
	const ids = new Set<string>();
	for (const encoded of Object.values(state?.seen ?? {})) for (const id of decodeIds(encoded)) ids.add(id);
	return ids;
}

/** The date the poll should ask `orders` for. */
export function queryDate(state: TriggerState | undefined, today: string, options: PlanOptions): string {
	if (state) return state.windowStart;
	return addDays(today, -Math.max(options.backfillDays, options.overlapDays));
}

function orderDay(order: IDataObject): string {
	return String(order.date ?? '').slice(0, 10);
}

function compareOrders(a: IDataObject, b: IDataObject): number {
	const byDate = String(a.date ?? '').localeCompare(String(b.date ?? ''));
	if (byDate !== 0) return byDate;
	return Number(a.id) - Number(b.id) || String(a.id).localeCompare(String(b.id));
}

export function planPoll(
	state: TriggerState | undefined,
	listed: IDataObject[],
	today: string,
	options: PlanOptions,
	/** IDs emitted by this process whose state may not be stored yet: recorded, never emitted again. */
	emittedBefore: { has(id: string): boolean } = new Set<string>(),
): PollPlan {
	const since = queryDate(state, today, options);
	const seenIds = storedSeenIds(state);

	const fresh: IDataObject[] = [];
	const listedIds = new Set<string>();
	const alreadyEmitted: string[] = [];
	let skippedOld = 0;
	for (const order of listed) {
		const id = String(order.id ?? '');
		// An order listed twice in one answer is one order.
		if (id === '' || listedIds.has(id) || seenIds.has(id)) continue;
		listedIds.add(id);
		if (emittedBefore.has(id)) {
			alreadyEmitted.push(id);
			continue;
		}
		const olderThanWindow = orderDay(order) !== '' && orderDay(order) < since;
		if (olderThanWindow && state && /^\d+$/.test(id) && Number(id) <= state.prunedMaxId) {
			skippedOld++;
			continue;
		}
		fresh.push(order);
	}

	const firstPoll = state === undefined;
	const newlySeen: string[] = [...alreadyEmitted];
	let emit: IDataObject[] = [];
	let backlog = 0;
	if (firstPoll && options.backfillDays === 0) {
		// Start from now: remember everything that already exists, emit none of it.
		for (const order of fresh) newlySeen.push(String(order.id));
	} else {
		const wanted: IDataObject[] = [];
		for (const order of fresh) {
			if (options.statuses.includes(String(order.status))) wanted.push(order);
			else newlySeen.push(String(order.id));
		}
		wanted.sort(compareOrders);
		emit = wanted.slice(0, Math.max(0, options.maxOrders));
		backlog = wanted.length - emit.length;
		for (const order of emit) newlySeen.push(String(order.id));
	}

	// With a backlog the window stays where it is, so no waiting order can fall out of it.
	const windowStart = backlog > 0 ? since : addDays(today, -options.overlapDays);
	const seen: Record<string, string> = { ...(state?.seen ?? {}) };
	if (newlySeen.length > 0) {
		seen[today] = encodeIds([...decodeIds(seen[today] ?? ''), ...newlySeen]);
	}
	let prunedMaxId = state?.prunedMaxId ?? 0;
	const keepFrom = addDays(windowStart, -1);
	for (const day of Object.keys(seen)) {
		if (day >= keepFrom) continue;
		for (const id of decodeIds(seen[day])) if (/^\d+$/.test(id)) prunedMaxId = Math.max(prunedMaxId, Number(id));
		delete seen[day];
	}

	return {
		emit,
		backlog,
		firstPoll,
		skippedOld,
		nextState: { version: 1, windowStart, seen, prunedMaxId },
	};
}
