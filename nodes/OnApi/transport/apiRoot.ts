/**
 * Where an operator's ON-API lives, from the credential's base URL and version.
 *
 * The spec puts the version in the path (`/[api version number]/[api endpoint]`), so the version
 * is appended unless the base URL already ends with a version segment. Stadsnätsportalen's
 * variant (`…/plain/onapi/{coId}`) has no version segment at all and speaks 2.4.
 */
import { isOnApiVersion, type OnApiVersion } from '../helpers/onApiTypes';

export interface ApiRoot {
	/** Absolute URL without a trailing slash, e.g. `https://co.example/onapi/2.6`. */
	root: string;
	/** The version the node speaks with this operator. */
	version: OnApiVersion;
	/** Stadsnätsportalen: read-only endpoints and accesses. */
	portal: boolean;
}

export type ApiRootResult = { ok: true; apiRoot: ApiRoot } | { ok: false; problem: string };

/** The path ends with a version segment such as `/2.4` or `/2.4.0`. */
export const VERSION_SEGMENT_PATTERN = /\/(\d+\.\d+)(\.\d+)?$/;

/** Stadsnätsportalen: `…/plain/onapi/{coId}`. */
export const PORTAL_PATH_PATTERN = /\/plain\/onapi\/[^/]+$/;

/** The version Stadsnätsportalen implements (STATUS.md, "ON-API 2.4 Stadsnätsportalen"). */
export const PORTAL_VERSION: OnApiVersion = '2.4';

/** localhost and the loopback addresses: http there never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase();
	return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface ApiRootOptions {
	/** The credential's "Allow Insecure HTTP": http:// to any host, not only loopback. */
	allowInsecureHttp?: boolean;
}

export function resolveApiRoot(baseUrl: unknown, version: unknown, options: ApiRootOptions = {}): ApiRootResult {
	if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
		return { ok: false, problem: 'The credential has no Base URL' };
	}
	let parsed: URL;
	try {
		parsed = new URL(baseUrl.trim());
	} catch {
		return { ok: false, problem: 'The credential\'s Base URL is not a URL' };
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		return { ok: false, problem: 'The credential\'s Base URL must start with https:// (or http://)' };
	}
	if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname) && options.allowInsecureHttp !== true) {
		return {
			ok: false,
			problem: "The credential's Base URL uses http://, which would send the password in clear text: use https://, or turn on Allow Insecure HTTP",
		};
	}
	if (parsed.search !== '' || parsed.hash !== '') {
		return { ok: false, problem: 'The credential\'s Base URL must not have a query string or fragment' };
	}
	if (parsed.username !== '' || parsed.password !== '') {
		return { ok: false, problem: 'Put the username and password in their own fields, not in the Base URL' };
	}
	const path = parsed.pathname.replace(/\/+$/, '');
	const root = `${parsed.origin}${path}`;

	if (PORTAL_PATH_PATTERN.test(path)) {
		return { ok: true, apiRoot: { root, version: PORTAL_VERSION, portal: true } };
	}
	const inPath = VERSION_SEGMENT_PATTERN.exec(path);
	if (inPath) {
		const pathVersion = inPath[1];
		if (!isOnApiVersion(pathVersion)) {
			return {
				ok: false,
				problem: `The Base URL ends with version ${pathVersion}; this node speaks ON-API 2.4, 2.5 and 2.6`,
			};
		}
		return { ok: true, apiRoot: { root, version: pathVersion, portal: false } };
	}
	if (!isOnApiVersion(version)) {
		return { ok: false, problem: 'The credential\'s Version must be 2.4, 2.5 or 2.6' };
	}
	return { ok: true, apiRoot: { root: `${root}/${version}`, version, portal: false } };
}

/**
 * Resolves an endpoint as the Endpoints list gives it: a full URL (another server), an absolute
 * path on the operator's server, or a path relative to the API root.
 */
export function resolveEndpointUrl(root: string, endpoint: string): string | undefined {
	const text = endpoint.trim();
	if (text === '') return undefined;
	if (/^https?:\/\//i.test(text)) {
		try {
			return new URL(text).toString();
		} catch {
			return undefined;
		}
	}
	if (text.startsWith('/')) return `${new URL(root).origin}${text}`;
	return `${root}/${text}`;
}

/** `…/orders/` + `f3f2` → `…/orders/f3f2`; `…/accesses` + `A1` → `…/accesses/A1`. */
export function itemUrl(collectionUrl: string, id: string): string {
	const separator = collectionUrl.endsWith('/') ? '' : '/';
	return `${collectionUrl}${separator}${encodeURIComponent(id)}`;
}
