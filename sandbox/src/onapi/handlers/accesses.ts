/** Accesses (`accesses/`, `accesses/{accessId}`) in the versioned ON-API. */
import type { SandboxResponse } from '../../types';
import { errorResponse, httpDate, jsonResponse, notModified, parseHttpDate } from '../httpResponses';
import { selectModifiedSince } from '../modifiedSince';
import { renderAccess } from '../representations';
import type { RequestContext } from './requestContext';

export function listAccesses(context: RequestContext): SandboxResponse {
	const { store, version, now } = context;
	const ifModifiedSince = parseHttpDate(context.request.headers['if-modified-since']);
	const selection = selectModifiedSince(store.allAccesses(), (access) => access.lastModified, store.accessesChangedAt, ifModifiedSince, now);
	const lastModified = { 'Last-Modified': httpDate(selection.lastModified) };
	if (ifModifiedSince !== undefined && selection.items.length === 0) return notModified();
	// accesses.md: "Response if no available accesses: 404 NOT FOUND" (with Last-Modified).
	if (selection.items.length === 0) return errorResponse(404, 'No accesses available', lastModified);
	return jsonResponse(200, selection.items.map((access) => renderAccess(access, version, now)), lastModified);
}

export function getAccess(context: RequestContext, accessId: string): SandboxResponse {
	const { store, version, now, user } = context;
	const access = store.access(accessId);
	if (!access) return errorResponse(404, `Unknown accessId: '${accessId}'`);
	// 2.4/2.5 single accesses carry the caller's subscriptions; 2.6 moved them to their own endpoint.
	const subscriptions =
		version === '2.6'
			? undefined
			: store.subscriptionsOn(accessId).filter((subscription) => subscription.spId === user.spId && !subscription.ended);
	return jsonResponse(200, renderAccess(access, version, now, subscriptions), { 'Last-Modified': httpDate(access.lastModified) });
}
