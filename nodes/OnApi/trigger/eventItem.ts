/**
 * One output item per order event: the order in the shape the ON-API node gives it, plus who
 * (operator), what happened (event, previousState), where the trigger learnt it (source) and when.
 * The fields a workflow routes on are always present (null when the operator gave none), so a
 * Switch or an IF never meets a missing key.
 */
import type { IDataObject } from 'n8n-workflow';

/** The trigger's choice of events, and what each emitted item says happened. */
export const ORDER_FINISHED = 'orderFinished';
export const ORDER_STATE_CHANGED = 'orderStateChanged';
/** Emitted on the first poll only, with "Emit Orders Unfinished Now". */
export const ORDER_UNFINISHED = 'orderUnfinished';
export type TriggerEventKind = typeof ORDER_FINISHED | typeof ORDER_STATE_CHANGED | typeof ORDER_UNFINISHED;

/** `orderevents`: the operator's event feed; `orders`: its unfinished-orders list compared between polls. */
export type EventSource = 'orderevents' | 'orders';

const ROUTED_FIELDS = [
	'orderId',
	'spReference',
	'spSubscriptionId',
	'accessId',
	'operation',
	'service',
	'state',
	'subscriptionId',
	'expectedCompletionDate',
] as const;

export interface EventFacts {
	kind: TriggerEventKind;
	coId: string;
	source: EventSource;
	/** The normalised order (ON-API node shape). */
	order: IDataObject;
	previousState: string | null;
	/** ISO time the trigger learnt of the change: the ON-API gives events no time of their own. */
	eventTime: string;
	/** The orderevents event ID, when the change came from there. */
	eventId?: string;
}

function textOrNull(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

export function eventItem(facts: EventFacts): IDataObject {
	const { order } = facts;
	const item: IDataObject = { event: facts.kind, operator: facts.coId, source: facts.source };
	for (const field of ROUTED_FIELDS) item[field] = textOrNull(order[field]);
	item.previousState = facts.previousState;
	// DONE_FAILED should carry the reason in `message`; some operators put it in `cause`.
	item.message = textOrNull(order.message) ?? textOrNull(order.cause);
	item.eventTime = facts.eventTime;
	if (facts.eventId !== undefined) item.eventId = facts.eventId;
	return { ...order, ...item };
}
