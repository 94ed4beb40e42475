/** The resources the node offers and the operation modules behind each (resource → operation). */
import type { INodeProperties } from 'n8n-workflow';
import * as access from './access';
import * as endpoint from './endpoint';
import * as order from './order';
import * as orderEvent from './orderEvent';
import * as service from './service';
import * as subscription from './subscription';
import type { OperationModule } from './types';

export const operationsByResource: Record<string, Record<string, OperationModule>> = {
	access: access.operations,
	endpoint: endpoint.operations,
	order: order.operations,
	orderEvent: orderEvent.operations,
	service: service.operations,
	subscription: subscription.operations,
};

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
