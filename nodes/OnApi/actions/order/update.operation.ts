/**
 * Order → Update: `PATCH orders/{orderId}` with the changed fields, while the order is RECEIVED.
 * The output is the order as the operator has it afterwards, with `updated: true`.
 */
import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../../../shared/router';
import {
	characteristicsField,
	equipmentField,
	orderIdField,
	requestedDateTimeField,
	spReferenceField,
	spSubscriptionIdField,
} from '../../descriptions/orderFields';
import { checkedBody, onApiId } from '../../helpers/fieldChecks';
import { buildOrderPatch, type OrderInput } from '../../helpers/orderBody';
import { fetchReceivedOrder } from '../../orders/receivedOrder';
import type { OnApiClient } from '../../transport/client';

export const description: INodeProperties[] = [
	orderIdField('update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show: { resource: ['order'], operation: ['update'] } },
		default: {},
		options: [
			characteristicsField,
			equipmentField,
			{
				displayName: 'External Note',
				name: 'externalNote',
				type: 'string',
				default: '',
				description: 'Text the operator may show the end customer (at most 255 characters)',
			},
			requestedDateTimeField,
			{
				displayName: 'Service',
				name: 'service',
				type: 'string',
				default: '',
				placeholder: 'e.g. BB-250-250',
				description: 'Another service for the order',
			},
			spReferenceField,
			spSubscriptionIdField,
		],
	},
];

export const execute: Operation<OnApiClient>['execute'] = async function (itemIndex, client) {
	const orderId = onApiId.call(this, itemIndex, 'orderId', this.getNodeParameter('orderId', itemIndex));
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as OrderInput;
	const body = checkedBody.call(this, itemIndex, 'Update Fields', buildOrderPatch(fields, this.getTimezone()));
	await fetchReceivedOrder.call(this, itemIndex, client, orderId, 'update');
	await client.orders.patch(orderId, body);
	return [{ ...(await client.orders.get(orderId)), updated: true }];
};
