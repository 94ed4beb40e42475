import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { orderIdField, showFor, statusOptions } from '../../descriptions/fields';
import { messageFromPayload } from '../../helpers/normalize';
import { requireNumericId, requireStatus } from '../../helpers/validate';
import { callTjansteguiden } from '../../transport/request';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const id = requireNumericId(node, itemIndex, 'Order ID', this.getNodeParameter('orderId', itemIndex));
	const status = requireStatus(node, itemIndex, this.getNodeParameter('status', itemIndex));
	const envelope = await callTjansteguiden(this, 'set_status', { id, status }, itemIndex);
	return [
		{
			json: {
				success: true,
				orderId: id,
				status,
				message: messageFromPayload(envelope.payload as IDataObject) ?? `Status changed to ${status}`,
			},
		},
	];
}
