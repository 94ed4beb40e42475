import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { includePersonalDataOption, orderIdField, rawOutputOption, showFor } from '../../descriptions/fields';
import { requireNumericId } from '../../helpers/inputChecks';
import { applyPersonalDataChoice } from '../../helpers/personalData';
import type { TjansteguidenClient } from '../../transport/client';

export const description: INodeProperties[] = [
	orderIdField(['get']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor('order', ['get']),
		options: [includePersonalDataOption, rawOutputOption],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: TjansteguidenClient): Promise<IDataObject[]> {
	const id = requireNumericId.call(this, itemIndex, 'Order ID', this.getNodeParameter('orderId', itemIndex));
	const options = this.getNodeParameter('options', itemIndex, {}) as { includePersonalData?: boolean; rawOutput?: boolean };
	const include = options.includePersonalData === true;
	if (options.rawOutput) return [applyPersonalDataChoice(await client.raw('order_info', { id }), include)];
	return [applyPersonalDataChoice(await client.call('order_info', { id }), include)];
}
