/** Admin routes under /__admin/tjansteguiden/...: inspect and shape the simulated world. */
import { AdminError, integerParameter, jsonResponse, readJsonBody, readJsonObject } from '../adminJson';
import type { SandboxRequest, SandboxResponse } from '../types';
import { customerView, hashView, logEntryView, orderView } from './adminViews';
import { parseUser, publicConfig } from './config';
import { operatorAccessRoute } from './operatorAccessAdmin';
import { isMessageType, isOrderStatus, type TgOrder } from './model';
import { createCustomer, createOrders, customerChanges } from './orderInput';
import type { LiveTjansteguidenWorld } from './worldTypes';
import { parseInstant } from './stockholmTime';

/** Orders returned in full by a POST; above this only ids come back, to keep bulk creation cheap. */
const MAX_ORDERS_ECHOED = 1000;

export function handleTjansteguidenAdmin(
	world: LiveTjansteguidenWorld,
	request: SandboxRequest,
	subPath: string,
): SandboxResponse | undefined {
	const segments = subPath === '' ? [] : subPath.split('/');
	const [collection, idText, action] = segments;
	const verb = request.method;
	if (segments.length > 3) return undefined;

	if (collection === undefined) return verb === 'GET' ? jsonResponse(200, world.snapshot()) : undefined;
	switch (collection) {
		case 'orders':
			if (idText === undefined) return ordersCollection(world, request);
			return orderResource(world, request, parseId(idText), action);
		case 'customers':
			if (action !== undefined) return undefined;
			if (idText === undefined) return customersCollection(world, request);
			return customerResource(world, request, parseId(idText));
		case 'config':
			if (idText !== undefined) return undefined;
			if (verb === 'GET') return jsonResponse(200, publicConfig(world.config));
			if (verb === 'POST') return jsonResponse(200, publicConfig(world.updateConfig(readJsonObject(request))));
			return undefined;
		case 'users':
			if (idText !== undefined) return undefined;
			if (verb === 'GET') return jsonResponse(200, publicConfig(world.config).users);
			if (verb === 'POST') return addUser(world, request);
			return undefined;
		case 'operator-access':
			return idText === undefined ? operatorAccessRoute(world, request) : undefined;
		case 'hashes':
			if (idText !== undefined || verb !== 'GET') return undefined;
			return jsonResponse(200, {
				hashes: world.state.issuedHashes().map((issued) => hashView(issued, world.nowMs())),
			});
		default:
			return undefined;
	}
}

function ordersCollection(world: LiveTjansteguidenWorld, request: SandboxRequest): SandboxResponse | undefined {
	const nowMs = world.nowMs();
	if (request.method === 'POST') {
		const created = createOrders(world.state, world.config, readJsonBody(request), nowMs);
		const body: Record<string, unknown> = {
			ids: created.map((order) => order.id),
			customerIds: created.map((order) => order.customerId),
		};
		if (created.length <= MAX_ORDERS_ECHOED) body.orders = created.map((order) => orderView(order, world.config, nowMs, true));
		return jsonResponse(201, body);
	}
	if (request.method !== 'GET') return undefined;

	const status = request.query.get('status');
	if (status !== null && !isOrderStatus(status)) throw new AdminError(`Invalid status: ${status}`);
	const fromText = request.query.get('from');
	const fromMs = fromText === null ? Number.NEGATIVE_INFINITY : parseInstant(fromText);
	if (fromMs === undefined) throw new AdminError(`Invalid from: ${fromText ?? ''}`);
	const arrivedOnly = request.query.get('arrived') === 'true';
	const withLog = request.query.get('log') !== 'false';
	const limit = integerParameter(request.query, 'limit', 1000);
	const offset = integerParameter(request.query, 'offset', 0);

	const selected: TgOrder[] = [];
	let total = 0;
	for (const order of world.state.allOrders()) {
		if (order.createdAtMs < fromMs) continue;
		if (arrivedOnly && order.createdAtMs > nowMs) break;
		if (status !== null && order.status !== status) continue;
		if (total >= offset && selected.length < limit) selected.push(order);
		total += 1;
	}
	return jsonResponse(200, {
		total,
		offset,
		orders: selected.map((order) => orderView(order, world.config, nowMs, withLog)),
	});
}

function orderResource(
	world: LiveTjansteguidenWorld,
	request: SandboxRequest,
	id: number,
	action: string | undefined,
): SandboxResponse | undefined {
	const order = world.state.order(id);
	if (order === undefined) throw new AdminError(`Order ${id} not found`, 404);
	const nowMs = world.nowMs();
	if (action === undefined) {
		return request.method === 'GET' ? jsonResponse(200, orderView(order, world.config, nowMs, true)) : undefined;
	}
	if (request.method !== 'POST') return undefined;
	const body = readJsonObject(request);
	const user = typeof body.user === 'string' && body.user !== '' ? body.user : 'Sandbox admin';
	if (action === 'status') {
		const status = String(body.status ?? '');
		if (!isOrderStatus(status)) throw new AdminError(`Invalid status: ${status}`);
		world.state.setStatus(order, status, user, nowMs);
		return jsonResponse(200, orderView(order, world.config, nowMs, true));
	}
	if (action === 'log') {
		const type = String(body.type ?? 'log');
		if (!isMessageType(type)) throw new AdminError(`Invalid type: ${type}`);
		if (typeof body.message !== 'string' || body.message.trim() === '') throw new AdminError('message must be a non-empty string');
		const entry = world.state.addLogEntry(order, type, body.message, user, nowMs);
		return jsonResponse(201, logEntryView(entry));
	}
	if (action === 'failing') return jsonResponse(200, setFailing(world, order, body));
	return undefined;
}

/**
 * `POST orders/{id}/failing {method: 'order_info' | 'customer_info', message?, clear?}`: that call
 * fails for this order (customer_info: for its customer) every time, until cleared or reset. The
 * default messages are what such an order shows in practice: a customer the API never finds.
 */
function setFailing(world: LiveTjansteguidenWorld, order: TgOrder, body: Record<string, unknown>): unknown {
	const method = body.method;
	if (method !== 'order_info' && method !== 'customer_info') throw new AdminError('method must be order_info or customer_info');
	if (body.message !== undefined && (typeof body.message !== 'string' || body.message.trim() === '')) {
		throw new AdminError('message must be a non-empty string');
	}
	const id = method === 'order_info' ? order.id : order.customerId;
	const fallback = method === 'order_info' ? `Order ${id} could not be read` : `Customer ${id} not found`;
	const message = body.clear === true ? undefined : ((body.message as string | undefined) ?? fallback);
	world.state.setPermanentFailure(method, id, message);
	return { method, id, failing: message !== undefined, ...(message === undefined ? {} : { message }) };
}

function customersCollection(world: LiveTjansteguidenWorld, request: SandboxRequest): SandboxResponse | undefined {
	if (request.method === 'POST') {
		return jsonResponse(201, customerView(createCustomer(world.state, readJsonObject(request), world.nowMs())));
	}
	if (request.method !== 'GET') return undefined;
	const limit = integerParameter(request.query, 'limit', 1000);
	const offset = integerParameter(request.query, 'offset', 0);
	const all = world.state.customersChangedBetween(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
	return jsonResponse(200, { total: all.length, offset, customers: all.slice(offset, offset + limit).map(customerView) });
}

function customerResource(world: LiveTjansteguidenWorld, request: SandboxRequest, id: number): SandboxResponse | undefined {
	const customer = world.state.customer(id);
	if (customer === undefined) throw new AdminError(`Customer ${id} not found`, 404);
	if (request.method === 'GET') return jsonResponse(200, customerView(customer));
	if (request.method !== 'POST') return undefined;
	const edited = world.state.editCustomer(customer, customerChanges(readJsonObject(request)), world.nowMs());
	return jsonResponse(200, customerView(edited));
}

function addUser(world: LiveTjansteguidenWorld, request: SandboxRequest): SandboxResponse {
	const user = parseUser(readJsonObject(request));
	const users = world.config.users.filter((existing) => existing.apiUser !== user.apiUser);
	world.updateConfig({ users: [...users, user] });
	return jsonResponse(201, publicConfig(world.config).users);
}

function parseId(text: string): number {
	if (!/^\d{1,15}$/.test(text)) throw new AdminError(`Not an id: ${text}`, 404);
	return Number(text);
}
