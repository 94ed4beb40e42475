import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { orderIdField, rawOutputOption, showFor } from '../../descriptions/fields';
import { orderInfoFromPayload } from '../../helpers/normalize';
import { requireNumericId } from '../../helpers/validate';
import { callTjansteguiden } from '../../transport/request';

export const description: INodeProperties[] = [
	orderIdField(['get']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor('order', ['get']),
		options: [rawOutputOption],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = requireNumericId(this.getNode(), itemIndex, 'Order ID', this.getNodeParameter('orderId', itemIndex));
	const options = this.getNodeParameter('options', itemIndex, {}) as { rawOutput?: boolean };
	const envelope = await callTjansteguiden(this, 'order_info', { id }, itemIndex);
	if (options.rawOutput) return [{ json: envelope.document as IDataObject }];
	return [{ json: orderInfoFromPayload(envelope.payload as IDataObject) }];
}
