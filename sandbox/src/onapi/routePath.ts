/**
 * Splits a request path into operator, version and endpoint segments.
 *
 * Versioned ON-API: `/onapi/{coId}/{version}/{endpoint...}`.
 * Stadsnätsportalen: `/plain/onapi/{coId}/{endpoint...}` (no version segment).
 * A trailing slash is optional everywhere: the spec writes `accesses/`, Stadsnätsportalen `accesses`.
 */

export interface VersionedRoute {
	variant: 'versioned';
	coId: string;
	/** Raw version segment; undefined for `/onapi/{coId}` alone. */
	version?: string;
	segments: string[];
}

export interface PortalRoute {
	variant: 'portal';
	coId: string;
	segments: string[];
}

export type OnApiRoute = VersionedRoute | PortalRoute;

export const VERSIONED_PREFIX = '/onapi/';
export const PORTAL_PREFIX = '/plain/onapi/';

export function isOnApiPath(path: string): boolean {
	return path.startsWith(VERSIONED_PREFIX) || path.startsWith(PORTAL_PREFIX);
}

function splitSegments(rest: string): string[] | undefined {
	const parts = rest.split('/');
	if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
	try {
		return parts.map((part) => decodeURIComponent(part));
	} catch {
		return undefined;
	}
}

/** undefined when the path is not an ON-API path or cannot be decoded. */
export function parseOnApiPath(path: string): OnApiRoute | undefined {
	if (path.startsWith(PORTAL_PREFIX)) {
		const segments = splitSegments(path.slice(PORTAL_PREFIX.length));
		if (!segments || segments.length === 0 || segments[0] === '') return undefined;
		const [coId, ...rest] = segments;
		return { variant: 'portal', coId, segments: rest };
	}
	if (path.startsWith(VERSIONED_PREFIX)) {
		const segments = splitSegments(path.slice(VERSIONED_PREFIX.length));
		if (!segments || segments.length === 0 || segments[0] === '') return undefined;
		const [coId, version, ...rest] = segments;
		return { variant: 'versioned', coId, version, segments: rest };
	}
	return undefined;
}

export function versionedBase(coId: string, version: string): string {
	return `${VERSIONED_PREFIX}${encodeURIComponent(coId)}/${version}/`;
}

export function portalBase(coId: string): string {
	return `${PORTAL_PREFIX}${encodeURIComponent(coId)}/`;
}
