/**
 * All state of one simulated operator (CO): accesses, subscriptions, orders, order events and the
 * per-access create-call counters.
 *
 * Order progress is derived from the clock without timers: every request first calls
 * `settle(now)`, which applies all transitions that became due since the last call, in time order,
 * so subscriptions and events look as if the operator had been working in the background.
 */
import { isoDateTime } from './httpResponses';
import { hexId, nextGeneration } from './identifiers';
import { executeOrder } from './orderExecution';
import type {
	AccessRecord,
	AccessSeed,
	CreateCallCounts,
	OperatorBehaviour,
	OperatorConfig,
	OrderEventRecord,
	OrderRecord,
	OrderRequestFields,
	OrderState,
	SpUser,
	SubscriptionRecord,
	SubscriptionSeed,
} from './types';

export const DEFAULT_BEHAVIOUR: OperatorBehaviour = {
	refusedVersions: [],
	timing: { inProgressAfterMs: 2000, doneAfterMs: 5000 },
	failingAccesses: {},
	slowAccesses: {},
	unsupportedFields: [],
	immediateOperations: ['SUSPEND', 'RESUME', 'MODIFY', 'CHANGE'],
	unknownReferenceStatus: 404,
	onPortal: true,
	orderEvents: true,
};

export interface OrderSchedule {
	/** Creation (or the last update), or requestedDateTime when that is later. */
	startAt: number;
	inProgressAt: number;
	doneAt: number;
}

export function isFinal(state: OrderState): boolean {
	return state === 'DONE_SUCCESS' || state === 'DONE_FAILED';
}

/** The records behind `ids` that exist, in the order of `ids`. */
function existing<T>(records: Map<string, T>, ids: Iterable<string> | undefined): T[] {
	const found: T[] = [];
	for (const id of ids ?? []) {
		const record = records.get(id);
		if (record) found.push(record);
	}
	return found;
}

/** Adds `id` to a per-access index. */
function fileUnder(index: Map<string, Set<string>>, accessId: string, id: string): void {
	let ids = index.get(accessId);
	if (!ids) {
		ids = new Set();
		index.set(accessId, ids);
	}
	ids.add(id);
}

export class OperatorStore {
	readonly coId: string;
	readonly name: string;
	readonly preferredVersion: OperatorConfig['preferredVersion'];
	readonly users: SpUser[];
	readonly portalUsers: SpUser[];
	behaviour: OperatorBehaviour;

	private readonly generation = nextGeneration();
	private readonly accesses = new Map<string, AccessRecord>();
	private accessesLastModified: number | undefined;
	private readonly subscriptions = new Map<string, SubscriptionRecord>();
	private readonly subscriptionsByAccess = new Map<string, Set<string>>();
	private subscriptionsLastModified: number | undefined;
	private readonly orders = new Map<string, OrderRecord>();
	private readonly ordersByAccess = new Map<string, Set<string>>();
	private readonly pendingOrders = new Set<string>();
	private readonly cancelledOrders: OrderRecord[] = [];
	private readonly events: OrderEventRecord[] = [];
	private readonly eventPositions = new Map<string, number>();
	private readonly createCalls = new Map<string, CreateCallCounts>();
	private orderCounter = 0;
	private subscriptionCounter = 0;
	/** Earliest instant at which some pending order changes state; settle() is free before it. */
	private nextDueAt = Number.POSITIVE_INFINITY;
	/** Latest `now` seen; transitions are never stamped earlier, so deltas already served stay valid. */
	private settledUpTo = Number.NEGATIVE_INFINITY;

	constructor(config: OperatorConfig, seededAt: number) {
		this.coId = config.coId;
		this.name = config.name;
		this.preferredVersion = config.preferredVersion;
		this.users = config.users.map((user) => ({ ...user }));
		this.portalUsers = (config.portalUsers ?? []).map((user) => ({ ...user }));
		this.behaviour = {
			refusedVersions: [...(config.refusedVersions ?? DEFAULT_BEHAVIOUR.refusedVersions)],
			timing: { ...(config.timing ?? DEFAULT_BEHAVIOUR.timing) },
			failingAccesses: { ...(config.failingAccesses ?? {}) },
			slowAccesses: { ...(config.slowAccesses ?? {}) },
			unsupportedFields: [...(config.unsupportedFields ?? [])],
			orderEndpointNote: config.orderEndpointNote,
			immediateOperations: [...(config.immediateOperations ?? DEFAULT_BEHAVIOUR.immediateOperations)],
			unknownReferenceStatus: config.unknownReferenceStatus ?? DEFAULT_BEHAVIOUR.unknownReferenceStatus,
			onPortal: config.onPortal ?? DEFAULT_BEHAVIOUR.onPortal,
			orderEvents: config.orderEvents ?? DEFAULT_BEHAVIOUR.orderEvents,
			...(config.outage === undefined ? {} : { outage: { ...config.outage } }),
		};
		for (const seed of config.accesses) this.putAccess(seed, seededAt);
		for (const seed of config.subscriptions ?? []) this.seedSubscription(seed, seededAt);
	}

	// ---- accesses -------------------------------------------------------------------------------

	access(accessId: string): AccessRecord | undefined {
		return this.accesses.get(accessId);
	}

	allAccesses(): IterableIterator<AccessRecord> {
		return this.accesses.values();
	}

	get accessCount(): number {
		return this.accesses.size;
	}

	get accessesChangedAt(): number | undefined {
		return this.accessesLastModified;
	}

	/** Adds or replaces an access and bumps its Last-Modified. */
	putAccess(seed: AccessSeed, at: number): AccessRecord {
		const record: AccessRecord = {
			...seed,
			services: seed.services.map((offer) => ({ ...offer })),
			lastModified: at,
		};
		this.accesses.set(record.accessId, record);
		this.accessesLastModified = Math.max(this.accessesLastModified ?? at, at);
		return record;
	}

	// ---- subscriptions --------------------------------------------------------------------------

	subscription(subscriptionId: string): SubscriptionRecord | undefined {
		return this.subscriptions.get(subscriptionId);
	}

	/** Subscriptions on an access, of every SP, including ended ones. */
	subscriptionsOn(accessId: string): SubscriptionRecord[] {
		return existing(this.subscriptions, this.subscriptionsByAccess.get(accessId));
	}

	allSubscriptions(): IterableIterator<SubscriptionRecord> {
		return this.subscriptions.values();
	}

	subscriptionsOf(spId: string): SubscriptionRecord[] {
		return [...this.subscriptions.values()].filter((subscription) => subscription.spId === spId);
	}

	get subscriptionsChangedAt(): number | undefined {
		return this.subscriptionsLastModified;
	}

	newSubscriptionId(): string {
		this.subscriptionCounter += 1;
		return hexId(`${this.generation}:${this.coId}:subscription:${this.subscriptionCounter}`);
	}

	addSubscription(subscription: SubscriptionRecord): void {
		this.subscriptions.set(subscription.subscriptionId, subscription);
		fileUnder(this.subscriptionsByAccess, subscription.accessId, subscription.subscriptionId);
		this.touchSubscription(subscription, subscription.lastModified);
	}

	/** Marks a change of a subscription for If-Modified-Since. */
	touchSubscription(subscription: SubscriptionRecord, at: number): void {
		subscription.lastModified = at;
		this.subscriptionsLastModified = Math.max(this.subscriptionsLastModified ?? at, at);
	}

	seedSubscription(seed: SubscriptionSeed, at: number): SubscriptionRecord {
		const subscription: SubscriptionRecord = {
			// Seeds get ids that survive resets: they are part of the fixed demo world.
			subscriptionId: seed.subscriptionId ?? hexId(`${this.coId}:seed:${seed.accessId}:${seed.service}:${seed.spId}`),
			accessId: seed.accessId,
			spId: seed.spId,
			service: seed.service,
			operationalState: seed.operationalState ?? 'ACTIVATED',
			spReference: seed.spReference,
			spSubscriptionId: seed.spSubscriptionId,
			connectedAt: at,
			ended: false,
			lastModified: at,
		};
		this.addSubscription(subscription);
		return subscription;
	}

	// ---- orders ---------------------------------------------------------------------------------

	order(orderId: string): OrderRecord | undefined {
		return this.orders.get(orderId);
	}

	ordersOnAccess(accessId: string): OrderRecord[] {
		return existing(this.orders, this.ordersByAccess.get(accessId));
	}

	pending(): OrderRecord[] {
		return existing(this.orders, this.pendingOrders);
	}

	allOrders(): IterableIterator<OrderRecord> {
		return this.orders.values();
	}

	get orderCount(): number {
		return this.orders.size;
	}

	scheduleOf(order: OrderRecord): OrderSchedule {
		const requested = order.fields.requestedDateTime ? Date.parse(order.fields.requestedDateTime) : Number.NaN;
		const startAt = Number.isNaN(requested) ? order.updatedAt : Math.max(order.updatedAt, requested);
		if (order.immediate) return { startAt, inProgressAt: startAt, doneAt: startAt };
		const timing = this.behaviour.slowAccesses[order.accessId] ?? this.behaviour.timing;
		const inProgressAt = startAt + timing.inProgressAfterMs;
		return { startAt, inProgressAt, doneAt: Math.max(inProgressAt, startAt + timing.doneAfterMs) };
	}

	/**
	 * Stores a new order. Immediate operations that may start now are executed at once and never
	 * show RECEIVED (the spec's "simplest implementation"); everything else starts as RECEIVED.
	 */
	createOrder(
		spId: string,
		fields: OrderRequestFields,
		target: { accessId: string; service: string; subscriptionId: string },
		now: number,
	): OrderRecord {
		this.orderCounter += 1;
		const order: OrderRecord = {
			orderId: hexId(`${this.generation}:${this.coId}:order:${this.orderCounter}`),
			sequence: this.orderCounter,
			spId,
			fields,
			accessId: target.accessId,
			service: target.service,
			subscriptionId: target.subscriptionId,
			state: 'RECEIVED',
			message: '',
			createdAt: now,
			updatedAt: now,
			immediate: this.behaviour.immediateOperations.includes(fields.operation),
			duplicateCreates: 0,
			history: [],
		};
		this.orders.set(order.orderId, order);
		fileUnder(this.ordersByAccess, order.accessId, order.orderId);

		if (order.immediate && this.scheduleOf(order).doneAt <= now) {
			const outcome = executeOrder(this, order, now);
			this.recordState(order, outcome.state, outcome.message, now);
			return order;
		}
		this.recordState(order, 'RECEIVED', '', now);
		this.pendingOrders.add(order.orderId);
		this.onOrderScheduled(order);
		this.nextDueAt = Math.min(this.nextDueAt, this.nextTransitionAt(order));
		this.settle(now);
		return order;
	}

	/** Applies a PUT/PATCH to a RECEIVED order. */
	updateOrder(order: OrderRecord, fields: OrderRequestFields, service: string, now: number): void {
		order.fields = fields;
		order.service = service;
		order.updatedAt = this.stampNotBefore(now);
		order.history.push({ state: 'UPDATED', at: isoDateTime(now) });
		this.onOrderScheduled(order);
		this.recomputeNextDue();
		this.settle(now);
	}

	/** DELETE of a RECEIVED order: it disappears from the API; the admin state keeps its history. */
	cancelOrder(order: OrderRecord, now: number): void {
		this.orders.delete(order.orderId);
		this.ordersByAccess.get(order.accessId)?.delete(order.orderId);
		this.pendingOrders.delete(order.orderId);
		order.history.push({ state: 'CANCELLED', at: isoDateTime(now) });
		this.cancelledOrders.push(order);
		if (order.fields.operation === 'DEACTIVATE') {
			const subscription = this.subscriptions.get(order.subscriptionId);
			if (subscription && !subscription.ended && subscription.disconnectionAt !== undefined) {
				subscription.disconnectionAt = undefined;
				this.touchSubscription(subscription, Math.max(now, this.settledUpTo));
			}
		}
		this.recomputeNextDue();
	}

	cancelled(): readonly OrderRecord[] {
		return this.cancelledOrders;
	}

	/** A pending DEACTIVATE announces the subscription's end date (2.6 `disconnectionDate`). */
	private onOrderScheduled(order: OrderRecord): void {
		if (order.fields.operation !== 'DEACTIVATE') return;
		const subscription = this.subscriptions.get(order.subscriptionId);
		if (!subscription || subscription.ended) return;
		subscription.disconnectionAt = this.scheduleOf(order).doneAt;
		this.touchSubscription(subscription, Math.max(order.updatedAt, this.settledUpTo));
	}

	private nextTransitionAt(order: OrderRecord): number {
		const schedule = this.scheduleOf(order);
		if (order.state === 'RECEIVED' && schedule.inProgressAt < schedule.doneAt) return schedule.inProgressAt;
		return schedule.doneAt;
	}

	/** Call after anything that can move due times (config changes, updates, cancellations). */
	recomputeNextDue(): void {
		let next = Number.POSITIVE_INFINITY;
		for (const order of this.pending()) next = Math.min(next, this.nextTransitionAt(order));
		this.nextDueAt = next;
	}

	/** Applies every order transition due at or before `now`, oldest first. */
	settle(now: number): void {
		if (now < this.nextDueAt) {
			this.settledUpTo = Math.max(this.settledUpTo, now);
			return;
		}
		const due: Array<{ order: OrderRecord; at: number; to: 'IN_PROGRESS' | 'DONE' }> = [];
		for (const order of this.pending()) {
			const schedule = this.scheduleOf(order);
			if (order.state === 'RECEIVED' && schedule.inProgressAt < schedule.doneAt && schedule.inProgressAt <= now) {
				due.push({ order, at: schedule.inProgressAt, to: 'IN_PROGRESS' });
			}
			if (schedule.doneAt <= now) due.push({ order, at: schedule.doneAt, to: 'DONE' });
		}
		due.sort(
			(a, b) =>
				a.at - b.at ||
				a.order.sequence - b.order.sequence ||
				(a.to === 'IN_PROGRESS' ? -1 : 1) - (b.to === 'IN_PROGRESS' ? -1 : 1),
		);
		for (const transition of due) {
			const at = Math.max(transition.at, this.settledUpTo);
			if (transition.to === 'IN_PROGRESS') {
				this.recordState(transition.order, 'IN_PROGRESS', '', at);
			} else {
				const outcome = executeOrder(this, transition.order, at);
				this.recordState(transition.order, outcome.state, outcome.message, at);
				this.pendingOrders.delete(transition.order.orderId);
			}
		}
		this.settledUpTo = Math.max(this.settledUpTo, now);
		this.recomputeNextDue();
	}

	/** The clock instant that transitions and admin changes must not predate. */
	stampNotBefore(now: number): number {
		return Math.max(now, this.settledUpTo);
	}

	private recordState(order: OrderRecord, state: OrderState, message: string, at: number): void {
		order.state = state;
		order.message = message;
		order.history.push(message ? { state, at: isoDateTime(at), message } : { state, at: isoDateTime(at) });
		const event: OrderEventRecord = {
			event: hexId(`${this.generation}:${this.coId}:event:${this.events.length + 1}`),
			spId: order.spId,
			orderId: order.orderId,
			accessId: order.accessId,
			service: order.service,
			operation: order.fields.operation,
			state,
			message,
			at,
		};
		this.eventPositions.set(event.event, this.events.length);
		this.events.push(event);
	}

	// ---- order events ---------------------------------------------------------------------------

	/** Events of one SP after the `since` event (exclusive); undefined when `since` is unknown. */
	eventsFor(spId: string, since: string | undefined): OrderEventRecord[] | undefined {
		let start = 0;
		if (since !== undefined) {
			const position = this.eventPositions.get(since);
			if (position === undefined) return undefined;
			start = position + 1;
		}
		const found: OrderEventRecord[] = [];
		for (let index = start; index < this.events.length; index += 1) {
			if (this.events[index].spId === spId) found.push(this.events[index]);
		}
		return found;
	}

	get eventCount(): number {
		return this.events.length;
	}

	// ---- create-call counters -------------------------------------------------------------------

	countCreateCall(accessId: string, outcome: keyof Omit<CreateCallCounts, 'total'>): void {
		let counts = this.createCalls.get(accessId);
		if (!counts) {
			counts = { total: 0, created: 0, duplicates: 0, alreadyInState: 0, rejected: 0 };
			this.createCalls.set(accessId, counts);
		}
		counts.total += 1;
		counts[outcome] += 1;
	}

	createCallCounts(): Record<string, CreateCallCounts> {
		const result: Record<string, CreateCallCounts> = {};
		for (const [accessId, counts] of this.createCalls) result[accessId] = { ...counts };
		return result;
	}
}
