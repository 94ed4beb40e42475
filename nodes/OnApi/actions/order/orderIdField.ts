import type { INodeProperties } from 'n8n-workflow';

export function orderIdField(operation: string): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		displayOptions: { show: { resource: ['order'], operation: [operation] } },
		default: '',
		description: 'The operator\'s ID of the order (orderId in the order\'s output)',
	};
}
