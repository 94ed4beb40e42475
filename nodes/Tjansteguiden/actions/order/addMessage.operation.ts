import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { messageTypeOptions, orderIdField, showFor } from '../../descriptions/fields';
import { requireMessage, requireMessageType, requireNumericId } from '../../helpers/inputChecks';
import type { TjansteguidenClient } from '../../transport/client';

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

export async function execute(this: IExecuteFunctions, itemIndex: number, client: TjansteguidenClient): Promise<IDataObject[]> {
	const id = requireNumericId.call(this, itemIndex, 'Order ID', this.getNodeParameter('orderId', itemIndex));
	const type = requireMessageType.call(this, itemIndex, 'Message Type', this.getNodeParameter('messageType', itemIndex));
	const message = requireMessage.call(this, itemIndex, 'Message', this.getNodeParameter('message', itemIndex));
	const apiMessage = await client.call('add_message', { id, type, message });
	return [{ success: true, orderId: id, messageType: type, message, apiMessage: apiMessage ?? 'Message added' }];
}
