/** Order → Change: `POST orders/` with operation CHANGE, moving a subscription to another service. */
import type { INodeProperties } from 'n8n-workflow';
import type { OperationExecute } from '../types';
import {
	characteristicsField,
	equipmentField,
	optionalAccessIdField,
	requestedDateTimeField,
	spReferenceField,
	spSubscriptionIdField,
	subscriptionIdField,
} from './orderFields';
import { placeOrder, readOrderInput } from './placeOrder';

const show = { resource: ['order'], operation: ['change'] };

export const description: INodeProperties[] = [
	subscriptionIdField('change'),
	{
		displayName: 'Service',
		name: 'service',
		type: 'string',
		required: true,
		displayOptions: { show },
		default: '',
		placeholder: 'e.g. BB-1000-1000',
		description: 'The service to change to',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show },
		default: {},
		options: [
			optionalAccessIdField,
			characteristicsField,
			equipmentField,
			requestedDateTimeField,
			spReferenceField,
			spSubscriptionIdField,
		],
	},
];

export const execute: OperationExecute = async function (itemIndex, connection) {
	const input = readOrderInput.call(this, itemIndex, ['subscriptionId', 'service']);
	return await placeOrder.call(this, itemIndex, connection, 'CHANGE', input);
};
