/** Order → Cancel: `DELETE orders/{orderId}`, only while the order is RECEIVED. */
import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../../../shared/router';
import { orderIdField } from '../../descriptions/orderFields';
import { onApiId } from '../../helpers/fieldChecks';
import { fetchReceivedOrder } from '../../orders/receivedOrder';
import type { OnApiClient } from '../../transport/client';

export const description: INodeProperties[] = [orderIdField('cancel')];

export const execute: Operation<OnApiClient>['execute'] = async function (itemIndex, client) {
	const orderId = onApiId.call(this, itemIndex, 'orderId', this.getNodeParameter('orderId', itemIndex));
	const order = await fetchReceivedOrder.call(this, itemIndex, client, orderId, 'cancel');
	await client.orders.cancel(orderId);
	return [{ success: true, orderId, cancelled: true, operation: order.operation ?? null }];
};
