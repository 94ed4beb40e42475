/**
 * The Tjänsteguiden simulator's records and their indexes: orders by id and by creation time,
 * customers by id and by last change, login hashes by value. Nothing here scans all orders.
 */
import { randomBytes } from 'node:crypto';

import type { IssuedHash, MessageType, OrderStatus, TgCustomer, TgLogEntry, TgOrder } from './model';
import { TimeIndex } from './timeIndex';

/** First ids handed out, in the range of the spec's examples. */
const FIRST_ORDER_ID = 19530;
const FIRST_CUSTOMER_ID = 16745;

export type NewCustomer = Omit<TgCustomer, 'id' | 'changedAtMs'> & { id?: number };
export type NewOrder = Omit<TgOrder, 'id' | 'log'> & { id?: number };

export class TjansteguidenState {
	private readonly ordersById = new Map<number, TgOrder>();
	private readonly ordersByTime = new TimeIndex<TgOrder>((order) => order.createdAtMs);
	private readonly customersById = new Map<number, TgCustomer>();
	private readonly customersByChange = new TimeIndex<TgCustomer>((customer) => customer.changedAtMs);
	private readonly hashesByValue = new Map<string, IssuedHash>();
	private readonly hashesInOrder: IssuedHash[] = [];
	/** Operators (coIds) each customer has orders with: what a network operator may see of a customer. */
	private readonly operatorsByCustomer = new Map<number, Set<string>>();
	private nextOrderId = FIRST_ORDER_ID;
	private nextCustomerId = FIRST_CUSTOMER_ID;
	private nextLogId = 1;
	/** `method:id` → message: calls that fail every time, set by admin (orders/{id}/failing). */
	private readonly permanentFailures = new Map<string, string>();
	/** Counts customers created without an explicit socket, to spread them over the demo accesses. */
	autoSocketCounter = 0;

	clear(): void {
		this.ordersById.clear();
		this.ordersByTime.clear();
		this.customersById.clear();
		this.customersByChange.clear();
		this.hashesByValue.clear();
		this.hashesInOrder.length = 0;
		this.operatorsByCustomer.clear();
		this.permanentFailures.clear();
		this.nextOrderId = FIRST_ORDER_ID;
		this.nextCustomerId = FIRST_CUSTOMER_ID;
		this.nextLogId = 1;
		this.autoSocketCounter = 0;
	}

	// --- customers -------------------------------------------------------------------------------

	addCustomer(fields: NewCustomer): TgCustomer {
		const id = fields.id ?? this.nextCustomerId;
		if (this.customersById.has(id)) throw new Error(`Customer ${id} already exists`);
		this.nextCustomerId = Math.max(this.nextCustomerId, id + 1);
		// Every customer gets the same property order, so V8 keeps one hidden class for 100k of them.
		const customer: TgCustomer = {
			id,
			socket: fields.socket,
			serial: fields.serial,
			firstname: fields.firstname,
			surname: fields.surname,
			email: fields.email,
			address: fields.address,
			zip: fields.zip,
			city: fields.city,
			phone: fields.phone,
			premise: fields.premise,
			message: fields.message,
			createdAtMs: fields.createdAtMs,
			changedAtMs: fields.createdAtMs,
		};
		this.customersById.set(id, customer);
		this.customersByChange.insert(customer);
		return customer;
	}

	/** Edits a customer; `customers` lists it again from `changedAtMs`. */
	editCustomer(customer: TgCustomer, changes: Partial<Omit<TgCustomer, 'id' | 'createdAtMs' | 'changedAtMs'>>, atMs: number): TgCustomer {
		this.customersByChange.remove(customer);
		Object.assign(customer, changes);
		customer.changedAtMs = atMs;
		this.customersByChange.insert(customer);
		return customer;
	}

	customer(id: number): TgCustomer | undefined {
		return this.customersById.get(id);
	}

	customersChangedBetween(fromMs: number, toMs: number): TgCustomer[] {
		return this.customersByChange.between(fromMs, toMs);
	}

	get customerCount(): number {
		return this.customersById.size;
	}

	// --- orders ----------------------------------------------------------------------------------

	addOrder(fields: NewOrder): TgOrder {
		const id = fields.id ?? this.nextOrderId;
		if (this.ordersById.has(id)) throw new Error(`Order ${id} already exists`);
		this.nextOrderId = Math.max(this.nextOrderId, id + 1);
		const order: TgOrder = {
			id,
			type: fields.type,
			createdAtMs: fields.createdAtMs,
			status: fields.status,
			service: fields.service,
			xsp: fields.xsp,
			delivery: fields.delivery,
			customerId: fields.customerId,
			socket: fields.socket,
			coId: fields.coId,
			message: fields.message,
			log: [],
		};
		this.ordersById.set(id, order);
		this.ordersByTime.insert(order);
		const operators = this.operatorsByCustomer.get(order.customerId) ?? new Set<string>();
		operators.add(order.coId);
		this.operatorsByCustomer.set(order.customerId, operators);
		return order;
	}

	/** Whether the customer has an order with this operator (the orders need not have arrived). */
	customerHasOrderWith(customerId: number, coId: string): boolean {
		return this.operatorsByCustomer.get(customerId)?.has(coId) === true;
	}

	order(id: number): TgOrder | undefined {
		return this.ordersById.get(id);
	}

	ordersCreatedBetween(fromMs: number, toMs: number): TgOrder[] {
		return this.ordersByTime.between(fromMs, toMs);
	}

	countOrdersCreatedBetween(fromMs: number, toMs: number): number {
		return this.ordersByTime.countBetween(fromMs, toMs);
	}

	allOrders(): readonly TgOrder[] {
		return this.ordersByTime.all();
	}

	addLogEntry(order: TgOrder, type: MessageType, message: string, user: string, atMs: number): TgLogEntry {
		const entry: TgLogEntry = { id: this.nextLogId++, atMs, type, message, user };
		order.log.push(entry);
		return entry;
	}

	/** Changes the status and writes the log entry Tjänsteguiden writes for it. */
	setStatus(order: TgOrder, status: OrderStatus, user: string, atMs: number): void {
		order.status = status;
		this.addLogEntry(order, 'system', `Status changed to ${status}`, user, atMs);
	}

	/** Makes `method` with this `id` fail with `message` until cleared (message undefined). */
	setPermanentFailure(method: string, id: number, message: string | undefined): void {
		if (message === undefined) this.permanentFailures.delete(`${method}:${id}`);
		else this.permanentFailures.set(`${method}:${id}`, message);
	}

	permanentFailure(method: string, id: string | null): string | undefined {
		return id === null ? undefined : this.permanentFailures.get(`${method}:${id.trim()}`);
	}

	// --- login hashes ----------------------------------------------------------------------------

	issueHash(apiUser: string, nowMs: number, lifetimeMs: number): IssuedHash {
		const issued: IssuedHash = {
			hash: randomBytes(16).toString('hex'),
			apiUser,
			issuedAtMs: nowMs,
			expiresAtMs: nowMs + lifetimeMs,
		};
		this.hashesByValue.set(issued.hash, issued);
		this.hashesInOrder.push(issued);
		return issued;
	}

	/** The hash record when the hash is known, not invalidated and not expired at `nowMs`. */
	validHash(hash: string, nowMs: number): IssuedHash | undefined {
		const issued = this.hashesByValue.get(hash);
		if (issued === undefined || issued.invalidatedAtMs !== undefined || nowMs >= issued.expiresAtMs) return undefined;
		return issued;
	}

	invalidateHash(issued: IssuedHash, nowMs: number): void {
		issued.invalidatedAtMs = nowMs;
	}

	issuedHashes(): readonly IssuedHash[] {
		return this.hashesInOrder;
	}
}
