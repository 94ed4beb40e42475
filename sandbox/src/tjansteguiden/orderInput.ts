/**
 * Turns admin input (JSON from POST /__admin/tjansteguiden/orders, or the seed) into orders and
 * customers, filling every field left out with something plausible.
 */
import { AdminError } from '../adminJson';
import { autoAccess, cityOfAccess } from '../demo/world';
import { fakeCustomer, fakeEmail } from './fakeCustomers';
import { isMessageType, isOrderStatus, type MessageType, type OrderStatus, type TgConfig, type TgCustomer, type TgOrder } from './model';
import type { TjansteguidenState } from './state';
import { parseInstant } from './stockholmTime';

export interface CustomerInput {
	/** Reuse this customer when it exists; create it with this id when it does not. */
	id?: number;
	socket?: string;
	serial?: string;
	firstname?: string;
	surname?: string;
	email?: string;
	address?: string;
	zip?: string;
	city?: string;
	phone?: string;
	premise?: string;
	message?: string;
	/** Creation time (default: the order's date, or now). */
	date?: string | number;
}

export interface LogEntryInput {
	type: MessageType;
	message: string;
	/** Author shown in order_log (default 'Tjänsteguiden'). */
	user?: string;
	/** Default: the order's creation time. */
	date?: string | number;
}

export interface OrderInput {
	id?: number;
	/** Creation time: ISO with zone, epoch ms, or Stockholm local `YYYY-MM-DD HH:MM[:SS]` (default now). A future time = not arrived yet. */
	date?: string | number;
	status?: OrderStatus;
	/** Tjänsteguiden service id (2440) or service_uid ('BB100100'); default 2440. */
	service?: number | string;
	/** accessId; default the customer's socket, or the next demo access. */
	socket?: string;
	/** coId; default the operator whose socketPrefix the socket has. */
	co?: string;
	/** 'asap' (default) or a date. */
	delivery?: string | number;
	type?: string;
	xsp?: number;
	/** Customer's free-text comment, shown by order_info. */
	message?: string;
	/** An existing customer. */
	customerId?: number;
	/** A customer to create (or reuse by id); a made-up one when neither this nor customerId is given. */
	customer?: CustomerInput;
	log?: LogEntryInput[];
}

/** Bulk creation for benchmarks: `count` orders from `template`, `intervalMs` apart, starting at `startDate`. */
export interface BulkOrderInput {
	count: number;
	template?: OrderInput;
	/** Default: so that the last order is created now. */
	startDate?: string | number;
	/** Default 60 000 (one order a minute). */
	intervalMs?: number;
}

const DEFAULT_SERVICE = 2440;
const MAX_BULK = 1_000_000;

export function createOrder(state: TjansteguidenState, config: TgConfig, input: unknown, nowMs: number): TgOrder {
	const raw = asObject('order', input);
	const createdAtMs = optionalInstant(raw, 'date') ?? nowMs;
	const customer = resolveCustomer(state, raw, createdAtMs);
	const socket = optionalString(raw, 'socket') ?? customer.socket;
	const coId = resolveOperator(config, optionalString(raw, 'co'), socket);
	const status = optionalString(raw, 'status') ?? 'new';
	if (!isOrderStatus(status)) throw new AdminError(`Invalid status: ${status}`);
	const deliveryRaw = raw.delivery;
	let delivery: number | 'asap' = 'asap';
	if (deliveryRaw !== undefined && deliveryRaw !== 'asap') {
		const parsed = parseInstant(deliveryRaw);
		if (parsed === undefined) throw new AdminError(`Invalid delivery: ${String(deliveryRaw)}`);
		delivery = parsed;
	}

	const message = optionalString(raw, 'message');
	const order = addOrderOrExplain(state, {
		id: optionalPositiveInteger(raw, 'id'),
		type: optionalString(raw, 'type') ?? 'order',
		createdAtMs,
		status,
		service: resolveService(config, raw.service),
		xsp: optionalPositiveInteger(raw, 'xsp') ?? config.xsp,
		delivery,
		customerId: customer.id,
		socket,
		coId,
		message,
	});
	for (const entry of optionalArray(raw, 'log')) {
		const log = asObject('log entry', entry);
		const type = optionalString(log, 'type') ?? 'log';
		if (!isMessageType(type)) throw new AdminError(`Invalid type: ${type}`);
		const message = optionalString(log, 'message');
		if (message === undefined) throw new AdminError('A log entry needs a message');
		state.addLogEntry(order, type, message, optionalString(log, 'user') ?? 'Tjänsteguiden', optionalInstant(log, 'date') ?? createdAtMs);
	}
	return order;
}

/** Accepts one order, an array, `{ orders: [...] }` or a BulkOrderInput. */
export function createOrders(state: TjansteguidenState, config: TgConfig, body: unknown, nowMs: number): TgOrder[] {
	if (Array.isArray(body)) return body.map((input) => createOrder(state, config, input, nowMs));
	const raw = asObject('request body', body);
	if (Array.isArray(raw.orders)) return raw.orders.map((input) => createOrder(state, config, input, nowMs));
	if (raw.count === undefined) return [createOrder(state, config, raw, nowMs)];

	const count = optionalPositiveInteger(raw, 'count') ?? 0;
	if (count > MAX_BULK) throw new AdminError(`count must be at most ${MAX_BULK}`);
	const intervalMs = raw.intervalMs === undefined ? 60_000 : Number(raw.intervalMs);
	if (!Number.isInteger(intervalMs) || intervalMs < 0) throw new AdminError('intervalMs must be a non-negative integer');
	const startMs = optionalInstant(raw, 'startDate') ?? nowMs - (count - 1) * intervalMs;
	const template = raw.template === undefined ? {} : asObject('template', raw.template);
	const orders: TgOrder[] = [];
	for (let i = 0; i < count; i++) {
		orders.push(createOrder(state, config, { ...template, date: startMs + i * intervalMs }, nowMs));
	}
	return orders;
}

export function createCustomer(state: TjansteguidenState, input: unknown, defaultCreatedAtMs: number): TgCustomer {
	const raw = asObject('customer', input);
	const socket = optionalString(raw, 'socket') ?? autoAccess(state.autoSocketCounter++);
	const city = cityOfAccess(socket);
	const fake = fakeCustomer(state.customerCount, city);
	const createdAtMs = optionalInstant(raw, 'date') ?? defaultCreatedAtMs;
	const text = (key: keyof typeof fake): string => optionalString(raw, key) ?? fake[key];
	const firstname = text('firstname');
	const surname = text('surname');
	const message = optionalString(raw, 'message');
	const id = optionalPositiveInteger(raw, 'id');
	if (id !== undefined && state.customer(id) !== undefined) throw new AdminError(`Customer ${id} already exists`, 409);
	return state.addCustomer({
		id,
		socket,
		serial: text('serial'),
		firstname,
		surname,
		email: optionalString(raw, 'email') ?? fakeEmail(firstname, surname, state.customerCount),
		address: text('address'),
		zip: text('zip'),
		city: optionalString(raw, 'city') ?? fake.city,
		phone: text('phone'),
		premise: text('premise'),
		message,
		createdAtMs,
	});
}

/** Fields admin may change on a customer (POST /__admin/tjansteguiden/customers/:id). */
export function customerChanges(input: unknown): Partial<Omit<TgCustomer, 'id' | 'createdAtMs' | 'changedAtMs'>> {
	const raw = asObject('customer', input);
	const changes: Record<string, string> = {};
	for (const key of ['socket', 'serial', 'firstname', 'surname', 'email', 'address', 'zip', 'city', 'phone', 'premise', 'message']) {
		const value = optionalString(raw, key);
		if (value !== undefined) changes[key] = value;
	}
	for (const key of Object.keys(raw)) {
		if (!(key in changes)) throw new AdminError(`Cannot change customer field: ${key}`);
	}
	return changes;
}

function resolveCustomer(state: TjansteguidenState, raw: Record<string, unknown>, createdAtMs: number): TgCustomer {
	const customerId = optionalPositiveInteger(raw, 'customerId');
	if (customerId !== undefined) {
		const existing = state.customer(customerId);
		if (existing === undefined) throw new AdminError(`Customer ${customerId} not found`, 404);
		return existing;
	}
	const customerInput = raw.customer === undefined ? {} : asObject('customer', raw.customer);
	const reuseId = optionalPositiveInteger(customerInput, 'id');
	const reused = reuseId === undefined ? undefined : state.customer(reuseId);
	if (reused !== undefined) return reused;
	const socket = optionalString(raw, 'socket');
	const withSocket = customerInput.socket === undefined && socket !== undefined ? { ...customerInput, socket } : customerInput;
	return createCustomer(state, withSocket, createdAtMs);
}

function resolveOperator(config: TgConfig, coId: string | undefined, socket: string): string {
	if (coId !== undefined) {
		if (!config.operators.some((operator) => operator.coId === coId)) throw new AdminError(`Unknown co: ${coId}`);
		return coId;
	}
	const bySocket = config.operators.find((operator) => socket.startsWith(operator.socketPrefix));
	const fallback = bySocket ?? config.operators[0];
	if (fallback === undefined) throw new AdminError('No operators configured');
	return fallback.coId;
}

function resolveService(config: TgConfig, value: unknown): number {
	if (value === undefined) return DEFAULT_SERVICE;
	const service = config.services.find((candidate) => candidate.id === value || candidate.uid === value || String(candidate.id) === value);
	if (service === undefined) throw new AdminError(`Unknown service: ${String(value)}`);
	return service.id;
}

function addOrderOrExplain(state: TjansteguidenState, fields: Parameters<TjansteguidenState['addOrder']>[0]): TgOrder {
	if (fields.id !== undefined && state.order(fields.id) !== undefined) throw new AdminError(`Order ${fields.id} already exists`, 409);
	return state.addOrder(fields);
}

function asObject(what: string, value: unknown): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new AdminError(`The ${what} must be a JSON object`);
	return value as Record<string, unknown>;
}

function optionalString(raw: Record<string, unknown>, key: string): string | undefined {
	const value = raw[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new AdminError(`${key} must be a string`);
	return value;
}

function optionalPositiveInteger(raw: Record<string, unknown>, key: string): number | undefined {
	const value = raw[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new AdminError(`${key} must be a positive integer`);
	return value;
}

function optionalInstant(raw: Record<string, unknown>, key: string): number | undefined {
	const value = raw[key];
	if (value === undefined || value === null) return undefined;
	const parsed = parseInstant(value);
	if (parsed === undefined) throw new AdminError(`Invalid ${key}: ${String(value)}`);
	return parsed;
}

function optionalArray(raw: Record<string, unknown>, key: string): unknown[] {
	const value = raw[key];
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw new AdminError(`${key} must be an array`);
	return value;
}
