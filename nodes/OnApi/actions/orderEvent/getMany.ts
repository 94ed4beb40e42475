/**
 * Order Event → Get Many: `GET orderevents/?since={event}`. Events are immutable and in order,
 * oldest first; the last item's `event` is the cursor for the next call.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { normaliseOrder } from '../../helpers/normaliseOrder';
import { locateEndpoint } from '../../transport/discovery';
import { onApiRequest } from '../../transport/request';
import { optionalId } from '../common/fieldErrors';
import { applyLimit, isObject, returnAllFields } from '../common/returnAll';
import type { OperationExecute } from '../types';

export const description: INodeProperties[] = [
	{
		displayName: 'Since Event',
		name: 'since',
		type: 'string',
		displayOptions: { show: { resource: ['orderEvent'], operation: ['getMany'] } },
		default: '',
		placeholder: 'e.g. 2a6d6432e59d11e39a523c970e806452',
		description: 'Only events after this one (the event of the last item of the previous call). Empty: all stored events.',
	},
	...returnAllFields('orderEvent', 'getMany'),
];

export const execute: OperationExecute = async function (itemIndex, connection) {
	const since = optionalId.call(this, 'since', this.getNodeParameter('since', itemIndex, ''), itemIndex);
	const endpoint = await locateEndpoint.call(this, connection, 'orderevents', itemIndex);
	const response = await onApiRequest.call(this, {
		method: 'GET',
		url: endpoint.url,
		qs: since === undefined ? undefined : { since },
		purpose: 'read',
		retryServerErrors: true,
		acceptStatuses: [404],
		itemIndex,
	});
	if (response.statusCode === 404 || !Array.isArray(response.body)) return [];
	const events: IDataObject[] = response.body.filter(isObject);
	for (const event of events) {
		if (event.order !== undefined) event.order = normaliseOrder(event.order);
	}
	return applyLimit.call(this, itemIndex, events);
};
