/**
 * "Fetch Test Event" in the editor: one real event to build the workflow on, read without the
 * trigger's state and without changing it. The latest event of the first operator that has one:
 * its order-events feed when it offers one, else its first unfinished order.
 */
import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import { createOnApiClient } from '../transport/client';
import { locateEndpoint } from '../transport/discovery';
import { eventItem, ORDER_FINISHED, ORDER_STATE_CHANGED, ORDER_UNFINISHED } from './eventItem';
import { isFinalOrderState } from '../helpers/onApiTypes';
import type { PlanOptions } from './plan';
import type { WatchedOperator } from './pollOperator';

/** Operators asked before giving up: a directory of a hundred should not take a hundred calls. */
const MAX_OPERATORS_ASKED = 5;

function wanted(order: IDataObject, options: PlanOptions): boolean {
	return !options.onlyWithSpReference || (typeof order.spReference === 'string' && order.spReference !== '');
}

async function sampleOf(context: IPollFunctions, operator: WatchedOperator, options: PlanOptions): Promise<IDataObject | undefined> {
	const client = createOnApiClient(context, operator.connection, 0);
	const eventTime = new Date().toISOString();
	if ((await locateEndpoint(context, operator.connection, 'orderevents', 0)).discovered) {
		const events = await client.orderEvents.list();
		for (const event of events.reverse()) {
			const fromFeed = (event.order ?? {}) as IDataObject;
			const wantedKind = options.event === ORDER_STATE_CHANGED || isFinalOrderState(fromFeed.state);
			if (!wantedKind || typeof fromFeed.orderId !== 'string') continue;
			const order = { ...(await client.orders.get(fromFeed.orderId)), ...fromFeed };
			if (!wanted(order, options)) continue;
			const kind = isFinalOrderState(order.state) ? ORDER_FINISHED : ORDER_STATE_CHANGED;
			return eventItem({ kind, coId: operator.coId, source: 'orderevents', order, previousState: null, eventTime, eventId: String(event.event) });
		}
		return undefined;
	}
	const order = (await client.orders.list({})).find((candidate) => wanted(candidate, options));
	return order && eventItem({ kind: ORDER_UNFINISHED, coId: operator.coId, source: 'orders', order, previousState: null, eventTime });
}

export async function sampleEvent(context: IPollFunctions, operators: WatchedOperator[], options: PlanOptions): Promise<IDataObject> {
	for (const operator of operators.slice(0, MAX_OPERATORS_ASKED)) {
		const sample = await sampleOf(context, operator, options);
		if (sample) return sample;
	}
	throw new NodeOperationError(context.getNode(), 'No order to show: the operators have no matching order events or unfinished orders', {
		description: 'Fetch Test Event shows a real order. Place an order (with an spReference), or turn off "Only Orders With an spReference".',
	});
}
