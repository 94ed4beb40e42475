/**
 * Orders can only be updated or cancelled while RECEIVED (orders.md). Checking first gives a clear
 * error instead of whatever the operator answers for a late change.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OnApiClient } from '../transport/client';

export async function fetchReceivedOrder(
	this: IExecuteFunctions,
	itemIndex: number,
	client: OnApiClient,
	orderId: string,
	action: 'update' | 'cancel',
): Promise<IDataObject> {
	const order = await client.orders.get(orderId);
	if (order.state !== 'RECEIVED') {
		throw new NodeOperationError(
			this.getNode(),
			`Cannot ${action} order ${orderId}: it is ${String(order.state ?? 'in an unknown state')}, and only RECEIVED orders can be changed`,
			{ itemIndex, description: 'Once the operator has started an order (IN_PROGRESS) or finished it, it can no longer be updated or cancelled.' },
		);
	}
	return order;
}
