/** Order → Suspend: `POST orders/` with operation SUSPEND, blocking a subscription for a while. */
import type { INodeProperties } from 'n8n-workflow';
import {
	additionalFieldsFor,
	optionalAccessIdField,
	optionalServiceField,
	requestedDateTimeField,
	spReferenceField,
	spSubscriptionIdField,
	subscriptionIdField,
} from './orderFields';
import { placeOrderOperation } from './placeOrder';

export const description: INodeProperties[] = [
	subscriptionIdField('suspend'),
	additionalFieldsFor('suspend', [
		optionalAccessIdField,
		{
			displayName: 'External Note',
			name: 'externalNote',
			type: 'string',
			default: '',
			placeholder: 'e.g. Your service is blocked due to outstanding payment',
			description: 'Text the operator may show the end customer (at most 255 characters)',
		},
		requestedDateTimeField,
		optionalServiceField,
		spReferenceField,
		spSubscriptionIdField,
	]),
];

export const execute = placeOrderOperation('SUSPEND', ['subscriptionId']);
