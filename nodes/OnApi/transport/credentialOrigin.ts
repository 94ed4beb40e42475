/**
 * The ON-API credential goes to one origin only: the scheme, host and port of the credential's
 * Base URL. Operators' answers name URLs (an endpoint list may place an API on another server, an
 * order names its path, a redirect names a Location); without this rule the password would follow
 * them anywhere, to another host or from https to plain http, and the node could be pointed at
 * internal addresses. So every request is checked before it is sent, and n8n's own redirect
 * following (which by default re-attaches credentials on a cross-origin redirect) is switched off:
 * the transport follows redirects itself, within the origin only.
 */
import { NodeOperationError, type INode } from 'n8n-workflow';
import { displayUrl } from './apiError';

/** The HTTP statuses that redirect (304 is not one: it means "not modified"). */
export const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];
export const MAX_REDIRECTS = 5;

const WHY =
	'An answer of the operator (its endpoint list, an order\'s path or a Location header) named another server. ' +
	'The node sends the username and password only to the origin (scheme, host and port) of the Base URL in the ON-API credential. ' +
	'If the operator really serves this API elsewhere, ask it for one base URL, or use a credential for that server.';

function originOf(url: string): string | undefined {
	try {
		return new URL(url).origin;
	} catch {
		return undefined;
	}
}

/** Throws unless `url` is on `origin`. */
export function requireOwnOrigin(node: INode, origin: string, method: string, url: string, itemIndex: number): void {
	const target = originOf(url);
	if (target === origin) return;
	throw new NodeOperationError(
		node,
		`The ON-API credential is sent only to ${origin}, not to ${target ?? 'an unreadable URL'} (${method} ${displayUrl(url)})`,
		{ itemIndex, description: WHY },
	);
}

/**
 * Where a redirect leads, if the transport may follow it: the same origin, and a method that stays
 * what it was (307/308 keep it; 301/302/303 turn anything but GET into a GET, which would drop the
 * request's meaning).
 */
export function followableRedirect(
	node: INode,
	origin: string,
	request: { method: string; url: string; itemIndex: number },
	status: number,
	location: string | undefined,
): string {
	let target: string | undefined;
	try {
		target = location ? new URL(location, request.url).toString() : undefined;
	} catch {
		target = undefined;
	}
	const refuse = (reason: string): never => {
		throw new NodeOperationError(
			node,
			`The operator redirected ${request.method} ${displayUrl(request.url)} to ${target ? displayUrl(target) : 'nowhere'}; ${reason}`,
			{ itemIndex: request.itemIndex, description: WHY },
		);
	};
	if (target === undefined) return refuse('the redirect names no readable Location');
	if (originOf(target) !== origin) return refuse(`the ON-API credential is sent only to ${origin}`);
	if (request.method !== 'GET' && status !== 307 && status !== 308) {
		return refuse(`HTTP ${status} would turn the ${request.method} into a GET, so the node does not follow it`);
	}
	return target;
}
