import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { orderIdField, rawOutputOption, showFor } from '../../descriptions/fields';
import { logEntriesFromPayload } from '../../helpers/normalize';
import { requireNumericId } from '../../helpers/validate';
import { callTjansteguiden } from '../../transport/request';

export const description: INodeProperties[] = [
	orderIdField(['getLog']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor('order', ['getLog']),
		options: [rawOutputOption],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = requireNumericId(this.getNode(), itemIndex, 'Order ID', this.getNodeParameter('orderId', itemIndex));
	const options = this.getNodeParameter('options', itemIndex, {}) as { rawOutput?: boolean };
	const envelope = await callTjansteguiden(this, 'order_log', { id }, itemIndex);
	if (options.rawOutput) return [{ json: envelope.document as IDataObject }];
	// Each entry names its order, so entries of several orders can be told apart downstream.
	return logEntriesFromPayload(envelope.payload as IDataObject).map((entry) => ({ json: { orderId: id, ...entry } }));
}
