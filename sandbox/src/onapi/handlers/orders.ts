/** Orders: list, create, read, update (PUT/PATCH) and cancel (DELETE). */
import type { SandboxResponse } from '../../types';
import { errorResponse, jsonResponse, noContent } from '../httpResponses';
import { checkOrderUpdate, placeOrder } from '../orderPlacement';
import { checkRequiredFields, checkUnsupportedFields, compactFields, readJsonObject, readOrderFields } from '../orderRequest';
import { orderPath, renderAlreadyInState, renderOrder } from '../representations';
import type { OrderRecord, OrderRequestFields, OrderState } from '../types';
import { ORDER_STATES } from '../types';
import type { RequestContext } from './requestContext';

/** The spec's example writes `?state="RECEIVED"`; quotes are accepted and ignored. */
function stateFilter(raw: string | null): { state?: OrderState } | { invalid: string } {
	if (raw === null || raw === '') return {};
	const unquoted = raw.replace(/^["']|["']$/g, '');
	if (!(ORDER_STATES as readonly string[]).includes(unquoted)) return { invalid: raw };
	return { state: unquoted as OrderState };
}

export function listOrders(context: RequestContext): SandboxResponse {
	const { store, user, base, request } = context;
	const filter = stateFilter(request.query.get('state'));
	if ('invalid' in filter) return errorResponse(400, `Invalid state '${filter.invalid}': expected one of ${ORDER_STATES.join(', ')}`);
	const accessId = request.query.get('accessId');
	let orders: OrderRecord[];
	if (accessId) orders = store.ordersOnAccess(accessId);
	else if (filter.state) orders = [...store.allOrders()];
	// Without filters: "Get all unfinished orders".
	else orders = store.pending();
	const selected = orders
		.filter((order) => order.spId === user.spId)
		.filter((order) => !filter.state || order.state === filter.state)
		.sort((a, b) => a.sequence - b.sequence);
	return jsonResponse(200, selected.map((order) => renderOrder(store, order, base)));
}

function rejected(status: number, cause: string): SandboxResponse {
	return { ...errorResponse(status, cause), outcome: 'rejected' };
}

function accessIdOf(body: Record<string, unknown>): string {
	return typeof body.accessId === 'string' ? body.accessId : '(none)';
}

export function createOrder(context: RequestContext): SandboxResponse {
	const { store, user, version, base, now, request } = context;
	const parsed = readJsonObject(request.body);
	if (!parsed.ok) {
		store.countCreateCall('(none)', 'rejected');
		return rejected(400, parsed.cause);
	}
	const countKey = accessIdOf(parsed.value);
	const read = readOrderFields(parsed.value);
	if (!read.ok) {
		store.countCreateCall(countKey, 'rejected');
		return rejected(400, read.cause);
	}
	const fields = compactFields(read.value);
	const problem = checkRequiredFields(fields, version) ?? checkUnsupportedFields(fields, store.behaviour.unsupportedFields);
	if (problem) {
		store.countCreateCall(countKey, 'rejected');
		return rejected(400, problem);
	}

	const placement = placeOrder(store, user.spId, fields, now);
	switch (placement.kind) {
		case 'rejected':
			store.countCreateCall(placement.accessId ?? countKey, 'rejected');
			return rejected(placement.status, placement.cause);
		case 'duplicate':
			placement.order.duplicateCreates += 1;
			store.countCreateCall(placement.order.accessId, 'duplicates');
			return { ...jsonResponse(200, renderOrder(store, placement.order, base)), outcome: 'duplicate' };
		case 'alreadyInState': {
			store.countCreateCall(placement.accessId, 'alreadyInState');
			const body = renderAlreadyInState(placement.accessId, placement.service, fields.operation, placement.subscriptionId);
			return { ...jsonResponse(200, body), outcome: 'alreadyInState' };
		}
		case 'accepted': {
			store.countCreateCall(placement.target.accessId, 'created');
			const order = store.createOrder(user.spId, fields, placement.target, now);
			const response = jsonResponse(201, renderOrder(store, order, base), { Location: orderPath(base, order.orderId) });
			return { ...response, outcome: 'created' };
		}
	}
}

function ownOrder(context: RequestContext, orderId: string): OrderRecord | undefined {
	const order = context.store.order(orderId);
	return order && order.spId === context.user.spId ? order : undefined;
}

function unknownOrder(orderId: string): SandboxResponse {
	return errorResponse(404, `Unknown orderId: '${orderId}'`);
}

function notChangeable(order: OrderRecord, action: string): SandboxResponse {
	return errorResponse(409, `Order ${order.orderId} is ${order.state}; only orders in state RECEIVED can be ${action}`);
}

export function getOrder(context: RequestContext, orderId: string): SandboxResponse {
	const order = ownOrder(context, orderId);
	if (!order) return unknownOrder(orderId);
	return jsonResponse(200, renderOrder(context.store, order, context.base));
}

/** PUT replaces the order with "the complete object"; PATCH merges "only the changed part". */
export function updateOrder(context: RequestContext, orderId: string, mode: 'PUT' | 'PATCH'): SandboxResponse {
	const { store, version, now, request } = context;
	const order = ownOrder(context, orderId);
	if (!order) return unknownOrder(orderId);
	if (order.state !== 'RECEIVED') return notChangeable(order, 'changed');
	const parsed = readJsonObject(request.body);
	if (!parsed.ok) return errorResponse(400, parsed.cause);
	if (parsed.value.orderId !== undefined && parsed.value.orderId !== order.orderId) {
		return errorResponse(400, `orderId in the body ('${String(parsed.value.orderId)}') does not match the path`);
	}
	const read = readOrderFields(parsed.value);
	if (!read.ok) return errorResponse(400, read.cause);
	const merged: Partial<Record<keyof OrderRequestFields, unknown>> =
		mode === 'PATCH' ? { ...order.fields, ...read.value } : { operation: order.fields.operation, ...read.value };
	const fields = compactFields(merged);
	const problem = checkRequiredFields(fields, version) ?? checkUnsupportedFields(fields, store.behaviour.unsupportedFields);
	if (problem) return errorResponse(400, problem);
	const check = checkOrderUpdate(store, order, fields, now);
	if (!check.ok) return errorResponse(400, check.cause);
	store.updateOrder(order, fields, check.service, now);
	return noContent();
}

export function cancelOrder(context: RequestContext, orderId: string): SandboxResponse {
	const order = ownOrder(context, orderId);
	if (!order) return unknownOrder(orderId);
	if (order.state !== 'RECEIVED') return notChangeable(order, 'cancelled');
	context.store.cancelOrder(order, context.now);
	return noContent();
}
