/** Order → Get: `GET orders/{orderId}`, optionally waiting until it is finished. */
import type { INodeProperties } from 'n8n-workflow';
import { locateEndpoint } from '../../transport/discovery';
import { itemUrl } from '../../transport/apiRoot';
import { requireId } from '../common/fieldErrors';
import type { OperationExecute } from '../types';
import { orderIdField } from './orderIdField';
import { fetchOrder, readWaitOptions, waitForCompletion } from './waitForCompletion';

export const description: INodeProperties[] = [orderIdField('get')];

export const execute: OperationExecute = async function (itemIndex, connection) {
	const orderId = requireId.call(this, 'orderId', this.getNodeParameter('orderId', itemIndex), itemIndex);
	const waitOptions = readWaitOptions.call(this, itemIndex);
	const orders = await locateEndpoint.call(this, connection, 'orders', itemIndex);
	const order = await fetchOrder.call(this, itemUrl(orders.url, orderId), itemIndex);
	if (order.orderId === undefined) order.orderId = orderId;
	if (!waitOptions) return [order];
	return [await waitForCompletion.call(this, connection, orders.url, order, waitOptions, itemIndex, { justFetched: true })];
};
