/** Order → Resume: `POST orders/` with operation RESUME, lifting a suspension. */
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
	subscriptionIdField('resume'),
	additionalFieldsFor('resume', [
		optionalAccessIdField,
		requestedDateTimeField,
		optionalServiceField,
		spReferenceField,
		spSubscriptionIdField,
	]),
];

export const execute = placeOrderOperation('RESUME', ['subscriptionId']);
