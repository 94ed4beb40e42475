/**
 * Order → Get Many: `GET orders/` (the spec: "all unfinished orders"), optionally for one access
 * or in one state. The filters are also applied to the answer, for operators that ignore them.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { normaliseOrder } from '../../helpers/normaliseOrder';
import { locateEndpoint } from '../../transport/discovery';
import { onApiRequest } from '../../transport/request';
import { optionalId } from '../common/fieldErrors';
import { accessIdFilter, filtersFor } from '../common/filters';
import { applyLimit, isObject, returnAllFields } from '../common/returnAll';
import type { OperationExecute } from '../types';

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

export const execute: OperationExecute = async function (itemIndex, connection) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const accessId = optionalId.call(this, 'accessId', filters.accessId, itemIndex);
	const state = typeof filters.state === 'string' && filters.state !== '' ? filters.state : undefined;
	const qs: IDataObject = {};
	if (accessId !== undefined) qs.accessId = accessId;
	if (state !== undefined) qs.state = state;

	const orders = await locateEndpoint.call(this, connection, 'orders', itemIndex);
	const response = await onApiRequest.call(this, {
		method: 'GET',
		url: orders.url,
		qs,
		purpose: 'read',
		retryServerErrors: true,
		acceptStatuses: [404],
		itemIndex,
	});
	if (response.statusCode === 404 || !Array.isArray(response.body)) return [];
	const matching = response.body
		.filter(isObject)
		.map((order) => normaliseOrder(order))
		.filter((order) => (accessId === undefined || order.accessId === accessId) && (state === undefined || order.state === state));
	return applyLimit.call(this, itemIndex, matching);
};
