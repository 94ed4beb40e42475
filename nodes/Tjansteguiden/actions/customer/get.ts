import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { includePersonalDataOption, rawOutputOption, showFor } from '../../descriptions/fields';
import { customerInfoFromPayload } from '../../helpers/normalize';
import { applyPersonalDataChoice } from '../../helpers/personalData';
import { requireNumericId } from '../../helpers/validate';
import { callTjansteguiden } from '../../transport/request';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = requireNumericId(this.getNode(), itemIndex, 'Customer ID', this.getNodeParameter('customerId', itemIndex));
	const options = this.getNodeParameter('options', itemIndex, {}) as { includePersonalData?: boolean; rawOutput?: boolean };
	const envelope = await callTjansteguiden(this, 'customer_info', { id }, itemIndex);
	if (options.rawOutput) return [{ json: envelope.document as IDataObject }];
	const customer = customerInfoFromPayload(envelope.payload as IDataObject);
	return [{ json: applyPersonalDataChoice(customer, options.includePersonalData === true) }];
}
