/** Order → Cancel: `DELETE orders/{orderId}`, only while the order is RECEIVED. */
import type { INodeProperties } from 'n8n-workflow';
import { itemUrl } from '../../transport/apiRoot';
import { locateEndpoint } from '../../transport/discovery';
import { onApiRequest } from '../../transport/request';
import { requireId } from '../common/fieldErrors';
import type { OperationExecute } from '../types';
import { orderIdField } from './orderIdField';
import { fetchReceivedOrder } from './orderMustBeReceived';

export const description: INodeProperties[] = [orderIdField('cancel')];

export const execute: OperationExecute = async function (itemIndex, connection) {
	const orderId = requireId.call(this, 'orderId', this.getNodeParameter('orderId', itemIndex), itemIndex);
	const orders = await locateEndpoint.call(this, connection, 'orders', itemIndex);
	const url = itemUrl(orders.url, orderId);
	const order = await fetchReceivedOrder.call(this, url, orderId, 'cancel', itemIndex);
	await onApiRequest.call(this, {
		method: 'DELETE',
		url,
		purpose: 'change',
		retryServerErrors: false,
		itemIndex,
	});
	return [{ success: true, orderId, cancelled: true, operation: order.operation ?? null }];
};
