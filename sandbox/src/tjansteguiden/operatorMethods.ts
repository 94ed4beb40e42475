/**
 * The operator (KO) face of Tjänsteguiden, `GET /admin/edit/services/plain/orders?method=...&api_user=...`
 * (spec §2): the same orders, customers and logs as the service-provider API, seen by one network
 * operator, which sees only the orders on its own network and the customers behind them.
 *
 * Envelopes follow the spec's CO examples: listings under `<serviceguide><response>` without
 * `<status>` (§5.1), customer_info without any wrapper (§5.4), set_status as in S9 (§5.6). The
 * undocumented ones (order_info, order_log, customers, add_message) are our assumption, by analogy:
 * reads like `orders`, writes like `set_status`. Errors use the same assumed error envelope as the
 * service-provider side.
 */
import type { AppliedFault } from '../types';
import { failure, serviceguide, success, unwrapped, type TgReply } from './envelope';
import { isMessageType, isOrderStatus, type TgConfig, type TgCustomer, type TgOperatorUser, type TgOrder } from './model';
import { authoriseOperator } from './operatorAccess';
import { MethodFailure, required, requiredDate, requiredId } from './params';
import { customerDetails, customerSummary, logEntry, orderDetails, orderSummary } from './render';
import type { TjansteguidenState } from './state';
import { element } from './xml';

export const OPERATOR_PATH = '/admin/edit/services/plain/orders';

export interface OperatorCall {
	method: string;
	params: URLSearchParams;
	/** The client's address as the socket reports it: the second half of the operator API's authentication. */
	remoteAddress: string;
	nowMs: number;
	state: TjansteguidenState;
	config: TgConfig;
	fault?: AppliedFault;
}

type Handler = (call: OperatorCall, user: TgOperatorUser) => TgReply;

const OPERATOR_METHODS: Readonly<Record<string, Handler>> = {
	orders: listOrders,
	order_info: orderInfo,
	order_log: orderLog,
	customer_info: customerInfo,
	customers: listCustomers,
	set_status: setStatus,
	add_message: addMessage,
};

export function isOperatorMethod(method: string): boolean {
	return Object.hasOwn(OPERATOR_METHODS, method);
}

export function callOperatorMethod(call: OperatorCall): TgReply {
	try {
		// Access is checked before anything else: a refused caller learns nothing about the methods.
		const user = authoriseOperator(call.params, call.remoteAddress, call.config);
		const handler = isOperatorMethod(call.method) ? OPERATOR_METHODS[call.method] : undefined;
		if (handler === undefined) return failure(call.method, `Unknown method: ${call.method}`);
		return handler(call, user);
	} catch (error) {
		if (error instanceof MethodFailure) return failure(call.method, error.message);
		throw error;
	}
}

/** How many orders an operator `orders` call would list (0 when it would fail); lets duplicateListing skip empty lists. */
export function countListedOperatorOrders(call: OperatorCall): number {
	try {
		const user = authoriseOperator(call.params, call.remoteAddress, call.config);
		return ordersOf(call, user, requiredDate(call.params)).length;
	} catch (error) {
		if (error instanceof MethodFailure) return 0;
		throw error;
	}
}

function ordersOf(call: OperatorCall, user: TgOperatorUser, fromMs: number): TgOrder[] {
	return call.state.ordersCreatedBetween(fromMs, call.nowMs).filter((order) => order.coId === user.coId);
}

function listOrders(call: OperatorCall, user: TgOperatorUser): TgReply {
	const orders = ordersOf(call, user, requiredDate(call.params));
	const first = orders[0];
	if (call.fault?.kind === 'duplicateListing' && first !== undefined) orders.push(first);
	return serviceguide(orders.map(orderSummary));
}

function orderInfo(call: OperatorCall, user: TgOperatorUser): TgReply {
	return serviceguide([orderDetails(visibleOrder(call, user), call.config)]);
}

function orderLog(call: OperatorCall, user: TgOperatorUser): TgReply {
	return serviceguide(visibleOrder(call, user).log.map(logEntry));
}

function customerInfo(call: OperatorCall, user: TgOperatorUser): TgReply {
	return unwrapped(call.method, customerDetails(visibleCustomer(call, user, requiredId(call.params))));
}

/** "New or edited customers" (spec §5.5, CO wording): listed again from their last change. */
function listCustomers(call: OperatorCall, user: TgOperatorUser): TgReply {
	const fromMs = requiredDate(call.params);
	const customers = call.state
		.customersChangedBetween(fromMs, call.nowMs)
		.filter((customer) => isOperatorsCustomer(call, user, customer));
	return serviceguide(customers.map(customerSummary));
}

function setStatus(call: OperatorCall, user: TgOperatorUser): TgReply {
	const order = visibleOrder(call, user);
	const status = required(call.params, 'status');
	if (!isOrderStatus(status)) throw new MethodFailure(`Invalid status: ${status}`);
	call.state.setStatus(order, status, user.name, call.nowMs);
	return success(call.method, [element('message', `Status changed to ${status} for order ${order.id}`)]);
}

function addMessage(call: OperatorCall, user: TgOperatorUser): TgReply {
	const order = visibleOrder(call, user);
	const type = required(call.params, 'type');
	if (!isMessageType(type)) throw new MethodFailure(`Invalid type: ${type}`);
	const message = required(call.params, 'message');
	call.state.addLogEntry(order, type, message, user.name, call.nowMs);
	return success(call.method, [element('message', `Message added to order ${order.id}`)]);
}

/** An arrived order on the operator's network; any other id is "not found", as on a site that lacks it. */
function visibleOrder(call: OperatorCall, user: TgOperatorUser): TgOrder {
	const id = requiredId(call.params);
	const order = call.state.order(id);
	if (order === undefined || order.createdAtMs > call.nowMs || order.coId !== user.coId) {
		throw new MethodFailure(`Order ${id} not found`);
	}
	return order;
}

function visibleCustomer(call: OperatorCall, user: TgOperatorUser, id: number): TgCustomer {
	const customer = call.state.customer(id);
	if (customer === undefined || customer.createdAtMs > call.nowMs || !isOperatorsCustomer(call, user, customer)) {
		throw new MethodFailure(`Customer ${id} not found`);
	}
	return customer;
}

/** A customer on the operator's network (by accessId) or with an order there. */
function isOperatorsCustomer(call: OperatorCall, user: TgOperatorUser, customer: TgCustomer): boolean {
	const operator = call.config.operators.find((candidate) => candidate.coId === user.coId);
	if (operator !== undefined && customer.socket.startsWith(operator.socketPrefix)) return true;
	return call.state.customerHasOrderWith(customer.id, user.coId);
}
