/**
 * Access → Get Many: `GET accesses/`, optionally only what changed since a time.
 *
 * Incremental fetching uses the spec's If-Modified-Since/Last-Modified pair. The node keeps the
 * operator's last Last-Modified in the node's static data (per operator), which n8n saves after
 * production executions; a date given in "If Modified Since" takes precedence. 304 and the spec's
 * "404 = no accesses" give no items.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { toHttpDate } from '../../helpers/formats';
import { normaliseAccess } from '../../helpers/normaliseAccess';
import { locateEndpoint } from '../../transport/discovery';
import { onApiRequest } from '../../transport/request';
import { throwIfProblems } from '../common/fieldErrors';
import { applyLimit, isObject, operatorNow, returnAllFields } from '../common/returnAll';
import type { OperationExecute } from '../types';

/** Static-data key: `{ [apiRoot]: lastModifiedHttpDate }`. */
export const LAST_MODIFIED_KEY = 'accessesLastModified';

export const description: INodeProperties[] = [
	...returnAllFields('access', 'getMany'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show: { resource: ['access'], operation: ['getMany'] } },
		default: {},
		options: [
			{
				displayName: 'If Modified Since',
				name: 'ifModifiedSince',
				type: 'string',
				default: '',
				placeholder: 'e.g. Mon, 04 Feb 2019 18:22:33 GMT',
				description: 'Only accesses changed after this time: an HTTP date (as in Last-Modified) or an ISO 8601 date-time. Stadsnätsportalen accepts at most 14 days back.',
			},
			{
				displayName: 'Only Changes Since Last Run',
				name: 'incremental',
				type: 'boolean',
				default: false,
				description: 'Whether to send the Last-Modified of the previous run as If-Modified-Since and remember the new one. The value is kept in the workflow\'s static data, which n8n saves for production executions only. All changed accesses are returned (Limit does not apply).',
			},
		],
	},
];

function lastModifiedStore(data: IDataObject): IDataObject {
	if (!isObject(data[LAST_MODIFIED_KEY])) data[LAST_MODIFIED_KEY] = {};
	return data[LAST_MODIFIED_KEY] as IDataObject;
}

export const execute: OperationExecute = async function (itemIndex, connection) {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const incremental = options.incremental === true;
	let ifModifiedSince: string | undefined;
	if (typeof options.ifModifiedSince === 'string' && options.ifModifiedSince.trim() !== '') {
		ifModifiedSince = toHttpDate(options.ifModifiedSince, this.getTimezone());
		if (ifModifiedSince === undefined) {
			throwIfProblems.call(
				this,
				[{ field: 'ifModifiedSince', message: `ifModifiedSince must be an HTTP date or an ISO 8601 date-time (got "${options.ifModifiedSince}")` }],
				itemIndex,
			);
		}
	}
	const store = incremental ? lastModifiedStore(this.getWorkflowStaticData('node')) : undefined;
	if (ifModifiedSince === undefined && store && typeof store[connection.root] === 'string') {
		ifModifiedSince = store[connection.root] as string;
	}

	const accesses = await locateEndpoint.call(this, connection, 'accesses', itemIndex);
	const response = await onApiRequest.call(this, {
		method: 'GET',
		url: accesses.url,
		headers: ifModifiedSince ? { 'If-Modified-Since': ifModifiedSince } : undefined,
		purpose: 'read',
		retryServerErrors: true,
		acceptStatuses: [404],
		itemIndex,
	});
	const lastModified = response.headers['last-modified'];
	if (store && lastModified && (response.statusCode === 200 || response.statusCode === 404)) {
		store[connection.root] = lastModified;
	}
	if (response.statusCode !== 200) return [];

	const body = response.body;
	let list: IDataObject[] = Array.isArray(body) ? body.filter(isObject) : isObject(body) ? [body] : [];
	if (!incremental) list = applyLimit.call(this, itemIndex, list);
	const now = operatorNow(response.headers);
	for (const access of list) normaliseAccess(access, now);
	return list;
};
