/**
 * One operator's part of a poll: pick its source, read, and let the planner say what to emit and
 * what to remember. Reads go through the ON-API client; the decisions are the planner's.
 *
 * The source is `orderevents` when the operator's Endpoints list names it, else its unfinished
 * orders. When the list could not be read at all (neither endpoint named), the operator keeps the
 * source it had: switching would restart it "from now" and skip what happened in between.
 */
import { NodeApiError, type IPollFunctions } from 'n8n-workflow';

import { createOnApiClient, type OnApiClient } from '../transport/client';
import { locateEndpoint } from '../transport/discovery';
import type { OperatorConnection } from '../transport/operatorConnection';
import type { EventSource } from './eventItem';
import {
	departedOrders,
	eventOrderIds,
	isEventsCursor,
	isListSnapshot,
	planEventsPoll,
	planListPoll,
	type FeedEvent,
	type OperatorPlan,
	type OperatorState,
	type PlanOptions,
} from './plan';
import { readOrders } from './readOrders';
import { outcomeOf } from '../../shared/outcome';

export interface WatchedOperator {
	/** The operator's coId, or a name for the single-operator credential; keys its state. */
	coId: string;
	connection: OperatorConnection;
}

export interface PollSettings {
	options: PlanOptions;
	/** No read is started after this time (ms since the epoch); the rest waits for the next poll. */
	deadline: number;
	/** Orders read at the same time from one operator. */
	readConcurrency: number;
	nowMs: number;
	emittedBefore: { has(key: string): boolean };
}

export interface OperatorPoll extends OperatorPlan<OperatorState> {
	source: EventSource;
	/** A read that failed after some were done: what was read is used, the rest waits. */
	failure?: unknown;
	/** Why the operator starts from now again although it had a state. */
	restarted?: string;
}

async function chooseSource(context: IPollFunctions, connection: OperatorConnection, previous: OperatorState | undefined): Promise<EventSource> {
	if ((await locateEndpoint(context, connection, 'orderevents', 0)).discovered) return 'orderevents';
	if ((await locateEndpoint(context, connection, 'orders', 0)).discovered) return 'orders';
	return previous?.source ?? 'orders';
}

function isUnknownCursor(error: unknown): boolean {
	return error instanceof NodeApiError && (error.httpCode === '400' || error.httpCode === '404');
}

async function pollEvents(
	client: OnApiClient,
	operator: WatchedOperator,
	previous: OperatorState | undefined,
	settings: PollSettings,
): Promise<OperatorPoll> {
	let state = isEventsCursor(previous) ? previous : undefined;
	let restarted: string | undefined;
	if (previous && !state) restarted = 'its Endpoints list now offers orderevents';
	let events: FeedEvent[];
	const sinceCursor = await outcomeOf(client.orderEvents.list(state?.since ?? undefined));
	if (sinceCursor.ok) {
		events = sinceCursor.value as unknown as FeedEvent[];
	} else {
		// The operator forgot the event we stopped at (its feed was reset): without a way back in, start from now.
		if (!state?.since || !isUnknownCursor(sinceCursor.error)) throw sinceCursor.error;
		restarted = `it no longer knows event ${state.since}`;
		state = undefined;
		events = (await client.orderEvents.list()) as unknown as FeedEvent[];
	}
	if (!state) {
		const listed = await client.orders.list({});
		const plan = planEventsPoll(operator.coId, undefined, events, new Map(), listed, settings.options, settings.nowMs, settings.emittedBefore);
		return { ...plan, source: 'orderevents', restarted };
	}
	const { reads, failure } = await readOrders(eventOrderIds(events), async (id) => await client.orders.get(id), {
		concurrency: settings.readConcurrency,
		deadline: settings.deadline,
	});
	const plan = planEventsPoll(operator.coId, state, events, reads, [], settings.options, settings.nowMs, settings.emittedBefore);
	return { ...plan, source: 'orderevents', failure, restarted };
}

async function pollList(
	client: OnApiClient,
	operator: WatchedOperator,
	previous: OperatorState | undefined,
	settings: PollSettings,
): Promise<OperatorPoll> {
	const state = isListSnapshot(previous) ? previous : undefined;
	const restarted = previous && !state ? 'its Endpoints list no longer offers orderevents' : undefined;
	const listed = await client.orders.list({});
	const departed = departedOrders(state, listed, settings.options);
	const { reads, failure } = await readOrders(departed, async (id) => await client.orders.get(id), {
		concurrency: settings.readConcurrency,
		deadline: settings.deadline,
	});
	const plan = planListPoll(operator.coId, state, listed, reads, settings.options, settings.nowMs, settings.emittedBefore);
	return { ...plan, source: 'orders', failure, restarted };
}

/** Throws when the operator could not be read at all; its state then stays as it was. */
export async function pollOperator(
	context: IPollFunctions,
	operator: WatchedOperator,
	previous: OperatorState | undefined,
	settings: PollSettings,
): Promise<OperatorPoll> {
	const source = await chooseSource(context, operator.connection, previous);
	const client = createOnApiClient(context, operator.connection, 0);
	return source === 'orderevents'
		? await pollEvents(client, operator, previous, settings)
		: await pollList(client, operator, previous, settings);
}
