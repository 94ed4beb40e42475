/** Subscription → Get Many: the SP's subscriptions, one item each, optionally for one access. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { Operation } from '../../../shared/router';
import { accessIdFilter, filtersFor } from '../../descriptions/filters';
import { applyLimit, returnAllFields } from '../../descriptions/returnAll';
import { optionalOnApiId, optionalText } from '../../helpers/fieldChecks';
import type { OnApiClient } from '../../transport/client';

export const description: INodeProperties[] = [
	...returnAllFields('subscription', 'getMany'),
	filtersFor('subscription', [
		accessIdFilter('Only subscriptions on this access'),
		{
			displayName: 'Operational State',
			name: 'operationalState',
			type: 'options',
			options: [
				{ name: 'Activated', value: 'ACTIVATED' },
				{ name: 'Suspended', value: 'SUSPENDED' },
			],
			default: 'ACTIVATED',
			description: 'Only subscriptions in this state',
		},
		{
			displayName: 'Service',
			name: 'service',
			type: 'string',
			default: '',
			placeholder: 'e.g. BB-100-100',
			description: 'Only subscriptions of this service',
		},
	]),
];

export const execute: Operation<OnApiClient>['execute'] = async function (itemIndex, client) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const accessId = optionalOnApiId.call(this, itemIndex, 'accessId', filters.accessId);
	const service = optionalText.call(this, itemIndex, 'service', filters.service);
	const state = typeof filters.operationalState === 'string' ? filters.operationalState : undefined;
	const subscriptions = (await client.subscriptions.list(accessId)).filter(
		(entry) => (service === undefined || entry.service === service) && (state === undefined || entry.operationalState === state),
	);
	return applyLimit.call(this, itemIndex, subscriptions);
};
