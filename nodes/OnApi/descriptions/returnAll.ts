/** "Return All" and "Limit", as every Get Many in n8n has them. The ON-API itself does not page. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export function returnAllFields(resource: string, operation: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show: { resource: [resource], operation: [operation] } },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { resource: [resource], operation: [operation], returnAll: [false] } },
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/** Cuts the list to the limit unless Return All is on. */
export function applyLimit(this: IExecuteFunctions, itemIndex: number, list: IDataObject[]): IDataObject[] {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return list;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	return list.length > limit ? list.slice(0, limit) : list;
}
