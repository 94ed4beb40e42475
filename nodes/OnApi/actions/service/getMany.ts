/**
 * Service → Get Many: the services an access offers, with `orderableNow`.
 *
 * 2.6 has its own endpoint (`services/{accessId}`); 2.4 and 2.5 (and Stadsnätsportalen) carry the
 * services inside the single access. Either way the output is one item per service with the
 * same fields, dates in the 2.5+ dateTime form.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { normaliseService } from '../../helpers/normaliseService';
import { itemUrl } from '../../transport/apiRoot';
import { locateEndpoint } from '../../transport/discovery';
import { onApiRequest } from '../../transport/request';
import { requireId } from '../common/fieldErrors';
import { applyLimit, isObject, operatorNow, returnAllFields } from '../common/returnAll';
import type { OperationExecute } from '../types';

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

export const execute: OperationExecute = async function (itemIndex, connection) {
	const accessId = requireId.call(this, 'accessId', this.getNodeParameter('accessId', itemIndex), itemIndex);
	const onlyOrderableNow = this.getNodeParameter('onlyOrderableNow', itemIndex, false) as boolean;
	const ownEndpoint = connection.version === '2.6' && !connection.portal;
	const endpoint = await locateEndpoint.call(this, connection, ownEndpoint ? 'services' : 'accesses', itemIndex);
	const response = await onApiRequest.call(this, {
		method: 'GET',
		url: itemUrl(endpoint.url, accessId),
		purpose: 'read',
		retryServerErrors: true,
		itemIndex,
	});
	const body = isObject(response.body) ? response.body : {};
	const services = Array.isArray(body.services) ? body.services.filter(isObject) : [];
	const now = operatorNow(response.headers);
	const result: IDataObject[] = [];
	for (const service of services) {
		const normalised = normaliseService(service, now);
		if (onlyOrderableNow && normalised.orderableNow !== true) continue;
		result.push({ accessId, ...normalised });
	}
	return applyLimit.call(this, itemIndex, result);
};
