/** Subscription → Get Many: the SP's subscriptions, one item each, optionally for one access. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { normaliseText } from '../../helpers/formats';
import { optionalId, throwIfProblems } from '../common/fieldErrors';
import { accessIdFilter, filtersFor } from '../common/filters';
import { applyLimit, returnAllFields } from '../common/returnAll';
import type { OperationExecute } from '../types';
import { listSubscriptions } from './listSubscriptions';

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

export const execute: OperationExecute = async function (itemIndex, connection) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const accessId = optionalId.call(this, 'accessId', filters.accessId, itemIndex);
	let service: string | undefined;
	if (typeof filters.service === 'string' && filters.service.trim() !== '') {
		service = normaliseText(filters.service);
		if (service === undefined) {
			throwIfProblems.call(this, [{ field: 'service', message: 'service must be text of at most 255 characters' }], itemIndex);
		}
	}
	const state = typeof filters.operationalState === 'string' ? filters.operationalState : undefined;
	const subscriptions = (await listSubscriptions.call(this, connection, itemIndex, accessId)).filter(
		(entry) => (service === undefined || entry.service === service) && (state === undefined || entry.operationalState === state),
	);
	return applyLimit.call(this, itemIndex, subscriptions);
};
