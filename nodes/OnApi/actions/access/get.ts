/** Access → Get: one access (`GET accesses/{accessId}`), with its services and, in 2.4/2.5, subscriptions. */
import type { INodeProperties } from 'n8n-workflow';
import { normaliseAccess } from '../../helpers/normaliseAccess';
import { itemUrl } from '../../transport/apiRoot';
import { locateEndpoint } from '../../transport/discovery';
import { onApiRequest } from '../../transport/request';
import { requireId } from '../common/fieldErrors';
import { isObject, operatorNow } from '../common/returnAll';
import type { OperationExecute } from '../types';

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

export const execute: OperationExecute = async function (itemIndex, connection) {
	const accessId = requireId.call(this, 'accessId', this.getNodeParameter('accessId', itemIndex), itemIndex);
	const accesses = await locateEndpoint.call(this, connection, 'accesses', itemIndex);
	const response = await onApiRequest.call(this, {
		method: 'GET',
		url: itemUrl(accesses.url, accessId),
		purpose: 'read',
		retryServerErrors: true,
		itemIndex,
	});
	if (!isObject(response.body)) return [];
	return [normaliseAccess(response.body, operatorNow(response.headers))];
};
