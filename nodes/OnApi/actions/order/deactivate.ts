/** Order → Deactivate: `POST orders/` with operation DEACTIVATE, ending a subscription. */
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
	subscriptionIdField('deactivate'),
	additionalFieldsFor('deactivate', [
		optionalAccessIdField,
		{
			...requestedDateTimeField,
			description: `${requestedDateTimeField.description} For a notice period, order today with the end of the period here.`,
		},
		optionalServiceField,
		spReferenceField,
		spSubscriptionIdField,
	]),
];

export const execute = placeOrderOperation('DEACTIVATE', ['subscriptionId']);
