/** Order → Resume: `POST orders/` with operation RESUME, lifting a suspension. */
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

const show = { resource: ['order'], operation: ['resume'] };

export const description: INodeProperties[] = [
	subscriptionIdField('resume'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show },
		default: {},
		options: [
			optionalAccessIdField,
			requestedDateTimeField,
			optionalServiceField,
			spReferenceField,
			spSubscriptionIdField,
		],
	},
];

export const execute: OperationExecute = async function (itemIndex, connection) {
	const input = readOrderInput.call(this, itemIndex, ['subscriptionId']);
	return await placeOrder.call(this, itemIndex, connection, 'RESUME', input);
};
