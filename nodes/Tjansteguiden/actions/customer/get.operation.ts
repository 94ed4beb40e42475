import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { includePersonalDataOption, rawOutputOption, showFor } from '../../descriptions/fields';
import { requireNumericId } from '../../helpers/inputChecks';
import { applyPersonalDataChoice } from '../../helpers/personalData';
import type { TjansteguidenClient } from '../../transport/client';

export const description: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 16745',
		description: 'The numeric customer ID, as in the `customer` field of an order',
		displayOptions: showFor('customer', ['get']),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor('customer', ['get']),
		options: [includePersonalDataOption, rawOutputOption],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: TjansteguidenClient): Promise<IDataObject[]> {
	const id = requireNumericId.call(this, itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex));
	const options = this.getNodeParameter('options', itemIndex, {}) as { includePersonalData?: boolean; rawOutput?: boolean };
	const include = options.includePersonalData === true;
	if (options.rawOutput) return [applyPersonalDataChoice(await client.raw('customer_info', { id }), include)];
	return [applyPersonalDataChoice(await client.call('customer_info', { id }), include)];
}
