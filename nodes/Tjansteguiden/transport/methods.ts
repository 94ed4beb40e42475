/**
 * The seven Orders 1.0 methods, what each takes and what its answer reads as. Both faces of
 * Tjänsteguiden answer all of them; the side strategies (serviceProviderSide.ts, operatorSide.ts)
 * only differ in how a call gets there.
 */
import type { IDataObject } from 'n8n-workflow';

import type { MessageType, OrderStatus } from '../helpers/vocabulary';
import {
	customerInfoFromPayload,
	customersFromPayload,
	logEntriesFromPayload,
	messageFromPayload,
	orderInfoFromPayload,
	ordersFromPayload,
} from './normalize';

export interface MethodParams {
	orders: { date: string };
	order_info: { id: string };
	order_log: { id: string };
	customer_info: { id: string };
	customers: { date: string };
	set_status: { id: string; status: OrderStatus };
	add_message: { id: string; type: MessageType; message: string };
}

export type ApiMethod = keyof MethodParams;

/** How each method's `<response>` becomes clean JSON. */
export const answerReaders = {
	orders: ordersFromPayload,
	order_info: orderInfoFromPayload,
	order_log: logEntriesFromPayload,
	customer_info: customerInfoFromPayload,
	customers: customersFromPayload,
	set_status: messageFromPayload,
	add_message: messageFromPayload,
} satisfies { [M in ApiMethod]: (payload: IDataObject) => unknown };

export type MethodResult<M extends ApiMethod> = ReturnType<(typeof answerReaders)[M]>;

/** The methods that change an order: their answer must say success (see EnvelopeOptions). */
const WRITE_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['set_status', 'add_message']);

export function isWriteMethod(method: ApiMethod): boolean {
	return WRITE_METHODS.has(method);
}
