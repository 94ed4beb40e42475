/** Order → Get: `GET orders/{orderId}`, optionally waiting until it is finished. */
import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../../../shared/router';
import { orderIdField } from '../../descriptions/orderFields';
import { onApiId } from '../../helpers/fieldChecks';
import { readWaitOptions, waitForCompletion } from '../../orders/waitForCompletion';
import type { OnApiClient } from '../../transport/client';

export const description: INodeProperties[] = [orderIdField('get')];

export const execute: Operation<OnApiClient>['execute'] = async function (itemIndex, client) {
	const orderId = onApiId.call(this, itemIndex, 'orderId', this.getNodeParameter('orderId', itemIndex));
	const waitOptions = readWaitOptions.call(this, itemIndex);
	const order = await client.orders.get(orderId);
	if (!waitOptions) return [order];
	return [await waitForCompletion.call(this, itemIndex, client, order, waitOptions, { justFetched: true })];
};
