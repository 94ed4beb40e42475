/** The "Filters" collection of a Get Many, and the Access ID filter that orders and subscriptions share. */
import type { INodeProperties } from 'n8n-workflow';

export function filtersFor(resource: string, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show: { resource: [resource], operation: ['getMany'] } },
		default: {},
		options,
	};
}

export function accessIdFilter(description: string): INodeProperties {
	return {
		displayName: 'Access ID',
		name: 'accessId',
		type: 'string',
		default: '',
		description,
	};
}
