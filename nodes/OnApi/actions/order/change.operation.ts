/** Order → Change: `POST orders/` with operation CHANGE, moving a subscription to another service. */
import type { INodeProperties } from 'n8n-workflow';
import {
	additionalFieldsFor,
	characteristicsField,
	equipmentField,
	optionalAccessIdField,
	requestedDateTimeField,
	spReferenceField,
	spSubscriptionIdField,
	subscriptionIdField,
} from '../../descriptions/orderFields';
import { placeOrderOperation } from '../../orders/placeOrder';

export const description: INodeProperties[] = [
	subscriptionIdField('change'),
	{
		displayName: 'Service',
		name: 'service',
		type: 'string',
		required: true,
		displayOptions: { show: { resource: ['order'], operation: ['change'] } },
		default: '',
		placeholder: 'e.g. BB-1000-1000',
		description: 'The service to change to',
	},
	additionalFieldsFor('change', [
		optionalAccessIdField,
		characteristicsField,
		equipmentField,
		requestedDateTimeField,
		spReferenceField,
		spSubscriptionIdField,
	]),
];

export const execute = placeOrderOperation('CHANGE', ['subscriptionId', 'service']);
