/**
 * Order → Update: `PATCH orders/{orderId}` with the changed fields, while the order is RECEIVED.
 * The output is the order as the operator has it afterwards, with `updated: true`.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { buildOrderPatch, type OrderInput } from '../../helpers/orderBody';
import { itemUrl } from '../../transport/apiRoot';
import { locateEndpoint } from '../../transport/discovery';
import { onApiRequest } from '../../transport/request';
import { requireId, throwIfProblems } from '../common/fieldErrors';
import type { OperationExecute } from '../types';
import { orderIdField } from './orderIdField';
import { fetchReceivedOrder } from './orderMustBeReceived';
import {
	characteristicsField,
	equipmentField,
	requestedDateTimeField,
	spReferenceField,
	spSubscriptionIdField,
} from './orderFields';
import { assertSupported } from './placeOrder';
import { fetchOrder } from './waitForCompletion';

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

export const execute: OperationExecute = async function (itemIndex, connection) {
	const orderId = requireId.call(this, 'orderId', this.getNodeParameter('orderId', itemIndex), itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const { body, problems } = buildOrderPatch(fields as OrderInput, this.getTimezone());
	throwIfProblems.call(this, problems, itemIndex);

	const orders = await locateEndpoint.call(this, connection, 'orders', itemIndex);
	assertSupported.call(this, body, orders.unsupportedFields, itemIndex);
	const url = itemUrl(orders.url, orderId);
	await fetchReceivedOrder.call(this, url, orderId, 'update', itemIndex);
	await onApiRequest.call(this, {
		method: 'PATCH',
		url,
		body,
		purpose: 'change',
		retryServerErrors: false,
		itemIndex,
	});
	const order = await fetchOrder.call(this, url, itemIndex);
	if (order.orderId === undefined) order.orderId = orderId;
	return [{ ...order, updated: true }];
};
