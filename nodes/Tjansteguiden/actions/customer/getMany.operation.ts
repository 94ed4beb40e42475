import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { includePersonalDataOption, rawOutputOption, showFor, sinceField } from '../../descriptions/fields';
import { requireApiDate } from '../../helpers/inputChecks';
import { applyPersonalDataChoice } from '../../helpers/personalData';
import type { TjansteguidenClient } from '../../transport/client';

export const description: INodeProperties[] = [
	sinceField('customer', 'Return customers created (or edited) on this date or later'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor('customer', ['getMany']),
		options: [includePersonalDataOption, rawOutputOption],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: TjansteguidenClient): Promise<IDataObject[]> {
	const date = requireApiDate.call(this, itemIndex, 'Since', this.getNodeParameter('since', itemIndex, ''));
	const options = this.getNodeParameter('options', itemIndex, {}) as { includePersonalData?: boolean; rawOutput?: boolean };
	const include = options.includePersonalData === true;
	if (options.rawOutput) return [applyPersonalDataChoice(await client.raw('customers', { date }), include)];
	return (await client.call('customers', { date })).map((customer) => applyPersonalDataChoice(customer, include));
}
