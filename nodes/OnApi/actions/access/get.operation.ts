/** Access → Get: one access (`GET accesses/{accessId}`), with its services and, in 2.4/2.5, subscriptions. */
import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../../../shared/router';
import { onApiId } from '../../helpers/fieldChecks';
import type { OnApiClient } from '../../transport/client';

export const description: INodeProperties[] = [
	{
		displayName: 'Access ID',
		name: 'accessId',
		type: 'string',
		required: true,
		displayOptions: { show: { resource: ['access'], operation: ['get'] } },
		default: '',
		placeholder: 'e.g. SNDEMO-A0001',
		description: 'The operator\'s ID of the access (the connection point in the home)',
	},
];

export const execute: Operation<OnApiClient>['execute'] = async function (itemIndex, client) {
	const accessId = onApiId.call(this, itemIndex, 'accessId', this.getNodeParameter('accessId', itemIndex));
	const access = await client.accesses.get(accessId);
	return access ? [access] : [];
};
