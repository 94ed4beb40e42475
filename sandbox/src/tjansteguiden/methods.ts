/**
 * The seven Orders 1.0 methods, once for both faces of Tjänsteguiden: parameters in, envelope out,
 * pure functions of the state and the clock. What differs between the service provider's API and
 * the network operator's (who the caller is, what it may see, which envelope a read comes in, whose
 * name goes into the log) is a `CallerSide`, see sides.ts.
 */
import type { AppliedFault } from '../types';
import { failure, success, unknownMethod, type TgReply } from './envelope';
import { isMessageType, isOrderStatus, type TgConfig, type TgCustomer, type TgOrder } from './model';
import { MethodFailure, required, requiredDate, requiredId } from './params';
import { customerDetails, customerSummary, logEntry, orderDetails, orderSummary } from './render';
import type { TjansteguidenState } from './state';
import { element, type XmlElement } from './xml';

export interface TgCall {
	method: string;
	params: URLSearchParams;
	/** The client's address as the socket reports it (the operator API lets in by address). */
	remoteAddress: string;
	nowMs: number;
	state: TjansteguidenState;
	config: TgConfig;
	/** A simulator-specific fault that shapes the answer (duplicateListing). */
	fault?: AppliedFault;
}

export type ReadMethod = 'orders' | 'order_info' | 'order_log' | 'customer_info' | 'customers';

/** One face of the API: how a caller is recognised and what it sees. `Caller` is its session or user. */
export interface CallerSide<Caller> {
	/** Methods answered without authentication (the service provider's login). */
	readonly open: Readonly<Record<string, (call: TgCall) => TgReply>>;
	/** Refuse an unauthenticated caller before saying whether the method exists (the operator API). */
	readonly authenticatesFirst: boolean;
	/** The caller, or a MethodFailure saying why not. */
	authenticate(call: TgCall): Caller;
	/** Orders created from `fromMs` up to now that the caller may see, oldest first. */
	orders(call: TgCall, caller: Caller, fromMs: number): TgOrder[];
	seesOrder(call: TgCall, caller: Caller, order: TgOrder): boolean;
	seesCustomer(call: TgCall, caller: Caller, customer: TgCustomer): boolean;
	/** The envelope a read answers in. */
	readReply(call: TgCall, method: ReadMethod, payload: XmlElement[]): TgReply;
	/** Author of the log entries the caller writes. */
	authorName(call: TgCall, caller: Caller): string;
}

type Handler = <Caller>(call: TgCall, side: CallerSide<Caller>, caller: Caller) => TgReply;

const METHODS: Readonly<Record<string, Handler>> = {
	orders: listOrders,
	order_info: (call, side, caller) => side.readReply(call, 'order_info', [orderDetails(visibleOrder(call, side, caller), call.config)]),
	order_log: (call, side, caller) => side.readReply(call, 'order_log', visibleOrder(call, side, caller).log.map(logEntry)),
	customer_info: (call, side, caller) => side.readReply(call, 'customer_info', customerDetails(visibleCustomer(call, side, caller))),
	customers: listCustomers,
	set_status: setStatus,
	add_message: addMessage,
};

export function isKnownMethod<Caller>(side: CallerSide<Caller>, method: string): boolean {
	return Object.hasOwn(side.open, method) || Object.hasOwn(METHODS, method);
}

export function callMethod<Caller>(call: TgCall, side: CallerSide<Caller>): TgReply {
	const { method } = call;
	try {
		if (Object.hasOwn(side.open, method)) return (side.open[method] as (call: TgCall) => TgReply)(call);
		const early = side.authenticatesFirst ? { caller: side.authenticate(call) } : undefined;
		const handler = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
		if (handler === undefined) return unknownMethod(method);
		const caller = early === undefined ? side.authenticate(call) : early.caller;
		// An order the admin made fail for good (a customer the API never finds, an unreadable order).
		const broken = call.state.permanentFailure(method, call.params.get('id'));
		if (broken !== undefined) throw new MethodFailure(broken);
		return handler(call, side, caller);
	} catch (error) {
		if (error instanceof MethodFailure) return failure(method, error.message);
		throw error;
	}
}

/** How many orders an `orders` call would list (0 when it would fail); lets duplicateListing skip empty lists. */
export function countListedOrders<Caller>(call: TgCall, side: CallerSide<Caller>): number {
	try {
		return side.orders(call, side.authenticate(call), requiredDate(call.params)).length;
	} catch (error) {
		if (error instanceof MethodFailure) return 0;
		throw error;
	}
}

/** The first rows of a listing, as many as the configured cap lets through. */
function capped<Row>(call: TgCall, rows: Row[]): Row[] {
	const cap = call.config.maxListingRows;
	return cap === null ? rows : rows.slice(0, cap);
}

function listOrders<Caller>(call: TgCall, side: CallerSide<Caller>, caller: Caller): TgReply {
	const orders = capped(call, side.orders(call, caller, requiredDate(call.params)));
	const first = orders[0];
	if (call.fault?.kind === 'duplicateListing' && first !== undefined) orders.push(first);
	return side.readReply(call, 'orders', orders.map(orderSummary));
}

/** "New or edited customers" (spec §5.5): listed again from their last change. */
function listCustomers<Caller>(call: TgCall, side: CallerSide<Caller>, caller: Caller): TgReply {
	const customers = capped(
		call,
		call.state.customersChangedBetween(requiredDate(call.params), call.nowMs).filter((customer) => side.seesCustomer(call, caller, customer)),
	);
	return side.readReply(call, 'customers', customers.map(customerSummary));
}

function setStatus<Caller>(call: TgCall, side: CallerSide<Caller>, caller: Caller): TgReply {
	const order = visibleOrder(call, side, caller);
	const status = required(call.params, 'status');
	if (!isOrderStatus(status)) throw new MethodFailure(`Invalid status: ${status}`);
	call.state.setStatus(order, status, side.authorName(call, caller), call.nowMs);
	return success(call.method, [element('message', `Status changed to ${status} for order ${order.id}`)]);
}

function addMessage<Caller>(call: TgCall, side: CallerSide<Caller>, caller: Caller): TgReply {
	const order = visibleOrder(call, side, caller);
	const type = required(call.params, 'type');
	if (!isMessageType(type)) throw new MethodFailure(`Invalid type: ${type}`);
	const message = required(call.params, 'message');
	call.state.addLogEntry(order, type, message, side.authorName(call, caller), call.nowMs);
	return success(call.method, [element('message', `Message added to order ${order.id}`)]);
}

/** The order named by `id`; one that has not arrived yet or that the caller may not see is "not found". */
function visibleOrder<Caller>(call: TgCall, side: CallerSide<Caller>, caller: Caller): TgOrder {
	return visible(call, 'Order', (id) => call.state.order(id), (order) => side.seesOrder(call, caller, order));
}

function visibleCustomer<Caller>(call: TgCall, side: CallerSide<Caller>, caller: Caller): TgCustomer {
	return visible(call, 'Customer', (id) => call.state.customer(id), (customer) => side.seesCustomer(call, caller, customer));
}

function visible<T extends { createdAtMs: number }>(call: TgCall, what: string, find: (id: number) => T | undefined, sees: (record: T) => boolean): T {
	const id = requiredId(call.params);
	const record = find(id);
	if (record === undefined || record.createdAtMs > call.nowMs || !sees(record)) throw new MethodFailure(`${what} ${id} not found`);
	return record;
}
