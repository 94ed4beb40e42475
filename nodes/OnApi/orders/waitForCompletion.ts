/**
 * Waiting for an order: the CO spec has no callback to the SP, so the node polls
 * `GET orders/{orderId}` until DONE_SUCCESS or DONE_FAILED, within a bounded time. A finished
 * order that came back without a subscriptionId (operators may only create the subscription when
 * the order is carried out, on-api issue #93) gets it looked up afterwards.
 */
import { NodeOperationError, sleep, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { noProblems } from '../helpers/fieldChecks';
import { isFinalOrderState, type FieldProblem } from '../helpers/onApiTypes';
import type { OnApiClient, OrderReader } from '../transport/client';

export const DEFAULT_MAX_WAIT_SECONDS = 300;
export const DEFAULT_POLL_INTERVAL_SECONDS = 10;
export const MAX_WAIT_LIMIT_SECONDS = 3600;

export interface WaitOptions {
	maxWaitMs: number;
	pollIntervalMs: number;
	onFailed: 'error' | 'output';
}

/** Reads and checks the wait settings; undefined when the user does not want to wait. */
export function readWaitOptions(this: IExecuteFunctions, itemIndex: number): WaitOptions | undefined {
	if (!(this.getNodeParameter('waitForCompletion', itemIndex, false) as boolean)) return undefined;
	const raw = this.getNodeParameter('waitOptions', itemIndex, {}) as IDataObject;
	const maxWait = raw.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS;
	const interval = raw.pollIntervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS;
	const onFailed = raw.onFailed ?? 'error';
	const problems: FieldProblem[] = [];
	if (typeof maxWait !== 'number' || !(maxWait > 0) || maxWait > MAX_WAIT_LIMIT_SECONDS) {
		problems.push({ field: 'waitOptions.maxWaitSeconds', message: `waitOptions.maxWaitSeconds must be a number from 1 to ${MAX_WAIT_LIMIT_SECONDS}` });
	}
	if (typeof interval !== 'number' || !(interval > 0) || interval > 600) {
		problems.push({ field: 'waitOptions.pollIntervalSeconds', message: 'waitOptions.pollIntervalSeconds must be a number above 0 and at most 600' });
	}
	if (onFailed !== 'error' && onFailed !== 'output') {
		problems.push({ field: 'waitOptions.onFailed', message: 'waitOptions.onFailed must be "error" or "output"' });
	}
	noProblems.call(this, itemIndex, 'Wait Options', problems);
	return {
		maxWaitMs: (maxWait as number) * 1000,
		pollIntervalMs: (interval as number) * 1000,
		onFailed: onFailed as 'error' | 'output',
	};
}

/** Fields that name the order and what it acts on; a poll answer that leaves them out keeps them. */
const IDENTITY_FIELDS = ['orderId', 'path', 'accessId', 'service', 'operation', 'subscriptionId', 'spReference', 'spSubscriptionId'];

function withIdentity(previous: IDataObject, latest: IDataObject): IDataObject {
	const merged: IDataObject = {};
	for (const field of IDENTITY_FIELDS) {
		if (previous[field] !== undefined && previous[field] !== null && previous[field] !== '') merged[field] = previous[field];
	}
	return { ...merged, ...latest };
}

interface WaitState {
	order: IDataObject;
	polled: boolean;
	timedOut: boolean;
}

async function pollUntilFinal(
	this: IExecuteFunctions,
	readOrder: OrderReader | undefined,
	order: IDataObject,
	options: WaitOptions,
	itemIndex: number,
): Promise<WaitState> {
	let current = order;
	let polled = false;
	if (isFinalOrderState(current.state)) return { order: current, polled, timedOut: false };
	if (readOrder === undefined) {
		throw new NodeOperationError(this.getNode(), 'Cannot wait for the order: the operator returned neither an orderId nor a path', {
			itemIndex,
			description: `The order is ${String(current.state ?? 'in an unknown state')}. Look it up with Order → Get Many (filter by accessId).`,
		});
	}
	const deadline = Date.now() + options.maxWaitMs;
	for (;;) {
		const remaining = deadline - Date.now();
		if (remaining <= 0) return { order: current, polled, timedOut: true };
		await sleep(Math.min(options.pollIntervalMs, remaining));
		const latest = await readOrder();
		polled = true;
		current = withIdentity(current, latest);
		if (isFinalOrderState(current.state)) return { order: current, polled, timedOut: false };
	}
}

function pickSubscription(candidates: IDataObject[], order: IDataObject, requested: IDataObject): IDataObject | undefined {
	const spSubscriptionId = requested.spSubscriptionId ?? order.spSubscriptionId;
	if (spSubscriptionId !== undefined) {
		const bySpId = candidates.find((entry) => entry.spSubscriptionId === spSubscriptionId);
		if (bySpId) return bySpId;
	}
	return candidates.find((entry) => entry.operationalState === 'ACTIVATED') ?? candidates[0];
}

/** The subscription a finished order produced or acted on. */
async function resolveSubscriptionId(
	client: OnApiClient,
	state: WaitState,
	readOrder: OrderReader | undefined,
	requested: IDataObject,
): Promise<string | null> {
	const known = (order: IDataObject) =>
		typeof order.subscriptionId === 'string' && order.subscriptionId !== '' ? order.subscriptionId : undefined;
	let order = state.order;
	if (known(order)) return known(order)!;
	if (!state.polled && readOrder !== undefined) {
		order = withIdentity(order, await readOrder());
		state.order = order;
		if (known(order)) return known(order)!;
	}
	if (typeof requested.subscriptionId === 'string') return requested.subscriptionId;
	const accessId = order.accessId ?? requested.accessId;
	const service = order.service ?? requested.service;
	if (typeof accessId !== 'string' || typeof service !== 'string') return null;
	const candidates = (await client.subscriptions.list(accessId)).filter(
		(entry) => entry.service === service,
	);
	const found = pickSubscription(candidates, order, requested);
	return typeof found?.subscriptionId === 'string' ? found.subscriptionId : null;
}

/**
 * Polls the order to a final state and builds the output: the latest order plus `finalState`,
 * `operatorMessage` and `subscriptionId`. DONE_FAILED (or no final state in time) throws unless
 * the user asked for it as output.
 */
export async function waitForCompletion(
	this: IExecuteFunctions,
	itemIndex: number,
	client: OnApiClient,
	order: IDataObject,
	options: WaitOptions,
	context: { requested?: IDataObject; location?: string; justFetched?: boolean } = {},
): Promise<IDataObject> {
	const readOrder = client.orders.reader(order, context.location);
	const state = await pollUntilFinal.call(this, readOrder, order, options, itemIndex);
	if (context.justFetched) state.polled = true;
	const orderId = typeof state.order.orderId === 'string' ? state.order.orderId : undefined;
	const operatorMessage = typeof state.order.message === 'string' ? state.order.message : '';

	if (state.timedOut) {
		if (options.onFailed === 'error') {
			throw new NodeOperationError(
				this.getNode(),
				`The order${orderId ? ` ${orderId}` : ''} is still ${String(state.order.state ?? 'unfinished')} after ${options.maxWaitMs / 1000} s`,
				{
					itemIndex,
					description: 'The operator has not finished the order yet. Check it later with Order → Get, or raise Max Wait.',
				},
			);
		}
		return { ...state.order, finalState: null, waitTimedOut: true, operatorMessage, subscriptionId: state.order.subscriptionId ?? null };
	}

	if (state.order.state === 'DONE_FAILED') {
		if (options.onFailed === 'error') {
			throw new NodeOperationError(
				this.getNode(),
				`The operator failed the order${orderId ? ` ${orderId}` : ''}: ${operatorMessage || 'no reason given'}`,
				{
					itemIndex,
					description: 'The order ended DONE_FAILED. Set Wait Options → On Failed to "Output" to handle failed orders as items.',
				},
			);
		}
		return { ...state.order, finalState: 'DONE_FAILED', operatorMessage, subscriptionId: state.order.subscriptionId ?? null };
	}

	const subscriptionId = await resolveSubscriptionId(client, state, readOrder, context.requested ?? {});
	return { ...state.order, finalState: 'DONE_SUCCESS', operatorMessage, subscriptionId };
}
