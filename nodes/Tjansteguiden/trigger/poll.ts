import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { credentialsOnce } from '../../shared/credentialsOnce';
import { NO_POLL_BUDGET, pollBudget, settledBy, type PollBudget } from '../../shared/pollBudget';
import { addDays, stockholmToday } from '../helpers/dates';
import { tjansteguidenClient } from '../transport/client';
import {
	apiSideOf,
	NETWORK_OPERATOR,
	OPERATOR_CREDENTIAL_TYPE,
	SERVICE_PROVIDER_CREDENTIAL_TYPE,
} from '../transport/apiSide';
import { enrichOrders } from './enrich';
import { pollLockKey, runExclusive } from './pollLock';
import { recentlyEmitted, rememberEmitted, triggerKey } from './recentEmissions';
import { planPoll, queryDate, storedSeenIds, type PlanOptions, type TriggerState } from './plan';
import { readStoredState, STORED_STATE_HELP, StoredStateError } from './storedState';
import { encodeUnfinished, MAX_EMISSIONS, planUnfinished, recordEmissions } from './unfinished';

export interface TriggerParameters {
	statuses: string[];
	enrich: boolean;
	includePersonalData: boolean;
	maxOrdersPerPoll: number;
	concurrency: number;
	backfillDays: number;
	/** Emit an order again when still new or received this many minutes later (0: never). */
	emitAgainAfterMinutes: number;
	/** Whether enrichment also fetches customer_info. */
	customerDetails: boolean;
}

/** Days before the last complete poll's date that every poll reads again. */
export const OVERLAP_DAYS = 1;
/** Days the editor's "Fetch Test Event" looks back for a sample order. */
const TEST_EVENT_DAYS = 14;
function wholeOrZero(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function readParameters(context: IPollFunctions): TriggerParameters {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const positive = (value: unknown, fallback: number) =>
		typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
	return {
		statuses: (context.getNodeParameter('statuses', ['new', 'delivered']) as string[]) ?? [],
		enrich: context.getNodeParameter('enrich', true) as boolean,
		includePersonalData: options.includePersonalData === true,
		maxOrdersPerPoll: positive(options.maxOrdersPerPoll, 100),
		concurrency: positive(options.concurrency, 4),
		backfillDays: wholeOrZero(options.backfillDays),
		emitAgainAfterMinutes: wholeOrZero(options.emitAgainAfterMinutes),
		customerDetails: options.customerDetails !== false,
	};
}


/** "Fetch Test Event": the latest matching order, enriched, without reading or touching the state. */
async function testEvent(context: IPollFunctions, parameters: TriggerParameters): Promise<INodeExecutionData[][]> {
	const since = addDays(stockholmToday(), -Math.max(TEST_EVENT_DAYS, parameters.backfillDays));
	const client = tjansteguidenClient(context);
	const orders = (await client.call('orders', { date: since })).filter((order) => parameters.statuses.includes(String(order.status)));
	const latest = orders.sort((a, b) => String(b.date).localeCompare(String(a.date)) || Number(b.id) - Number(a.id))[0];
	if (!latest) {
		throw new NodeOperationError(context.getNode(), `No orders with the chosen statuses since ${since}`, {
			description: 'Fetch Test Event shows the latest order. Place a test order, or choose more statuses.',
		});
	}
	const [item] = await enrichOrders(client, [latest], { ...parameters, budget: NO_POLL_BUDGET });
	return [[{ json: item }]];
}

/**
 * One poll, unless the previous poll of this trigger is still running (then this tick does nothing
 * and the orders wait for the next one).
 */
export async function pollOrders(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	// n8n's budget counts from the poll's start.
	const budget = pollBudget(context);
	const parameters = readParameters(context);
	if (context.getMode() === 'manual') return await testEvent(context, parameters);

	const lockKey = pollLockKey(context.getWorkflow().id, context.getNode().id);
	const outcome = await runExclusive(lockKey, async () => await pollNewOrders(context, parameters, budget));
	if (outcome.skipped) {
		context.logger.debug('Tjänsteguiden Trigger: the previous poll is still running; this tick is skipped');
		return null;
	}
	return outcome.result;
}

function storedState(context: IPollFunctions, raw: unknown): TriggerState | undefined {
	try {
		return readStoredState(raw);
	} catch (error) {
		// A StoredStateError says what is damaged; anything else is a bug in the reader, still a stop.
		const message = error instanceof StoredStateError ? error.message : `The stored state could not be read: ${(error as Error).message}`;
		throw new NodeOperationError(context.getNode(), message, { description: STORED_STATE_HELP });
	}
}

/** The orders this process emitted that the stored state does not know yet, with when. */
function notYetStored(emitted: ReadonlyMap<string, number>, state: TriggerState | undefined): Map<string, number> {
	const stored = storedSeenIds(state);
	return new Map([...emitted].filter(([id]) => !stored.has(id)));
}

/**
 * List orders for the window, pick the ones not handled yet, fetch their details, and only then
 * store the new state. Any failure throws before the state is touched, so the next poll sees the
 * same orders again.
 */
async function pollNewOrders(
	context: IPollFunctions,
	parameters: TriggerParameters,
	budget: PollBudget,
): Promise<INodeExecutionData[][] | null> {
	const staticData = context.getWorkflowStaticData('node');
	const state = storedState(context, staticData.state);
	const today = stockholmToday();
	const planOptions: PlanOptions = {
		statuses: parameters.statuses,
		maxOrders: parameters.maxOrdersPerPoll,
		backfillDays: parameters.backfillDays,
		overlapDays: OVERLAP_DAYS,
	};
	const emissionKey = triggerKey(
		context.getWorkflow().id,
		context.getNode().id,
		await credentialsOnce(
			context,
			apiSideOf(context) === NETWORK_OPERATOR ? OPERATOR_CREDENTIAL_TYPE : SERVICE_PROVIDER_CREDENTIAL_TYPE,
		),
	);
	const emittedBefore = recentlyEmitted(emissionKey);
	const client = tjansteguidenClient(context);
	const listing = await settledBy(client.call('orders', { date: queryDate(state, today, planOptions) }), budget.finishBy);
	if (!listing.settled) {
		context.logger.warn("Tjänsteguiden Trigger: the order list did not arrive within the poll's time; the next poll asks again");
		return null;
	}
	const listed = listing.value;
	const nowMs = Date.now();
	const unfinished =
		parameters.emitAgainAfterMinutes > 0
			? planUnfinished(state?.unfinished, listed, nowMs, parameters.emitAgainAfterMinutes, notYetStored(emittedBefore, state))
			: undefined;
	// Orders emitted again go first: they have waited longest. Both share Max Orders per Poll.
	const again = (unfinished?.due ?? []).slice(0, parameters.maxOrdersPerPoll);
	const freshOptions = { ...planOptions, maxOrders: parameters.maxOrdersPerPoll - again.length };
	let plan = planPoll(state, listed, today, freshOptions, emittedBefore);
	const toEmit = [...again, ...plan.emit];
	const items = await enrichOrders(client, toEmit, { ...parameters, budget });
	if (items.length < toEmit.length) {
		// Out of time: hand on what is ready and leave the rest, unseen, for the next poll.
		if (items.length === 0) return null;
		const freshDone = Math.max(0, items.length - again.length);
		plan = planPoll(state, listed, today, { ...planOptions, maxOrders: freshDone }, emittedBefore);
	}
	const emitted = toEmit.slice(0, items.length);
	for (const item of items.slice(0, Math.min(items.length, again.length))) item.emittedAgain = true;

	const nextState: TriggerState = { ...plan.nextState };
	if (unfinished) {
		nextState.unfinished = encodeUnfinished(recordEmissions(unfinished.tracked, emitted, nowMs));
		if (unfinished.givenUp.length > 0) {
			context.logger.warn('Tjänsteguiden Trigger: orders still unfinished after being emitted the most times; not emitted again', {
				orderIds: unfinished.givenUp,
				emissions: MAX_EMISSIONS,
			});
		}
	}
	const incomplete = items.filter((item) => item.detailsError !== undefined).map((item) => String(item.id));
	if (incomplete.length > 0) {
		context.logger.warn('Tjänsteguiden Trigger: orders emitted without all their details (see detailsError on each)', {
			orderIds: incomplete,
		});
	}
	staticData.state = nextState as unknown as IDataObject;
	rememberEmitted(emissionKey, emitted.map((order) => String(order.id)));
	context.logger.debug('Tjänsteguiden Trigger polled', {
		listed: listed.length,
		emitted: items.length,
		emittedAgain: Math.min(items.length, again.length),
		waiting: plan.backlog,
		firstPoll: plan.firstPoll,
		skippedOld: plan.skippedOld,
	});
	if (items.length === 0) return null;
	return [items.map((json) => ({ json }))];
}
