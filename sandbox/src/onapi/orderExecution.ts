/**
 * What the operator does when an order's turn comes: the final state and its effect on the
 * subscriptions. Conditions are checked again here because the world may have changed while the
 * order waited (another SP took the service, the subscription was deactivated ...).
 */
import type { AccessRecord, OperatorBehaviour, OrderRecord, OrderState, SubscriptionRecord } from './types';

/** What executing an order reads and changes of the operator's state (OperatorStore provides it). */
export interface ExecutionStore {
	readonly behaviour: OperatorBehaviour;
	access(accessId: string): AccessRecord | undefined;
	subscription(subscriptionId: string): SubscriptionRecord | undefined;
	subscriptionsOn(accessId: string): SubscriptionRecord[];
	addSubscription(subscription: SubscriptionRecord): void;
	touchSubscription(subscription: SubscriptionRecord, at: number): void;
}

export interface OrderOutcome {
	state: Extract<OrderState, 'DONE_SUCCESS' | 'DONE_FAILED'>;
	message: string;
}

const SUCCESS: OrderOutcome = { state: 'DONE_SUCCESS', message: '' };

function failed(message: string): OrderOutcome {
	return { state: 'DONE_FAILED', message };
}

/** TEST-NET-1 (RFC 5737) address: the spec says the CO picks one from a pool when none is ordered. */
function poolAddress(subscriptionId: string): string {
	return `192.0.2.${(parseInt(subscriptionId.slice(0, 4), 16) % 250) + 1}`;
}

function activeSubscription(store: ExecutionStore, order: OrderRecord): SubscriptionRecord | undefined {
	const subscription = store.subscription(order.subscriptionId);
	return subscription && !subscription.ended ? subscription : undefined;
}

export function executeOrder(store: ExecutionStore, order: OrderRecord, at: number): OrderOutcome {
	const failure = store.behaviour.failingAccesses[order.accessId];
	if (failure !== undefined) return failed(failure);
	switch (order.fields.operation) {
		case 'ACTIVATE':
			return activate(store, order, at);
		case 'DEACTIVATE': {
			const subscription = activeSubscription(store, order);
			if (subscription) {
				subscription.ended = true;
				subscription.disconnectionAt = at;
				store.touchSubscription(subscription, at);
			}
			// Already inactive counts as done (responses.md: DEACTIVATE of an inactive service is DONE_SUCCESS).
			return SUCCESS;
		}
		default:
			return changeSubscription(store, order, at);
	}
}

function activate(store: ExecutionStore, order: OrderRecord, at: number): OrderOutcome {
	const access = store.access(order.accessId);
	const offer = access?.services.find((candidate) => candidate.service === order.service);
	if (!access || !offer) return failed('The service type is no longer available for this access');
	const sameType = store
		.subscriptionsOn(order.accessId)
		.filter((subscription) => !subscription.ended)
		.filter((subscription) => access.services.find((o) => o.service === subscription.service)?.serviceType === offer.serviceType);
	const others = sameType.filter((subscription) => subscription.spId !== order.spId);
	if (others.length > 0 && !order.fields.forcedTakeover) {
		return failed('ServiceType is already claimed by other Service Provider.');
	}
	const own = sameType.filter((subscription) => subscription.spId === order.spId);
	if (own.some((subscription) => subscription.service === order.service)) return SUCCESS;
	if (own.length > 0) return failed(`Another Service of ServiceType '${offer.serviceType}' is already active.`);

	for (const previous of others) {
		previous.ended = true;
		previous.disconnectionAt = at;
		store.touchSubscription(previous, at);
	}
	const characteristics = order.fields.characteristics ? { ...order.fields.characteristics } : undefined;
	if (characteristics && characteristics.fixedIp === true && !characteristics.ipAddress && !characteristics.ipAddresses) {
		characteristics.ipAddress = [poolAddress(order.subscriptionId)];
	}
	store.addSubscription({
		subscriptionId: order.subscriptionId,
		accessId: order.accessId,
		spId: order.spId,
		service: order.service,
		operationalState: 'ACTIVATED',
		spReference: order.fields.spReference,
		spSubscriptionId: order.fields.spSubscriptionId,
		characteristics,
		equipment: order.fields.equipment,
		connectedAt: at,
		ended: false,
		lastModified: at,
	});
	return SUCCESS;
}

function changeSubscription(store: ExecutionStore, order: OrderRecord, at: number): OrderOutcome {
	const subscription = activeSubscription(store, order);
	if (!subscription) return failed(`Subscription ${order.subscriptionId} is no longer active`);
	const fields = order.fields;
	switch (fields.operation) {
		case 'SUSPEND':
			subscription.operationalState = 'SUSPENDED';
			if (fields.externalNote) subscription.note = fields.externalNote;
			break;
		case 'RESUME':
			subscription.operationalState = 'ACTIVATED';
			subscription.note = undefined;
			break;
		case 'CHANGE': {
			const access = store.access(subscription.accessId);
			if (!access?.services.some((offer) => offer.service === order.service)) {
				return failed('The service type is no longer available for this access');
			}
			subscription.service = order.service;
			break;
		}
		case 'MODIFY':
			break;
		default:
			return failed(`Operation ${fields.operation} cannot change a subscription`);
	}
	// Every subscription operation may carry new SP references / settings (2.5: "update with new parameters").
	if (fields.spReference !== undefined) subscription.spReference = fields.spReference;
	if (fields.spSubscriptionId !== undefined) subscription.spSubscriptionId = fields.spSubscriptionId;
	if (fields.characteristics !== undefined) subscription.characteristics = { ...fields.characteristics };
	if (fields.equipment !== undefined) subscription.equipment = fields.equipment;
	store.touchSubscription(subscription, at);
	return SUCCESS;
}
