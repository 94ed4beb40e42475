/**
 * Order → Get Many: `GET orders/` (the spec: "all unfinished orders"), optionally for one access
 * or in one state. The filters are also applied to the answer, for operators that ignore them.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { Operation } from '../../../shared/router';
import { accessIdFilter, filtersFor } from '../../descriptions/filters';
import { applyLimit, returnAllFields } from '../../descriptions/returnAll';
import { optionalOnApiId } from '../../helpers/fieldChecks';
import type { OnApiClient } from '../../transport/client';

export const description: INodeProperties[] = [
	...returnAllFields('order', 'getMany'),
	filtersFor('order', [
		accessIdFilter('Only orders for this access'),
		{
			displayName: 'State',
			name: 'state',
			type: 'options',
			options: [
				{ name: 'Done Failed', value: 'DONE_FAILED' },
				{ name: 'Done Success', value: 'DONE_SUCCESS' },
				{ name: 'In Progress', value: 'IN_PROGRESS' },
				{ name: 'Received', value: 'RECEIVED' },
			],
			default: 'RECEIVED',
			description: 'Only orders in this state',
		},
	]),
];

export const execute: Operation<OnApiClient>['execute'] = async function (itemIndex, client) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const accessId = optionalOnApiId.call(this, itemIndex, 'accessId', filters.accessId);
	const state = typeof filters.state === 'string' && filters.state !== '' ? filters.state : undefined;
	return applyLimit.call(this, itemIndex, await client.orders.list({ accessId, state }));
};
