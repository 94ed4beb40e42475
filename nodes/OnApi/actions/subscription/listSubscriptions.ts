/**
 * The SP's subscriptions, flat and with their accessId, whatever the version:
 * 2.6 `subscriptions/` (grouped per access) and `subscriptions/{accessId}`; 2.4/2.5 `subscriptions/`
 * (flat) and the single access's `subscriptions`. A 404 on these lists means "none".
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { flattenSubscriptions } from '../../helpers/normaliseSubscription';
import { itemUrl } from '../../transport/apiRoot';
import type { OnApiConnection } from '../../transport/connection';
import { locateEndpoint } from '../../transport/discovery';
import { onApiRequest } from '../../transport/request';
import { isObject } from '../common/returnAll';

export async function listSubscriptions(
	this: IExecuteFunctions,
	connection: OnApiConnection,
	itemIndex: number,
	accessId?: string,
): Promise<IDataObject[]> {
	const perAccessInAccesses = accessId !== undefined && connection.version !== '2.6';
	const endpoint = await locateEndpoint.call(
		this,
		connection,
		perAccessInAccesses ? 'accesses' : 'subscriptions',
		itemIndex,
	);
	const response = await onApiRequest.call(this, {
		method: 'GET',
		url: accessId === undefined ? endpoint.url : itemUrl(endpoint.url, accessId),
		purpose: 'read',
		retryServerErrors: true,
		acceptStatuses: [404],
		itemIndex,
	});
	if (response.statusCode === 404) return [];
	const body = perAccessInAccesses
		? { accessId, subscriptions: isObject(response.body) ? response.body.subscriptions : [] }
		: response.body;
	const subscriptions = flattenSubscriptions(body, accessId);
	return accessId === undefined ? subscriptions : subscriptions.filter((entry) => entry.accessId === accessId);
}
