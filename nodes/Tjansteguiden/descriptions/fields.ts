import type { INodeProperties } from 'n8n-workflow';

import { MESSAGE_TYPES, ORDER_STATUSES } from '../helpers/vocabulary';

/** Display options for one resource and a set of its operations. */
export function showFor(resource: string, operations: string[]): INodeProperties['displayOptions'] {
	return { show: { resource: [resource], operation: operations } };
}

export function orderIdField(operations: string[]): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 19530',
		description: 'The numeric ID of the Tjänsteguiden order',
		displayOptions: showFor('order', operations),
	};
}

export function sinceField(resource: string, description: string): INodeProperties {
	return {
		displayName: 'Since',
		name: 'since',
		type: 'string',
		default: '',
		placeholder: 'YYYY-MM-DD (empty: today)',
		description,
		hint: 'A date in Swedish time. Leave empty for today; an expression such as {{ $today.minus({ days: 7 }).toISODate() }} also works.',
		displayOptions: showFor(resource, ['getMany']),
	};
}

export const statusOptions = ORDER_STATUSES.map((status) => ({
	name: status.charAt(0).toUpperCase() + status.slice(1),
	value: status,
	description: {
		new: 'The order is new and unhandled',
		received: 'The service provider has received the order',
		active: 'The order is being handled',
		waiting: 'The order waits for an action by the other party',
		cancelled: 'The order has been cancelled',
		delivered: 'The service has been delivered to the end customer',
	}[status],
}));

export const messageTypeOptions = MESSAGE_TYPES.map((type) => ({
	name: type.charAt(0).toUpperCase() + type.slice(1),
	value: type,
	description: {
		error: 'An error message',
		alert: 'Important information about the order',
		system: "A system message from the service provider's order system",
		log: 'A general message',
	}[type],
}));

export const rawOutputOption: INodeProperties = {
	displayName: 'Raw Output',
	name: 'rawOutput',
	type: 'boolean',
	default: false,
	description: 'Whether to return the parsed XML answer unchanged instead of clean JSON items',
};

export const includePersonalDataOption: INodeProperties = {
	displayName: 'Include Personal Data',
	name: 'includePersonalData',
	type: 'boolean',
	default: false,
	description:
		'Whether to include the personal identity number, e-mail address and phone number. Off by default so that they are not stored in execution logs unless needed.',
};
