import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orderIdField, rawOutputOption, showFor } from '../../descriptions/fields';
import { requireNumericId } from '../../helpers/inputChecks';
import type { TjansteguidenClient } from '../../transport/client';

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

export async function execute(this: IExecuteFunctions, itemIndex: number, client: TjansteguidenClient): Promise<IDataObject[]> {
	const id = requireNumericId.call(this, itemIndex, 'Order ID', this.getNodeParameter('orderId', itemIndex));
	const options = this.getNodeParameter('options', itemIndex, {}) as { rawOutput?: boolean };
	if (options.rawOutput) return [await client.raw('order_log', { id })];
	// Each entry names its order, so entries of several orders can be told apart downstream.
	return (await client.call('order_log', { id })).map((entry) => ({ orderId: id, ...entry }));
}
