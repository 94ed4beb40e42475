import type { IDataObject } from 'n8n-workflow';

import { mapWithConcurrency } from '../../shared/concurrency';
import { outcomeOf } from '../../shared/outcome';
import { settledBy, type PollBudget } from '../../shared/pollBudget';
import { applyPersonalDataChoice } from '../helpers/personalData';
import type { TjansteguidenClient } from '../transport/client';
import { isTransientFailure } from '../transport/httpExchange';

export interface EnrichOptions {
	enrich: boolean;
	/** Whether enrichment also fetches customer_info (one call per customer per poll). */
	customerDetails: boolean;
	includePersonalData: boolean;
	concurrency: number;
	/** No order starts after `startBy`; the ones still under way at `finishBy` wait for the next poll. */
	budget: PollBudget;
}

/**
 * The fields a workflow routes an order by, and the names they may arrive under. order_info is
 * not documented, so the names are those seen (socket, co, service_uid) and their likely variants.
 */
const ROUTING_FIELDS: Record<string, string[]> = {
	socket: ['socket', 'access_id', 'accessId', 'access'],
	co: ['co', 'operator', 'network_operator', 'ko'],
	service_uid: ['service_uid', 'serviceUid', 'service_id'],
};

type FieldSource = 'order_info' | 'customer_info' | 'orders' | 'missing';

function firstPresent(record: IDataObject | undefined, names: string[]): unknown {
	for (const name of names) {
		const value = record?.[name];
		if (value !== undefined && value !== null && value !== '') return value;
	}
	return undefined;
}

/**
 * The trigger's item for one order: the `orders` fields, overlaid with `order_info` (so field
 * names match the action node's "Get" output), `directActivated` for orders that arrive already
 * delivered, and the customer under `customerInfo`. Where order_info lacks the access, the
 * operator or the service, they are taken from customer_info, then from the listing, and
 * `fieldSources` says where each came from ('missing' when nowhere), so that one differing field
 * name does not send every order to manual follow-up.
 */
export function orderItem(order: IDataObject, info: IDataObject | undefined, customer: IDataObject | undefined): IDataObject {
	const merged: IDataObject = { ...order, ...(info ?? {}) };
	merged.directActivated = merged.status === 'delivered';
	const sources: Record<string, FieldSource> = {};
	for (const [field, names] of Object.entries(ROUTING_FIELDS)) {
		const found: Array<[FieldSource, IDataObject | undefined]> = [['order_info', info], ['customer_info', customer], ['orders', order]];
		const hit = found.find(([, record]) => firstPresent(record, names) !== undefined);
		sources[field] = hit ? hit[0] : 'missing';
		if (hit) merged[field] = firstPresent(hit[1], names) as string;
	}
	merged.fieldSources = sources;
	if (customer) merged.customerInfo = customer;
	return merged;
}

/**
 * A detail call's result, or undefined with the reason in `problems` when it failed for good for
 * this order. Transient failures are thrown: the poll fails and the next one tries again.
 */
async function unlessPermanentFailure<T>(call: Promise<T>, method: string, problems: string[]): Promise<T | undefined> {
	const outcome = await outcomeOf(call);
	if (outcome.ok) return outcome.value;
	if (isTransientFailure(outcome.error)) throw outcome.error;
	problems.push(`${method}: ${(outcome.error as Error).message}`);
	return undefined;
}

/**
 * Fetches order_info and customer_info for each order, at most `concurrency` calls at a time.
 * Returns the items of the orders it got through within the poll's budget, in order (the first
 * order not done ends the list, so that the state moves past a prefix only). A transient
 * failure (see isTransientFailure) is thrown, so the poll fails as a whole and its state is not
 * advanced. A permanent one for one order (the API does not find it or its customer) must not
 * hold back every later order for good: that order is emitted with what is known and a
 * `detailsError` that says what is missing and why.
 */
export async function enrichOrders(
	client: TjansteguidenClient,
	orders: IDataObject[],
	options: EnrichOptions,
): Promise<IDataObject[]> {
	if (!options.enrich) return orders.map((order) => orderItem(order, undefined, undefined));
	const customers = new Map<string, Promise<IDataObject>>();
	const customerInfo = (id: string) => {
		let pending = customers.get(id);
		if (!pending) {
			pending = client
				.call('customer_info', { id })
				.then((customer) => applyPersonalDataChoice(customer, options.includePersonalData));
			// A failure is thrown by the order awaiting it; this copy only keeps Node from warning.
			pending.catch(() => undefined);
			customers.set(id, pending);
		}
		return pending;
	};
	const enrichOne = async (order: IDataObject): Promise<IDataObject> => {
		const problems: string[] = [];
		const info = await unlessPermanentFailure(
			client.call('order_info', { id: String(order.id) }).then((details) => applyPersonalDataChoice(details, options.includePersonalData)),
			'order_info',
			problems,
		);
		const customerId = String(info?.customer ?? order.customer ?? '');
		const customer =
			options.customerDetails && /^\d+$/.test(customerId)
				? await unlessPermanentFailure(customerInfo(customerId), 'customer_info', problems)
				: undefined;
		const item = orderItem(order, info, customer);
		if (problems.length > 0) item.detailsError = problems.join('; ');
		return item;
	};
	const items = await mapWithConcurrency(orders, options.concurrency, async (order) => {
		if (Date.now() > options.budget.startBy) return undefined;
		const item = await settledBy(enrichOne(order), options.budget.finishBy);
		return item.settled ? item.value : undefined;
	});
	const done: IDataObject[] = [];
	for (const item of items) {
		if (item === undefined) break;
		done.push(item);
	}
	return done;
}
