/**
 * Service → Get Many: the services an access offers, with `orderableNow`.
 *
 * 2.6 has its own endpoint (`services/{accessId}`); 2.4 and 2.5 (and Stadsnätsportalen) carry the
 * services inside the single access. Either way the output is one item per service with the
 * same fields, dates in the 2.5+ dateTime form.
 */
import type { INodeProperties } from 'n8n-workflow';
import type { Operation } from '../../../shared/router';
import { applyLimit, returnAllFields } from '../../descriptions/returnAll';
import { onApiId } from '../../helpers/fieldChecks';
import type { OnApiClient } from '../../transport/client';

export const description: INodeProperties[] = [
	{
		displayName: 'Access ID',
		name: 'accessId',
		type: 'string',
		required: true,
		displayOptions: { show: { resource: ['service'], operation: ['getMany'] } },
		default: '',
		placeholder: 'e.g. SNDEMO-A0001',
		description: 'The access whose services to list',
	},
	{
		displayName: 'Only Orderable Now',
		name: 'onlyOrderableNow',
		type: 'boolean',
		displayOptions: { show: { resource: ['service'], operation: ['getMany'] } },
		default: false,
		description: 'Whether to return only the services that can be ordered now',
	},
	...returnAllFields('service', 'getMany'),
];

export const execute: Operation<OnApiClient>['execute'] = async function (itemIndex, client) {
	const accessId = onApiId.call(this, itemIndex, 'accessId', this.getNodeParameter('accessId', itemIndex));
	const onlyOrderableNow = this.getNodeParameter('onlyOrderableNow', itemIndex, false) as boolean;
	const services = await client.services.list(accessId);
	return applyLimit.call(this, itemIndex, onlyOrderableNow ? services.filter((service) => service.orderableNow === true) : services);
};
