/**
 * Access → Get Many: `GET accesses/`, optionally only what changed since a time.
 *
 * Incremental fetching uses the spec's If-Modified-Since/Last-Modified pair. Each item carries
 * `nextIfModifiedSince`, the cursor to send next time (helpers/modifiedSinceCursor.ts: one second
 * earlier than Last-Modified while that second may still have changes). "Only Changes Since Last
 * Run" keeps it in the node's static data (per operator). n8n saves static data at the end of the
 * execution, whether or not the nodes after this one succeeded, so a failed run does not fetch its
 * accesses again; a workflow that must not lose one keeps the cursor itself, from the items, once
 * its work is done, and passes it as "If Modified Since" (which takes precedence). 304 and the
 * spec's "404 = no accesses" give no items.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { Operation } from '../../../shared/router';
import { applyLimit, returnAllFields } from '../../descriptions/returnAll';
import { optionalHttpDate } from '../../helpers/fieldChecks';
import { isObject } from '../../helpers/jsonValues';
import type { OnApiClient } from '../../transport/client';

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
				description: 'Whether to send the cursor of the previous run as If-Modified-Since and remember the new one (each item carries it as nextIfModifiedSince). It is kept in the workflow\'s static data, saved for production executions only and even when later nodes fail; to resume only after success, keep nextIfModifiedSince yourself and pass it as If Modified Since. Accesses changed in the cursor\'s last second may come twice. All changed accesses are returned (Limit does not apply).',
			},
		],
	},
];

function lastModifiedStore(data: IDataObject): IDataObject {
	if (!isObject(data[LAST_MODIFIED_KEY])) data[LAST_MODIFIED_KEY] = {};
	return data[LAST_MODIFIED_KEY] as IDataObject;
}

export const execute: Operation<OnApiClient>['execute'] = async function (itemIndex, client) {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const incremental = options.incremental === true;
	const given = optionalHttpDate(this.getTimezone()).call(this, itemIndex, 'ifModifiedSince', options.ifModifiedSince);
	const store = incremental ? lastModifiedStore(this.getWorkflowStaticData('node')) : undefined;
	const remembered = store && typeof store[client.root] === 'string' ? (store[client.root] as string) : undefined;

	const { accesses, nextIfModifiedSince } = await client.accesses.list({ ifModifiedSince: given ?? remembered });
	if (store && nextIfModifiedSince) store[client.root] = nextIfModifiedSince;
	const items = incremental ? accesses : applyLimit.call(this, itemIndex, accesses);
	if (nextIfModifiedSince) for (const access of items) access.nextIfModifiedSince = nextIfModifiedSince;
	return items;
};
