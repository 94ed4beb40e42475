import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageTypeOptions, orderIdField, showFor } from '../../descriptions/fields';
import { messageFromPayload } from '../../helpers/normalize';
import { requireMessage, requireMessageType, requireNumericId } from '../../helpers/validate';
import { callTjansteguiden } from '../../transport/request';

export const description: INodeProperties[] = [
	orderIdField(['addMessage']),
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		required: true,
		options: messageTypeOptions,
		default: 'log',
		displayOptions: showFor('order', ['addMessage']),
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		typeOptions: { rows: 3 },
		default: '',
		description:
			"The text to log on the order. The network operator can read it, but do not rely on it being watched: flag the order for follow-up in your own system too.",
		displayOptions: showFor('order', ['addMessage']),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const id = requireNumericId(node, itemIndex, 'Order ID', this.getNodeParameter('orderId', itemIndex));
	const type = requireMessageType(node, itemIndex, this.getNodeParameter('messageType', itemIndex));
	const message = requireMessage(node, itemIndex, this.getNodeParameter('message', itemIndex));
	const envelope = await callTjansteguiden(this, 'add_message', { id, type, message }, itemIndex);
	return [
		{
			json: {
				success: true,
				orderId: id,
				messageType: type,
				message,
				apiMessage: messageFromPayload(envelope.payload as IDataObject) ?? 'Message added',
			},
		},
	];
}
