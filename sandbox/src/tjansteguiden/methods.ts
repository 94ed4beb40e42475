/** The Orders 1.0 methods: parameters in, envelope out. Pure functions of the state and the clock. */
import type { AppliedFault } from '../types';
import { failure, serviceguide, success, unwrapped, type TgReply } from './envelope';
import { isMessageType, isOrderStatus, type IssuedHash, type TgConfig, type TgCustomer, type TgOrder } from './model';
import { MethodFailure, required, requiredDate, requiredId } from './params';
import { customerDetails, customerSummary, logEntry, orderDetails, orderSummary } from './render';
import type { TjansteguidenState } from './state';
import { startOfStockholmDay } from './stockholmTime';
import { element } from './xml';

export interface TgCall {
	method: string;
	params: URLSearchParams;
	nowMs: number;
	state: TjansteguidenState;
	config: TgConfig;
	/** A simulator-specific fault that shapes the answer (duplicateListing). */
	fault?: AppliedFault;
}

type Handler = (call: TgCall, session: IssuedHash) => TgReply;

const AUTHENTICATED_METHODS: Readonly<Record<string, Handler>> = {
	orders: listOrders,
	order_info: orderInfo,
	order_log: orderLog,
	customer_info: customerInfo,
	customers: listCustomers,
	set_status: setStatus,
	add_message: addMessage,
};

export const LOGIN_METHOD = 'api_login';
export const METHOD_NAMES: readonly string[] = [LOGIN_METHOD, ...Object.keys(AUTHENTICATED_METHODS)];
export const INVALID_HASH_MESSAGE = 'Invalid or expired hash';

export function isKnownMethod(method: string): boolean {
	return method === LOGIN_METHOD || Object.hasOwn(AUTHENTICATED_METHODS, method);
}

export function callMethod(call: TgCall): TgReply {
	const { method } = call;
	try {
		if (method === LOGIN_METHOD) return login(call);
		const handler = Object.hasOwn(AUTHENTICATED_METHODS, method) ? AUTHENTICATED_METHODS[method] : undefined;
		if (handler === undefined) return failure(method, `Unknown method: ${method}`);
		return handler(call, authenticate(call));
	} catch (error) {
		if (error instanceof MethodFailure) return failure(method, error.message);
		throw error;
	}
}

/** The session behind the call's hash, when the hash is currently valid. */
export function sessionOf(call: Pick<TgCall, 'params' | 'nowMs' | 'state'>): IssuedHash | undefined {
	const hash = call.params.get('hash');
	return hash === null || hash === '' ? undefined : call.state.validHash(hash, call.nowMs);
}

/** How many orders an `orders` call would list (0 when it would fail); lets duplicateListing skip empty lists. */
export function countListedOrders(call: Pick<TgCall, 'params' | 'nowMs' | 'state'>): number {
	const date = call.params.get('date');
	const fromMs = date === null ? undefined : startOfStockholmDay(date);
	if (fromMs === undefined || sessionOf(call) === undefined) return 0;
	return call.state.countOrdersCreatedBetween(fromMs, call.nowMs);
}

function login(call: TgCall): TgReply {
	const apiUser = required(call.params, 'api_user');
	const apiKey = required(call.params, 'api_key');
	const user = call.config.users.find((candidate) => candidate.apiUser === apiUser && candidate.apiKey === apiKey);
	if (user === undefined) return failure(call.method, 'Login failed: unknown api_user or wrong api_key');
	const issued = call.state.issueHash(user.apiUser, call.nowMs, call.config.hashLifetimeMs);
	return success(call.method, [element('message', `${user.name} logged in`), element('hash_key', issued.hash)]);
}

function authenticate(call: TgCall): IssuedHash {
	required(call.params, 'hash');
	const session = sessionOf(call);
	if (session === undefined) throw new MethodFailure(INVALID_HASH_MESSAGE);
	return session;
}

function listOrders(call: TgCall): TgReply {
	const fromMs = requiredDate(call.params);
	const orders = call.state.ordersCreatedBetween(fromMs, call.nowMs);
	const first = orders[0];
	if (call.fault?.kind === 'duplicateListing' && first !== undefined) orders.push(first);
	const payload = orders.map(orderSummary);
	if (call.config.ordersEnvelope === 'serviceguide') return serviceguide(payload);
	return success(call.method, payload);
}

function orderInfo(call: TgCall): TgReply {
	return success(call.method, [orderDetails(visibleOrder(call), call.config)]);
}

function orderLog(call: TgCall): TgReply {
	return success(call.method, visibleOrder(call).log.map(logEntry));
}

function customerInfo(call: TgCall): TgReply {
	const customer = visibleCustomer(call);
	if (call.config.customerInfoEnvelope === 'bare') return unwrapped(call.method, customerDetails(customer));
	return success(call.method, customerDetails(customer));
}

function listCustomers(call: TgCall): TgReply {
	const fromMs = requiredDate(call.params);
	return success(call.method, call.state.customersChangedBetween(fromMs, call.nowMs).map(customerSummary));
}

function setStatus(call: TgCall, session: IssuedHash): TgReply {
	const order = visibleOrder(call);
	const status = required(call.params, 'status');
	if (!isOrderStatus(status)) throw new MethodFailure(`Invalid status: ${status}`);
	call.state.setStatus(order, status, userName(call.config, session), call.nowMs);
	return success(call.method, [element('message', `Status changed to ${status} for order ${order.id}`)]);
}

function addMessage(call: TgCall, session: IssuedHash): TgReply {
	const order = visibleOrder(call);
	const type = required(call.params, 'type');
	if (!isMessageType(type)) throw new MethodFailure(`Invalid type: ${type}`);
	const message = required(call.params, 'message');
	call.state.addLogEntry(order, type, message, userName(call.config, session), call.nowMs);
	return success(call.method, [element('message', `Message added to order ${order.id}`)]);
}

/** The order named by `id`; orders created after the sandbox clock have not arrived yet. */
function visibleOrder(call: TgCall): TgOrder {
	const id = requiredId(call.params);
	const order = call.state.order(id);
	if (order === undefined || order.createdAtMs > call.nowMs) throw new MethodFailure(`Order ${id} not found`);
	return order;
}

function visibleCustomer(call: TgCall): TgCustomer {
	const id = requiredId(call.params);
	const customer = call.state.customer(id);
	if (customer === undefined || customer.createdAtMs > call.nowMs) throw new MethodFailure(`Customer ${id} not found`);
	return customer;
}

function userName(config: TgConfig, session: IssuedHash): string {
	return config.users.find((user) => user.apiUser === session.apiUser)?.name ?? `API user ${session.apiUser}`;
}
