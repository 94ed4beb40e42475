import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { rawOutputOption, showFor, sinceField, statusOptions } from '../../descriptions/fields';
import { ordersFromPayload } from '../../helpers/normalize';
import { requireApiDate } from '../../helpers/validate';
import { callTjansteguiden } from '../../transport/request';

export const description: INodeProperties[] = [
	sinceField('order', 'Return orders created on this date or later'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor('order', ['getMany']),
		options: [
			rawOutputOption,
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: statusOptions,
				default: [],
				description: 'Return only orders with these statuses (filtered after the API answers). Empty: all.',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const date = requireApiDate(this.getNode(), itemIndex, 'Since', this.getNodeParameter('since', itemIndex, ''));
	const options = this.getNodeParameter('options', itemIndex, {}) as { rawOutput?: boolean; statuses?: string[] };
	const envelope = await callTjansteguiden(this, 'orders', { date }, itemIndex);
	if (options.rawOutput) return [{ json: envelope.document as IDataObject }];
	const statuses = options.statuses ?? [];
	return ordersFromPayload(envelope.payload as IDataObject)
		.filter((order) => statuses.length === 0 || statuses.includes(String(order.status)))
		.map((order) => ({ json: order }));
}
