/**
 * Subscription → Get. The ON-API has no `subscriptions/{subscriptionId}`; the node reads the
 * access's subscriptions when an Access ID is given (one small request), otherwise the full list.
 */
import type { INodeProperties } from 'n8n-workflow';
import { apiErrorFromResponse } from '../../transport/apiError';
import { optionalId, requireId } from '../common/fieldErrors';
import type { OperationExecute } from '../types';
import { listSubscriptions } from './listSubscriptions';

export const description: INodeProperties[] = [
	{
		displayName: 'Subscription ID',
		name: 'subscriptionId',
		type: 'string',
		required: true,
		displayOptions: { show: { resource: ['subscription'], operation: ['get'] } },
		default: '',
		description: 'The operator\'s ID of the subscription',
	},
	{
		displayName: 'Access ID',
		name: 'accessId',
		type: 'string',
		displayOptions: { show: { resource: ['subscription'], operation: ['get'] } },
		default: '',
		placeholder: 'e.g. SNDEMO-A0001',
		description: 'The access the subscription is on. Optional, but saves fetching every subscription.',
	},
];

export const execute: OperationExecute = async function (itemIndex, connection) {
	const subscriptionId = requireId.call(this, 'subscriptionId', this.getNodeParameter('subscriptionId', itemIndex), itemIndex);
	const accessId = optionalId.call(this, 'accessId', this.getNodeParameter('accessId', itemIndex, ''), itemIndex);
	const subscriptions = await listSubscriptions.call(this, connection, itemIndex, accessId);
	const found = subscriptions.find((entry) => entry.subscriptionId === subscriptionId);
	if (!found) {
		throw apiErrorFromResponse(this.getNode(), {
			status: 404,
			body: { cause: `No subscription ${subscriptionId}${accessId ? ` on access ${accessId}` : ''}` },
			method: 'GET',
			url: '',
			purpose: 'read',
			itemIndex,
			retries: 0,
		});
	}
	return [found];
};
