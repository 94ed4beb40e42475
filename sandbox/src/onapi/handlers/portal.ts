/**
 * The Stadsnätsportalen variant, `/plain/onapi/{coId}/...`: no version segment, read-only, only
 * Endpoints and Accesses (ON-API 2.4 with Marknadsdatabasen output), If-Modified-Since at most
 * 14 days back.
 */
import type { SandboxRequest, SandboxResponse } from '../../types';
import { errorResponse, httpDate, jsonResponse, notImplemented, notModified, parseHttpDate } from '../httpResponses';
import type { OperatorStore } from '../operatorStore';
import { selectModifiedSince } from '../modifiedSince';
import { renderPortalAccess } from '../representations';
import { portalBase } from '../routePath';

const MAX_LOOKBACK_MS = 14 * 24 * 60 * 60 * 1000;

function portalEndpoints(store: OperatorStore): SandboxResponse {
	const base = portalBase(store.coId);
	return jsonResponse(200, [
		{
			name: 'accesses',
			endpoint: `${base}accesses`,
			version: '2.4',
			documentation: 'https://github.com/on-api/on-api/blob/master/2.4.0/spec/accesses.md',
			note: 'Stadsnätsportalen: read-only; output follows Marknadsdatabasen (extra fields, MdB2 premisesType values)',
		},
	]);
}

function portalAccesses(store: OperatorStore, request: SandboxRequest, now: number): SandboxResponse {
	const ifModifiedSince = parseHttpDate(request.headers['if-modified-since']);
	if (ifModifiedSince !== undefined && ifModifiedSince < now - MAX_LOOKBACK_MS) {
		return errorResponse(400, 'If-Modified-Since may be at most 14 days in the past');
	}
	const selection = selectModifiedSince(store.allAccesses(), (access) => access.lastModified, store.accessesChangedAt, ifModifiedSince, now);
	const lastModified = { 'Last-Modified': httpDate(selection.lastModified) };
	if (ifModifiedSince !== undefined && selection.items.length === 0) return notModified();
	if (selection.items.length === 0) return errorResponse(404, 'No accesses available', lastModified);
	return jsonResponse(200, selection.items.map((access) => renderPortalAccess(access, store.coId, now)), lastModified);
}

export function handlePortal(store: OperatorStore, request: SandboxRequest, segments: string[], now: number): SandboxResponse {
	const [endpoint, id, ...rest] = segments;
	const known = endpoint === undefined || endpoint === 'endpoints' || endpoint === 'accesses';
	if (!known || rest.length > 0 || (endpoint !== 'accesses' && id !== undefined)) {
		return notImplemented(`Stadsnätsportalen serves only endpoints and accesses (${request.path})`);
	}
	if (request.method !== 'GET') return notImplemented(`Stadsnätsportalen ON-API is read-only (${request.method})`);
	if (endpoint !== 'accesses') return portalEndpoints(store);
	if (id === undefined) return portalAccesses(store, request, now);
	const access = store.access(id);
	if (!access) return errorResponse(404, `Unknown accessId: '${id}'`);
	return jsonResponse(200, renderPortalAccess(access, store.coId, now), { 'Last-Modified': httpDate(access.lastModified) });
}
