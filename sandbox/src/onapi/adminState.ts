/** The admin/snapshot view of an operator: everything a test or the demo wants to inspect, minus secrets. */
import { isoDateTime } from './httpResponses';
import type { OperatorStore } from './operatorStore';
import { isFinal } from './operatorStore';
import type { CreateCallCounts, OperatorBehaviour, OrderHistoryEntry, OrderRecord, OrderRequestFields, OrderState } from './types';

export interface AdminOrderView {
	orderId: string;
	spId: string;
	operation: OrderRequestFields['operation'];
	accessId: string;
	service: string;
	subscriptionId: string;
	state: OrderState;
	message: string;
	cancelled: boolean;
	createdAt: string;
	expectedCompletionDate?: string;
	/** Create calls that matched this pending order and were answered 200 with it. */
	duplicateCreates: number;
	request: OrderRequestFields;
	history: OrderHistoryEntry[];
}

export interface AdminSubscriptionView {
	subscriptionId: string;
	accessId: string;
	spId: string;
	service: string;
	operationalState: string;
	ended: boolean;
	spReference?: string;
	spSubscriptionId?: string;
	connectedAt: string;
	disconnectionAt?: string;
	lastModified: string;
}

export interface OperatorAdminState {
	coId: string;
	name: string;
	preferredVersion: string;
	/** Logins without their passwords. */
	users: Array<{ username: string; spId: string }>;
	portalUsers: Array<{ username: string; spId: string }>;
	behaviour: OperatorBehaviour;
	accessCount: number;
	orders: AdminOrderView[];
	subscriptions: AdminSubscriptionView[];
	/** accessId → POST orders/ calls, including duplicates and rejections. */
	createCalls: Record<string, CreateCallCounts>;
	eventCount: number;
}

export interface OnApiAdminState {
	now: string;
	operators: Record<string, OperatorAdminState>;
}

function orderView(store: OperatorStore, order: OrderRecord, cancelled: boolean): AdminOrderView {
	return {
		orderId: order.orderId,
		spId: order.spId,
		operation: order.fields.operation,
		accessId: order.accessId,
		service: order.service,
		subscriptionId: order.subscriptionId,
		state: order.state,
		message: order.message,
		cancelled,
		createdAt: isoDateTime(order.createdAt),
		expectedCompletionDate: cancelled || isFinal(order.state) ? undefined : isoDateTime(store.scheduleOf(order).doneAt),
		duplicateCreates: order.duplicateCreates,
		request: JSON.parse(JSON.stringify(order.fields)) as OrderRequestFields,
		history: order.history.map((entry) => ({ ...entry })),
	};
}

export function operatorAdminState(store: OperatorStore): OperatorAdminState {
	const records = [
		...[...store.allOrders()].map((order) => ({ order, cancelled: false })),
		...store.cancelled().map((order) => ({ order, cancelled: true })),
	].sort((a, b) => a.order.sequence - b.order.sequence);
	const orders = records.map(({ order, cancelled }) => orderView(store, order, cancelled));
	const subscriptions: AdminSubscriptionView[] = [];
	for (const subscription of store.allSubscriptions()) {
			subscriptions.push({
				subscriptionId: subscription.subscriptionId,
				accessId: subscription.accessId,
				spId: subscription.spId,
				service: subscription.service,
				operationalState: subscription.operationalState,
				ended: subscription.ended,
				spReference: subscription.spReference,
				spSubscriptionId: subscription.spSubscriptionId,
				connectedAt: isoDateTime(subscription.connectedAt),
				disconnectionAt: subscription.disconnectionAt === undefined ? undefined : isoDateTime(subscription.disconnectionAt),
				lastModified: isoDateTime(subscription.lastModified),
			});
	}
	const behaviour = JSON.parse(JSON.stringify(store.behaviour)) as OperatorBehaviour;
	return {
		coId: store.coId,
		name: store.name,
		preferredVersion: store.preferredVersion,
		users: store.users.map(({ username, spId }) => ({ username, spId })),
		portalUsers: store.portalUsers.map(({ username, spId }) => ({ username, spId })),
		behaviour,
		accessCount: store.accessCount,
		orders,
		subscriptions,
		createCalls: store.createCallCounts(),
		eventCount: store.eventCount,
	};
}
