/**
 * The ON-API Trigger's pure planner: given what one poll read from one operator, which events to
 * emit and what to remember. Nothing here does I/O, so every guarantee is tested on plain data.
 *
 * Two sources, chosen per operator by the poll:
 * - `orderevents` (the operator's feed, `?since=` the last event seen): the state is that event ID
 *   plus the unfinished orders' last state, for `previousState`. Each event's order is read once
 *   (`GET orders/{id}`) for the fields the feed leaves out (spReference, expectedCompletionDate, …).
 * - `orders` (the unfinished-orders list): the state is every unfinished order with the state and
 *   expectedCompletionDate last seen; an order that changed is a State Changed event, an order that
 *   left the list has finished and is read once for its final state.
 *
 * The state moves on only past what was read: an event whose order was not read, or an order that
 * left the list and was not read, stays for the next poll, so a poll cut short by n8n's budget or a
 * failed read loses nothing. The first poll starts from now: it remembers what exists and emits
 * nothing (or, with emitUnfinishedAtStart, the orders unfinished right now).
 */
import type { IDataObject } from 'n8n-workflow';

import { isFinalOrderState } from '../helpers/onApiTypes';
import { normaliseOrder } from '../helpers/normaliseOrder';
import {
	eventItem,
	ORDER_FINISHED,
	ORDER_STATE_CHANGED,
	ORDER_UNFINISHED,
	type EventSource,
	type TriggerEventKind,
} from './eventItem';
import { decodeKnownOrders, encodeKnownOrders, isEncodedOrders, type EncodedOrders, type KnownOrders } from './knownOrders';

export interface EventsCursor {
	source: 'orderevents';
	/** The last event handled; null: none existed yet, so the next poll reads the feed from its start. */
	since: string | null;
	known: EncodedOrders;
}

export interface ListSnapshot {
	source: 'orders';
	known: EncodedOrders;
}

export type OperatorState = EventsCursor | ListSnapshot;

/** The trigger's memory in n8n's static data, one entry per operator (coId). */
export interface TriggerState {
	version: 1;
	operators: Record<string, OperatorState>;
}

export interface PlanOptions {
	/** Order Finished: only DONE_SUCCESS / DONE_FAILED. Order State Changed: every change. */
	event: typeof ORDER_FINISHED | typeof ORDER_STATE_CHANGED;
	/** Only orders that carry an spReference (the service provider's own). */
	onlyWithSpReference: boolean;
	/** On the first poll, emit the orders that are unfinished right now. */
	emitUnfinishedAtStart: boolean;
}

/** One event as the feed gives it: `{ event, order: { path, accessId, service, operation, state, message } }`. */
export interface FeedEvent {
	event: string;
	order: IDataObject;
}

/** An order read with `GET orders/{id}`; null when the operator no longer knows it (404). */
export type OrderRead = IDataObject | null;

export interface EmittedEvent {
	json: IDataObject;
	/** Identifies the event for the in-process memory of recent emissions. */
	key: string;
}

export interface OperatorPlan<S extends OperatorState> {
	emit: EmittedEvent[];
	next: S;
	/** Changes the state moved past without emitting (filtered out, or emitted before). */
	skipped: number;
	/** Changes left for the next poll because their order was not read. */
	waiting: number;
	firstPoll: boolean;
}

export function isTriggerState(value: unknown): value is TriggerState {
	const state = value as TriggerState | undefined;
	return state?.version === 1 && typeof state.operators === 'object' && state.operators !== null;
}

export function isEventsCursor(value: unknown): value is EventsCursor {
	const state = value as EventsCursor | undefined;
	return state?.source === 'orderevents' && (state.since === null || typeof state.since === 'string') && isEncodedOrders(state.known);
}

export function isListSnapshot(value: unknown): value is ListSnapshot {
	const state = value as ListSnapshot | undefined;
	return state?.source === 'orders' && isEncodedOrders(state.known);
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** Orders of the service provider's own when the option is on; every order otherwise. */
function wanted(order: IDataObject, options: PlanOptions): boolean {
	return !options.onlyWithSpReference || text(order.spReference).trim() !== '';
}

function knownOf(order: IDataObject): { state: string; expectedCompletionDate: string } {
	return { state: text(order.state), expectedCompletionDate: text(order.expectedCompletionDate) };
}

function changeKind(state: string): TriggerEventKind {
	return isFinalOrderState(state) ? ORDER_FINISHED : ORDER_STATE_CHANGED;
}

interface Context {
	coId: string;
	source: EventSource;
	options: PlanOptions;
	nowIso: string;
	emittedBefore: { has(key: string): boolean };
	emit: EmittedEvent[];
	skipped: number;
}

/** Emits unless the options exclude the kind (Finished only) or this process already emitted it. */
function offer(context: Context, kind: TriggerEventKind, order: IDataObject, previousState: string | null, key: string, eventId?: string): void {
	// A finish is a change too: Order State Changed emits it; Order Finished emits nothing else.
	const wantedKind = kind !== ORDER_STATE_CHANGED || context.options.event === ORDER_STATE_CHANGED;
	if (!wantedKind || context.emittedBefore.has(key)) {
		context.skipped++;
		return;
	}
	const json = eventItem({ kind, coId: context.coId, source: context.source, order, previousState, eventTime: context.nowIso, eventId });
	context.emit.push({ json, key });
}

function listKey(coId: string, order: IDataObject): string {
	return JSON.stringify([coId, text(order.orderId), text(order.state), text(order.expectedCompletionDate)]);
}

function newContext(coId: string, source: EventSource, options: PlanOptions, nowMs: number, emittedBefore: { has(key: string): boolean }): Context {
	return { coId, source, options, nowIso: new Date(nowMs).toISOString(), emittedBefore, emit: [], skipped: 0 };
}

/** The listed orders the trigger follows, normalised, once each (an order listed twice is one). */
function followedOrders(listed: unknown[], options: PlanOptions): Map<string, IDataObject> {
	const orders = new Map<string, IDataObject>();
	for (const raw of listed) {
		const order = normaliseOrder(structuredClone(raw));
		const id = text(order.orderId);
		if (id === '' || orders.has(id) || !wanted(order, options)) continue;
		orders.set(id, order);
	}
	return orders;
}

/** First poll of either source: remember the unfinished orders, emit them only when asked to. */
function startFromNow(context: Context, current: Map<string, IDataObject>): KnownOrders {
	const known: KnownOrders = new Map();
	for (const [id, order] of current) {
		if (isFinalOrderState(order.state)) continue;
		known.set(id, knownOf(order));
		if (context.options.emitUnfinishedAtStart) offer(context, ORDER_UNFINISHED, order, null, listKey(context.coId, order));
	}
	return known;
}

/** The orders that left the unfinished list since the last poll: each is read once for its end. */
export function departedOrders(state: ListSnapshot | undefined, listed: unknown[], options: PlanOptions): string[] {
	if (!state) return [];
	const current = followedOrders(listed, options);
	return [...decodeKnownOrders(state.known).keys()].filter((id) => !current.has(id));
}

export function planListPoll(
	coId: string,
	state: ListSnapshot | undefined,
	listed: unknown[],
	/** Departed orders read so far (see departedOrders); one missing stays for the next poll. */
	finalReads: ReadonlyMap<string, OrderRead>,
	options: PlanOptions,
	nowMs: number,
	emittedBefore: { has(key: string): boolean } = new Set<string>(),
): OperatorPlan<ListSnapshot> {
	const context = newContext(coId, 'orders', options, nowMs, emittedBefore);
	const current = followedOrders(listed, options);
	if (!state) {
		const known = startFromNow(context, current);
		return { emit: context.emit, next: { source: 'orders', known: encodeKnownOrders(known) }, skipped: context.skipped, waiting: 0, firstPoll: true };
	}
	const before = decodeKnownOrders(state.known);
	const next: KnownOrders = new Map();
	let waiting = 0;

	const consider = (id: string, order: IDataObject) => {
		const previous = before.get(id);
		const now = knownOf(order);
		const changed = !previous || previous.state !== now.state || previous.expectedCompletionDate !== now.expectedCompletionDate;
		if (changed) offer(context, changeKind(now.state), order, previous?.state ?? null, listKey(coId, order));
		if (!isFinalOrderState(now.state)) next.set(id, now);
	};

	// Some operators still list an order for a while after it finished: that is its end, read for free.
	for (const [id, order] of current) consider(id, order);
	for (const [id, previous] of before) {
		if (current.has(id)) continue;
		const read = finalReads.get(id);
		if (read === undefined) {
			next.set(id, previous);
			waiting++;
			continue;
		}
		// The operator no longer knows the order: nothing to tell, nothing left to follow.
		if (read === null) {
			context.skipped++;
			continue;
		}
		const order = normaliseOrder(structuredClone(read));
		if (text(order.orderId) === '') order.orderId = id;
		consider(id, order);
	}
	return { emit: context.emit, next: { source: 'orders', known: encodeKnownOrders(next) }, skipped: context.skipped, waiting, firstPoll: false };
}

/** The order IDs of the feed's events, once each, in feed order: each is read once. */
export function eventOrderIds(events: FeedEvent[]): string[] {
	const ids = new Set<string>();
	for (const event of events) {
		const id = text(normaliseOrder(structuredClone(event.order ?? {})).orderId);
		if (id !== '') ids.add(id);
	}
	return [...ids];
}

export function planEventsPoll(
	coId: string,
	state: EventsCursor | undefined,
	events: FeedEvent[],
	/** Orders read for the events (see eventOrderIds); the feed is handled up to the first event whose order is missing. */
	orderReads: ReadonlyMap<string, OrderRead>,
	/** The first poll's unfinished-orders list, so that previousState is known from the start. */
	listedAtStart: unknown[],
	options: PlanOptions,
	nowMs: number,
	emittedBefore: { has(key: string): boolean } = new Set<string>(),
): OperatorPlan<EventsCursor> {
	const context = newContext(coId, 'orderevents', options, nowMs, emittedBefore);
	const lastEvent = events.length > 0 ? text(events[events.length - 1].event) || null : null;
	if (!state) {
		const known = startFromNow(context, followedOrders(listedAtStart, options));
		const next: EventsCursor = { source: 'orderevents', since: lastEvent, known: encodeKnownOrders(known) };
		return { emit: context.emit, next, skipped: context.skipped, waiting: 0, firstPoll: true };
	}
	const known = decodeKnownOrders(state.known);
	let since = state.since;
	const handled = new Set<string>();
	let waiting = 0;
	for (const [position, event] of events.entries()) {
		const eventId = text(event.event);
		const fromFeed = normaliseOrder(structuredClone(event.order ?? {}));
		const id = text(fromFeed.orderId);
		const read = id === '' ? null : orderReads.get(id);
		if (read === undefined) {
			waiting = events.length - position;
			break;
		}
		since = eventId || since;
		if (eventId === '' || handled.has(eventId)) continue;
		handled.add(eventId);
		// The event's state and message are the change; the read adds what the feed leaves out.
		const order: IDataObject = { ...(read === null ? {} : normaliseOrder(structuredClone(read))), ...fromFeed };
		if (!wanted(order, options)) {
			context.skipped++;
			continue;
		}
		const state = text(order.state);
		const previousState = known.get(id)?.state ?? null;
		if (isFinalOrderState(state)) known.delete(id);
		else known.set(id, knownOf(order));
		offer(context, changeKind(state), order, previousState, JSON.stringify([coId, 'event', eventId]), eventId);
	}
	const next: EventsCursor = { source: 'orderevents', since, known: encodeKnownOrders(known) };
	return { emit: context.emit, next, skipped: context.skipped, waiting, firstPoll: false };
}
