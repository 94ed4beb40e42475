/**
 * The operator's decision on a new order (responses.md, "Error handling and behaviour when
 * creating an order"): reject (400/404/409), answer an identical pending order again (200),
 * report "already in that state" (200, DONE_SUCCESS, no path) or accept (201).
 */
import type { OperatorStore } from './operatorStore';
import type { AccessRecord, OrderRecord, OrderRequestFields, ServiceOffer, SubscriptionRecord } from './types';

export interface OrderTarget {
	accessId: string;
	service: string;
	subscriptionId: string;
}

export type Placement =
	| { kind: 'rejected'; status: number; cause: string; accessId?: string }
	| { kind: 'duplicate'; order: OrderRecord }
	| { kind: 'alreadyInState'; accessId: string; service: string; subscriptionId?: string }
	| { kind: 'accepted'; target: OrderTarget };

type Rejection = Extract<Placement, { kind: 'rejected' }>;

function reject(status: number, cause: string, accessId?: string): Rejection {
	return { kind: 'rejected', status, cause, accessId };
}

/** Orders are accepted on these access states (2.6: OUTMIGRATION "should not be accepted"). */
const ORDERABLE_ACCESS_STATES = new Set(['CONNECTED', 'INMIGRATION']);

function sameCharacteristicType(key: string): string {
	// The spec's examples say `ipAddress`, its data format `ipAddresses`: one characteristic.
	return key === 'ipAddresses' ? 'ipAddress' : key;
}

/** Checks ordered characteristics against what the access offers for the service. */
export function checkCharacteristics(offer: ServiceOffer, characteristics: Record<string, unknown> | undefined): string | undefined {
	const offered = new Map(Object.entries(offer.characteristics ?? {}).map(([key, spec]) => [sameCharacteristicType(key), spec]));
	const ordered = new Map(Object.entries(characteristics ?? {}).map(([key, value]) => [sameCharacteristicType(key), { key, value }]));
	for (const [type, spec] of offered) {
		if (spec.required && !ordered.has(type)) return `Characteristic '${type}' is required for service '${offer.service}'`;
	}
	for (const [type, { key, value }] of ordered) {
		const spec = offered.get(type);
		if (!spec) return `Characteristic '${key}' is not available for service '${offer.service}'`;
		if (spec.values && !spec.values.includes(value as string | boolean)) {
			return `Invalid value ${JSON.stringify(value)} for characteristic '${key}'; valid values: ${spec.values.map((v) => JSON.stringify(v)).join(', ')}`;
		}
	}
	return undefined;
}

function findOffer(access: AccessRecord, service: string): ServiceOffer | undefined {
	return access.services.find((offer) => offer.service === service);
}

function unknownService(service: string, accessId: string): Rejection {
	return reject(400, `Unknown service: '${service}' is not offered on access '${accessId}'`, accessId);
}

function serviceTypeOf(access: AccessRecord, service: string): string | undefined {
	return findOffer(access, service)?.serviceType;
}

/** When the offer cannot be ordered at `startAt` (creation or requestedDateTime). */
function availabilityProblem(access: AccessRecord, offer: ServiceOffer, startAt: number): string | undefined {
	if (!ORDERABLE_ACCESS_STATES.has(access.accessState)) {
		return `Access '${access.accessId}' is ${access.accessState}; services cannot be ordered on it`;
	}
	if (offer.availableDateTime === '') {
		return `Service '${offer.service}' is not available on access '${access.accessId}' (date unknown)`;
	}
	const availableAt = Date.parse(offer.availableDateTime);
	if (availableAt > startAt) {
		return `Service '${offer.service}' is not available on access '${access.accessId}' before ${offer.availableDateTime}`;
	}
	if (offer.disconnectionDateTime !== '' && Date.parse(offer.disconnectionDateTime) <= startAt) {
		return `Service '${offer.service}' is no longer available on access '${access.accessId}'`;
	}
	return undefined;
}

function startOf(fields: OrderRequestFields, now: number): number {
	return fields.requestedDateTime ? Math.max(now, Date.parse(fields.requestedDateTime)) : now;
}

function pendingOfSp(store: OperatorStore, spId: string, accessId: string): OrderRecord[] {
	return store.ordersOnAccess(accessId).filter((order) => order.spId === spId && (order.state === 'RECEIVED' || order.state === 'IN_PROGRESS'));
}

export function placeOrder(store: OperatorStore, spId: string, fields: OrderRequestFields, now: number): Placement {
	if (fields.operation === 'ACTIVATE') return placeActivation(store, spId, fields, now);
	return placeSubscriptionOrder(store, spId, fields);
}

function placeActivation(store: OperatorStore, spId: string, fields: OrderRequestFields, now: number): Placement {
	const accessId = fields.accessId as string;
	const service = fields.service as string;
	const access = store.access(accessId);
	if (!access) return reject(store.behaviour.unknownReferenceStatus, `Unknown accessId: '${accessId}'`, accessId);
	const offer = findOffer(access, service);
	if (!offer) return unknownService(service, accessId);

	// An identical order already pending: the spec answers 200 with that order.
	const duplicate = pendingOfSp(store, spId, accessId).find(
		(order) =>
			order.fields.operation === 'ACTIVATE' &&
			(order.service === service || (fields.spReference !== undefined && order.fields.spReference === fields.spReference)),
	);
	if (duplicate) return { kind: 'duplicate', order: duplicate };

	const problem = availabilityProblem(access, offer, startOf(fields, now));
	if (problem) return reject(400, problem, accessId);
	const characteristicsProblem = checkCharacteristics(offer, fields.characteristics);
	if (characteristicsProblem) return reject(400, characteristicsProblem, accessId);
	if (fields.forcedTakeover === true && !offer.forcedTakeoverPossible) {
		return reject(400, `forcedTakeover is not possible for service '${service}' on access '${accessId}'`, accessId);
	}

	const sameType = store
		.subscriptionsOn(accessId)
		.filter((subscription) => !subscription.ended && serviceTypeOf(access, subscription.service) === offer.serviceType);
	const ownSame = sameType.find((subscription) => subscription.spId === spId && subscription.service === service);
	if (ownSame) return { kind: 'alreadyInState', accessId, service, subscriptionId: ownSame.subscriptionId };
	if (sameType.some((subscription) => subscription.spId !== spId) && fields.forcedTakeover !== true) {
		return reject(409, 'ServiceType is already claimed by other Service Provider.', accessId);
	}
	if (sameType.some((subscription) => subscription.spId === spId)) {
		return reject(409, `Another Service of ServiceType '${offer.serviceType}' is already active.`, accessId);
	}
	const competing = pendingOfSp(store, spId, accessId).find(
		(order) => order.fields.operation === 'ACTIVATE' && serviceTypeOf(access, order.service) === offer.serviceType,
	);
	if (competing) {
		return reject(409, `Another order for ServiceType '${offer.serviceType}' is already pending (${competing.orderId}).`, accessId);
	}
	return { kind: 'accepted', target: { accessId, service, subscriptionId: store.newSubscriptionId() } };
}

function resolveSubscription(
	store: OperatorStore,
	spId: string,
	fields: OrderRequestFields,
): { subscription: SubscriptionRecord } | { rejection: Rejection } | { none: { accessId: string; service: string } } {
	if (fields.subscriptionId) {
		const subscription = store.subscription(fields.subscriptionId);
		if (!subscription) {
			// The ACTIVATE response already carries the subscriptionId; the subscription exists once it is done.
			const activation = store
				.pending()
				.find((order) => order.spId === spId && order.fields.operation === 'ACTIVATE' && order.subscriptionId === fields.subscriptionId);
			if (activation) {
				return {
					rejection: reject(409, `Subscription '${fields.subscriptionId}' is not active yet: order ${activation.orderId} is ${activation.state}`, activation.accessId),
				};
			}
		}
		// Another SP's subscription is invisible to this SP, just like an unknown one.
		if (!subscription || subscription.spId !== spId) {
			return {
				rejection: reject(store.behaviour.unknownReferenceStatus, `Unknown subscriptionId: '${fields.subscriptionId}'`, fields.accessId),
			};
		}
		if (fields.accessId && fields.accessId !== subscription.accessId) {
			return {
				rejection: reject(400, `subscriptionId '${subscription.subscriptionId}' does not belong to accessId '${fields.accessId}'`, fields.accessId),
			};
		}
		if (fields.operation !== 'CHANGE' && fields.service && fields.service !== subscription.service) {
			return {
				rejection: reject(400, `subscriptionId '${subscription.subscriptionId}' is for service '${subscription.service}', not '${fields.service}'`, subscription.accessId),
			};
		}
		return { subscription };
	}
	// Only 2.4 DEACTIVATE gets here: the service is named by accessId + service.
	const accessId = fields.accessId as string;
	const service = fields.service as string;
	const access = store.access(accessId);
	if (!access) return { rejection: reject(store.behaviour.unknownReferenceStatus, `Unknown accessId: '${accessId}'`, accessId) };
	if (!findOffer(access, service)) return { rejection: unknownService(service, accessId) };
	const own = store.subscriptionsOn(accessId).filter((subscription) => subscription.spId === spId && subscription.service === service);
	const active = own.find((subscription) => !subscription.ended);
	if (active) return { subscription: active };
	return { none: { accessId, service } };
}

function placeSubscriptionOrder(store: OperatorStore, spId: string, fields: OrderRequestFields): Placement {
	const operation = fields.operation;
	const resolved = resolveSubscription(store, spId, fields);
	if ('rejection' in resolved) return resolved.rejection;
	if ('none' in resolved) return { kind: 'alreadyInState', ...resolved.none };
	const subscription = resolved.subscription;
	const accessId = subscription.accessId;
	const targetService = operation === 'CHANGE' ? (fields.service as string) : subscription.service;

	const duplicate = pendingOfSp(store, spId, accessId).find(
		(order) =>
			order.fields.operation === operation &&
			order.subscriptionId === subscription.subscriptionId &&
			(operation !== 'CHANGE' || order.service === targetService),
	);
	if (duplicate) return { kind: 'duplicate', order: duplicate };

	const already = { kind: 'alreadyInState' as const, accessId, service: subscription.service, subscriptionId: subscription.subscriptionId };
	if (operation === 'DEACTIVATE') return subscription.ended ? already : accepted(subscription, targetService);
	if (subscription.ended) return reject(409, `Subscription '${subscription.subscriptionId}' is no longer active`, accessId);
	if (operation === 'SUSPEND' && subscription.operationalState === 'SUSPENDED') return already;
	if (operation === 'RESUME' && subscription.operationalState === 'ACTIVATED') return already;
	if (operation === 'CHANGE' && subscription.service === targetService) return already;

	const access = store.access(accessId);
	const offer = access ? findOffer(access, targetService) : undefined;
	if (!access || !offer) return unknownService(targetService, accessId);
	if (fields.characteristics !== undefined) {
		const problem = checkCharacteristics(offer, fields.characteristics);
		if (problem) return reject(400, problem, accessId);
	}
	return accepted(subscription, targetService);
}

function accepted(subscription: SubscriptionRecord, service: string): Placement {
	return { kind: 'accepted', target: { accessId: subscription.accessId, service, subscriptionId: subscription.subscriptionId } };
}

/**
 * Re-checks a PUT/PATCH result against the stored order: the operation and the object it acts on
 * stay fixed (a different target is a different order); the service must still be offered.
 */
export function checkOrderUpdate(
	store: OperatorStore,
	order: OrderRecord,
	fields: OrderRequestFields,
	now: number,
): { ok: true; service: string } | { ok: false; cause: string } {
	if (fields.operation !== order.fields.operation) return { ok: false, cause: 'operation cannot be changed; cancel the order and place a new one' };
	if (fields.accessId !== undefined && fields.accessId !== order.accessId) {
		return { ok: false, cause: 'accessId cannot be changed; cancel the order and place a new one' };
	}
	if (fields.subscriptionId !== undefined && fields.subscriptionId !== order.subscriptionId && order.fields.operation !== 'ACTIVATE') {
		return { ok: false, cause: 'subscriptionId cannot be changed; cancel the order and place a new one' };
	}
	const access = store.access(order.accessId);
	if (!access) return { ok: false, cause: `Unknown accessId: '${order.accessId}'` };
	const operation = order.fields.operation;
	const service = operation === 'ACTIVATE' || operation === 'CHANGE' ? (fields.service ?? order.service) : order.service;
	const offer = findOffer(access, service);
	if (!offer) return { ok: false, cause: `Unknown service: '${service}' is not offered on access '${order.accessId}'` };
	if (operation === 'ACTIVATE') {
		const problem = availabilityProblem(access, offer, startOf(fields, now)) ?? checkCharacteristics(offer, fields.characteristics);
		if (problem) return { ok: false, cause: problem };
		if (fields.forcedTakeover === true && !offer.forcedTakeoverPossible) {
			return { ok: false, cause: `forcedTakeover is not possible for service '${service}' on access '${order.accessId}'` };
		}
	}
	return { ok: true, service };
}
