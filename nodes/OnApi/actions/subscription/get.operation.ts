/**
 * Subscription → Get. The ON-API has no `subscriptions/{subscriptionId}`; the node reads the
 * access's subscriptions when an Access ID is given (one small request), otherwise the full list.
 */
import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../../../shared/router';
import { onApiId, optionalOnApiId } from '../../helpers/fieldChecks';
import type { OnApiClient } from '../../transport/client';

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

export const execute: Operation<OnApiClient>['execute'] = async function (itemIndex, client) {
	const subscriptionId = onApiId.call(this, itemIndex, 'subscriptionId', this.getNodeParameter('subscriptionId', itemIndex));
	const accessId = optionalOnApiId.call(this, itemIndex, 'accessId', this.getNodeParameter('accessId', itemIndex, ''));
	return [await client.subscriptions.get(subscriptionId, accessId)];
};
