/** Order → Suspend: `POST orders/` with operation SUSPEND, blocking a subscription for a while. */
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

const show = { resource: ['order'], operation: ['suspend'] };

export const description: INodeProperties[] = [
	subscriptionIdField('suspend'),
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
		],
	},
];

export const execute: OperationExecute = async function (itemIndex, connection) {
	const input = readOrderInput.call(this, itemIndex, ['subscriptionId']);
	return await placeOrder.call(this, itemIndex, connection, 'SUSPEND', input);
};
