/** Order → Modify: `POST orders/` with operation MODIFY, updating your references (2.5+: and parameters). */
import type { INodeProperties } from 'n8n-workflow';
import type { OperationExecute } from '../types';
import {
	characteristicsField,
	equipmentField,
	optionalAccessIdField,
	optionalServiceField,
	requestedDateTimeField,
	spReferenceField,
	spSubscriptionIdField,
	subscriptionIdField,
} from './orderFields';
import { placeOrder, readOrderInput } from './placeOrder';

const show = { resource: ['order'], operation: ['modify'] };

export const description: INodeProperties[] = [
	subscriptionIdField('modify'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show },
		default: {},
		options: [
			optionalAccessIdField,
			{ ...characteristicsField, description: 'New settings for the subscription (ON-API 2.5 and later)' },
			{ ...equipmentField, description: 'New equipment for the subscription (ON-API 2.5 and later)' },
			requestedDateTimeField,
			optionalServiceField,
			spReferenceField,
			spSubscriptionIdField,
		],
	},
];

export const execute: OperationExecute = async function (itemIndex, connection) {
	const input = readOrderInput.call(this, itemIndex, ['subscriptionId']);
	return await placeOrder.call(this, itemIndex, connection, 'MODIFY', input);
};
