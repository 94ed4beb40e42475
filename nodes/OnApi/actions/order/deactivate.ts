/** Order → Deactivate: `POST orders/` with operation DEACTIVATE, ending a subscription. */
import type { INodeProperties } from 'n8n-workflow';
import type { OperationExecute } from '../types';
import {
	optionalAccessIdField,
	optionalServiceField,
	requestedDateTimeField,
	spReferenceField,
	spSubscriptionIdField,
	subscriptionIdField,
} from './orderFields';
import { placeOrder, readOrderInput } from './placeOrder';

const show = { resource: ['order'], operation: ['deactivate'] };

export const description: INodeProperties[] = [
	subscriptionIdField('deactivate'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show },
		default: {},
		options: [
			optionalAccessIdField,
			{
				...requestedDateTimeField,
				description: `${requestedDateTimeField.description} For a notice period, order today with the end of the period here.`,
			},
			optionalServiceField,
			spReferenceField,
			spSubscriptionIdField,
		],
	},
];

export const execute: OperationExecute = async function (itemIndex, connection) {
	const input = readOrderInput.call(this, itemIndex, ['subscriptionId']);
	return await placeOrder.call(this, itemIndex, connection, 'DEACTIVATE', input);
};
