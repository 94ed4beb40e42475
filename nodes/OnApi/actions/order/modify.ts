/** Order → Modify: `POST orders/` with operation MODIFY, updating your references (2.5+: and parameters). */
import type { INodeProperties } from 'n8n-workflow';
import {
	additionalFieldsFor,
	characteristicsField,
	equipmentField,
	optionalAccessIdField,
	optionalServiceField,
	requestedDateTimeField,
	spReferenceField,
	spSubscriptionIdField,
	subscriptionIdField,
} from './orderFields';
import { placeOrderOperation } from './placeOrder';

export const description: INodeProperties[] = [
	subscriptionIdField('modify'),
	additionalFieldsFor('modify', [
		optionalAccessIdField,
		{ ...characteristicsField, description: 'New settings for the subscription (ON-API 2.5 and later)' },
		{ ...equipmentField, description: 'New equipment for the subscription (ON-API 2.5 and later)' },
		requestedDateTimeField,
		optionalServiceField,
		spReferenceField,
		spSubscriptionIdField,
	]),
];

export const execute = placeOrderOperation('MODIFY', ['subscriptionId']);
