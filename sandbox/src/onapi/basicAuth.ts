/** HTTP Basic authentication (RFC 7617) against an operator's configured SP logins. */
import { timingSafeEqual } from 'node:crypto';
import type { SandboxResponse } from '../types';
import { errorResponse, headerValue } from './httpResponses';
import type { SpUser } from './types';

export interface BasicCredentials {
	username: string;
	password: string;
}

/** undefined when the header is missing or not a well-formed Basic credential. */
export function parseBasicAuthorization(header: string | string[] | undefined): BasicCredentials | undefined {
	const value = headerValue(header);
	if (!value) return undefined;
	const match = /^basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(value.trim());
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	// RFC 7617: the user-id cannot contain a colon, so the first colon separates the password.
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function sameSecret(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}

export function basicChallenge(realm: string): Record<string, string> {
	return { 'WWW-Authenticate': `Basic realm="${realm}", charset="UTF-8"` };
}

export type AuthOutcome = { user: SpUser } | { failure: SandboxResponse };

/** Checks the request's credentials; the failure body never repeats what was sent. */
export function authenticate(
	authorization: string | string[] | undefined,
	users: readonly SpUser[],
	realm: string,
): AuthOutcome {
	const challenge = basicChallenge(realm);
	const credentials = parseBasicAuthorization(authorization);
	if (!credentials) {
		return { failure: errorResponse(401, 'Authentication required (HTTP Basic)', challenge) };
	}
	const user = users.find(
		(candidate) =>
			sameSecret(candidate.username, credentials.username) && sameSecret(candidate.password, credentials.password),
	);
	if (!user) return { failure: errorResponse(401, 'Invalid credentials', challenge) };
	return { user };
}
