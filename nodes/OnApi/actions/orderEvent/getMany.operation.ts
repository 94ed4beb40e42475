/**
 * Order Event → Get Many: `GET orderevents/?since={event}`. Events are immutable and in order,
 * oldest first; the last item's `event` is the cursor for the next call.
 */
import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../../../shared/router';
import { applyLimit, returnAllFields } from '../../descriptions/returnAll';
import { optionalOnApiId } from '../../helpers/fieldChecks';
import type { OnApiClient } from '../../transport/client';

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

export const execute: Operation<OnApiClient>['execute'] = async function (itemIndex, client) {
	const since = optionalOnApiId.call(this, itemIndex, 'since', this.getNodeParameter('since', itemIndex, ''));
	return applyLimit.call(this, itemIndex, await client.orderEvents.list(since));
};
