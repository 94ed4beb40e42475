/** Services (2.6 only): `services/` and `services/{accessId}`, the offers split out of accesses. */
import type { SandboxResponse } from '../../types';
import { errorResponse, httpDate, jsonResponse, notModified, parseHttpDate } from '../httpResponses';
import { selectModifiedSince } from '../modifiedSince';
import { renderService } from '../representations';
import type { AccessRecord } from '../types';
import type { RequestContext } from './requestContext';

function servicesOf(access: AccessRecord, single: boolean, now: number) {
	// characteristics are "available with single access" only.
	return { accessId: access.accessId, services: access.services.map((offer) => renderService(offer, '2.6', single, now)) };
}

export function listServices(context: RequestContext): SandboxResponse {
	const { store, now } = context;
	const ifModifiedSince = parseHttpDate(context.request.headers['if-modified-since']);
	const selection = selectModifiedSince(store.allAccesses(), (access) => access.lastModified, store.accessesChangedAt, ifModifiedSince, now);
	if (ifModifiedSince !== undefined && selection.items.length === 0) return notModified();
	return jsonResponse(
		200,
		selection.items.map((access) => servicesOf(access, false, now)),
		{ 'Last-Modified': httpDate(selection.lastModified) },
	);
}

export function getServices(context: RequestContext, accessId: string): SandboxResponse {
	const access = context.store.access(accessId);
	if (!access) return errorResponse(404, `Unknown accessId: '${accessId}'`);
	return jsonResponse(200, servicesOf(access, true, context.now), { 'Last-Modified': httpDate(access.lastModified) });
}
