import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { rawOutputOption, showFor, sinceField, statusOptions } from '../../descriptions/fields';
import { requireApiDate } from '../../helpers/inputChecks';
import type { TjansteguidenClient } from '../../transport/client';

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

export async function execute(this: IExecuteFunctions, itemIndex: number, client: TjansteguidenClient): Promise<IDataObject[]> {
	const date = requireApiDate.call(this, itemIndex, 'Since', this.getNodeParameter('since', itemIndex, ''));
	const options = this.getNodeParameter('options', itemIndex, {}) as { rawOutput?: boolean; statuses?: string[] };
	if (options.rawOutput) return [await client.raw('orders', { date })];
	const statuses = options.statuses ?? [];
	const orders = await client.call('orders', { date });
	return orders.filter((order) => statuses.length === 0 || statuses.includes(String(order.status)));
}
