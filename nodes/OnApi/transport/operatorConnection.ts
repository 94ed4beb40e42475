/**
 * One operator's ON-API as the client talks to it: where it lives (API root, version, whether it
 * is Stadsnätsportalen) and what to authenticate with. It is built from explicit values, not read
 * from a node's credential, so that a credential naming several operators (a client per operator)
 * and a trigger polling each of them build theirs the same way.
 */
import type { ICredentialsDecrypted } from 'n8n-workflow';
import { MAX_RESPONSE_SIZE_FIELD, maxResponseBytes } from '../../shared/maxResponseSize';
import { resolveApiRoot, type ApiRoot } from './apiRoot';

/**
 * Large enough for every answer but the full access lists of the largest operators (1–2 GB, which
 * no buffered read can hold); the credential's "Max Response Size (MB)" overrides it.
 */
export const DEFAULT_MAX_RESPONSE_MB = 512;

export interface OperatorConnection extends ApiRoot {
	/**
	 * The credential type whose `authenticate` n8n applies (HTTP Basic from `username` and
	 * `password`), and the decrypted data it applies it to. The data never leaves n8n's request
	 * helper: errors and output are built without it (see apiError.ts).
	 */
	auth: { credentialType: string; credentials: ICredentialsDecrypted };
	/** The only origin (scheme, host, port) the credential is sent to (credentialOrigin.ts). */
	origin: string;
	/** Identifies the operator and login for the endpoint cache (never contains the password). */
	cacheKey: string;
	/** The largest answer read from this operator (see shared/cappedBody.ts). */
	maxResponseBytes: number;
}

export interface OperatorSettings {
	baseUrl: unknown;
	version: unknown;
	/** http:// to hosts other than loopback (the credential's "Allow Insecure HTTP"). */
	allowInsecureHttp?: boolean;
	credentialType: string;
	credentials: ICredentialsDecrypted;
}

export type OperatorConnectionResult = { ok: true; connection: OperatorConnection } | { ok: false; problem: string };

export function operatorConnection(settings: OperatorSettings): OperatorConnectionResult {
	const resolved = resolveApiRoot(settings.baseUrl, settings.version, { allowInsecureHttp: settings.allowInsecureHttp });
	if (!resolved.ok) return resolved;
	// The ON-API credential's field; a directory operator's data has none and gets the default.
	const limit = maxResponseBytes(settings.credentials.data?.[MAX_RESPONSE_SIZE_FIELD], DEFAULT_MAX_RESPONSE_MB);
	if (!limit.ok) return limit;
	const username = typeof settings.credentials.data?.username === 'string' ? settings.credentials.data.username : '';
	return {
		ok: true,
		connection: {
			...resolved.apiRoot,
			origin: new URL(resolved.apiRoot.root).origin,
			auth: { credentialType: settings.credentialType, credentials: settings.credentials },
			cacheKey: JSON.stringify([settings.credentials.id, resolved.apiRoot.root, username]),
			maxResponseBytes: limit.bytes,
		},
	};
}
