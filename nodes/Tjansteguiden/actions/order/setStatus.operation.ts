import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orderIdField, showFor, statusOptions } from '../../descriptions/fields';
import { requireNumericId, requireStatus } from '../../helpers/inputChecks';
import type { TjansteguidenClient } from '../../transport/client';

export const description: INodeProperties[] = [
	orderIdField(['setStatus']),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		options: statusOptions,
		default: 'received',
		description: 'The new status. Tjänsteguiden also writes a log entry for the change.',
		displayOptions: showFor('order', ['setStatus']),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: TjansteguidenClient): Promise<IDataObject[]> {
	const id = requireNumericId.call(this, itemIndex, 'Order ID', this.getNodeParameter('orderId', itemIndex));
	const status = requireStatus.call(this, itemIndex, 'Status', this.getNodeParameter('status', itemIndex));
	const apiMessage = await client.call('set_status', { id, status });
	return [{ success: true, orderId: id, status, message: apiMessage ?? `Status changed to ${status}` }];
}
