import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { includePersonalDataOption, rawOutputOption, showFor, sinceField } from '../../descriptions/fields';
import { customersFromPayload } from '../../helpers/normalize';
import { applyPersonalDataChoice } from '../../helpers/personalData';
import { requireApiDate } from '../../helpers/validate';
import { callTjansteguiden } from '../../transport/request';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const date = requireApiDate(this.getNode(), itemIndex, 'Since', this.getNodeParameter('since', itemIndex, ''));
	const options = this.getNodeParameter('options', itemIndex, {}) as { includePersonalData?: boolean; rawOutput?: boolean };
	const envelope = await callTjansteguiden(this, 'customers', { date }, itemIndex);
	if (options.rawOutput) return [{ json: envelope.document as IDataObject }];
	const include = options.includePersonalData === true;
	return customersFromPayload(envelope.payload as IDataObject).map((customer) => ({
		json: applyPersonalDataChoice(customer, include),
	}));
}
