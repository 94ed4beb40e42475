/** The resources the node offers, the operations behind each (resource → operation), and their fields. */
import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../shared/router';
import type { OnApiClient } from '../transport/client';
import * as access from './access/access.resource';
import * as endpoint from './endpoint/endpoint.resource';
import * as order from './order/order.resource';
import * as orderEvent from './orderEvent/orderEvent.resource';
import * as service from './service/service.resource';
import * as subscription from './subscription/subscription.resource';

export const resources: Record<string, ResourceOperations<OnApiClient>> = {
	access: access.operations,
	endpoint: endpoint.operations,
	order: order.operations,
	orderEvent: orderEvent.operations,
	service: service.operations,
	subscription: subscription.operations,
};

const PORTAL_OPERATIONS: Record<string, string[]> = {
	access: access.portalOperations,
	endpoint: endpoint.portalOperations,
	service: service.portalOperations,
};

/** Stadsnätsportalen's ON-API is read-only: endpoints, accesses and the services in accesses. */
export function servedOnPortal(resource: string, operation: string): boolean {
	return PORTAL_OPERATIONS[resource]?.includes(operation) ?? false;
}

/** Incremental reads pass a cursor (Last-Modified, event ID) from one item to the next. */
export function readsWithCursor(resource: string, operation: string): boolean {
	return operation === 'getMany' && (resource === 'access' || resource === 'orderEvent');
}

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Access', value: 'access' },
		{ name: 'Endpoint', value: 'endpoint' },
		{ name: 'Order', value: 'order' },
		{ name: 'Order Event', value: 'orderEvent' },
		{ name: 'Service', value: 'service' },
		{ name: 'Subscription', value: 'subscription' },
	],
	default: 'order',
};

export const properties: INodeProperties[] = [
	resourceProperty,
	...access.description,
	...endpoint.description,
	...order.description,
	...orderEvent.description,
	...service.description,
	...subscription.description,
];
