import type { ICredentialsDecrypted, IDataObject } from 'n8n-workflow';

import { decryptedCredentialsOnce } from '../../shared/credentialsOnce';
import { processState } from '../processState';
import { SERVICE_PROVIDER_CREDENTIAL_TYPE } from './apiSide';
import { baseUrlProblem } from './baseUrl';
import type { Envelope } from './envelope';
import { credentialKey, getHash, invalidateHash, knownHashes } from './hashCache';
import { outcomeOf } from '../../shared/outcome';
import { ApiFailure } from './apiFailure';
import { sendXmlRequest, toNodeApiError } from './httpExchange';
import { isWriteMethod, type ApiMethod } from './methods';
import { maxResponseBytesOf } from './responseLimit';
import type { ApiSideStrategy, TjansteguidenContext } from './types';

/** The Orders 1.0 endpoint, below the credential's base URL. */
export const SERVICE_PROVIDER_PATH = '/plain/serviceguide_log';
const API_NAME = 'Tjänsteguiden API';
const CREDENTIAL_NAME = 'Tjänsteguiden API';

const { apiUserWanted } = processState;

/** Error texts the API (or a proxy in front of it) uses when a login hash is no longer good. */
const HASH_PROBLEM = /hash|log\s?in|logged|session|expired|unauthori[sz]ed|authenticat|access denied/i;

interface ResolvedCredentials {
	baseUrl: string;
	apiUser: string;
	apiKey: string;
	maxResponseBytes: number;
	/** As read from n8n, for the one call the credential authenticates: api_login. */
	decrypted: ICredentialsDecrypted;
}

export function serviceProviderUrlProblem(baseUrl: string, allowInsecureHttp: unknown): string | undefined {
	return baseUrlProblem(baseUrl, { field: 'Base URL', example: 'https://www.stadsnatsportalen.se', allowInsecureHttp: allowInsecureHttp === true });
}

export function normalizeBaseUrl(value: unknown): string {
	const text = String(value ?? '').trim().replace(/\/+$/, '');
	return text.replace(/\/plain\/serviceguide_log$/i, '');
}

/**
 * Whether the API refused the login hash: HTTP 401/403, an error envelope about the hash (at 200,
 * or at 400, the documented failure status), or an HTTP 400 whose body, envelope or not, speaks
 * of it.
 */
function isHashProblem(error: unknown): boolean {
	if (!(error instanceof ApiFailure)) return false;
	if (error.reason === 'refused') return true;
	if (error.reason === 'api') return HASH_PROBLEM.test(error.message);
	return error.reason === 'http' && error.httpCode === '400' && HASH_PROBLEM.test(error.description ?? '');
}

/**
 * Only api_login goes through the credential (its `authenticate` adds user and key to that call
 * alone); every other call carries the login hash and nothing from the credential, so it is sent
 * with n8n's plain request helper.
 */
async function send(
	context: TjansteguidenContext,
	credentials: ResolvedCredentials,
	method: ApiMethod | 'api_login',
	qs: IDataObject,
): Promise<Envelope> {
	return await sendXmlRequest(context, {
		authentication:
			method === 'api_login'
				? { credentialType: SERVICE_PROVIDER_CREDENTIAL_TYPE, credentials: credentials.decrypted }
				: undefined,
		url: `${credentials.baseUrl}${SERVICE_PROVIDER_PATH}`,
		qs: { method, ...qs },
		apiName: API_NAME,
		envelope: { requireSuccess: method !== 'api_login' && isWriteMethod(method) },
		maxResponseBytes: credentials.maxResponseBytes,
		credentialName: CREDENTIAL_NAME,
	});
}

async function readCredentials(context: TjansteguidenContext, itemIndex: number): Promise<ResolvedCredentials> {
	const decrypted = await decryptedCredentialsOnce(context, SERVICE_PROVIDER_CREDENTIAL_TYPE, itemIndex);
	const credentials = decrypted.data ?? {};
	const baseUrl = normalizeBaseUrl(credentials.baseUrl);
	// Before any request: the first one (api_login) carries the key.
	const problem = serviceProviderUrlProblem(baseUrl, credentials.allowInsecureHttp);
	if (problem !== undefined) throw new ApiFailure(problem, 'invalid');
	const limit = maxResponseBytesOf(credentials);
	if (!limit.ok) throw new ApiFailure(limit.problem, 'invalid');
	return {
		baseUrl,
		apiUser: String(credentials.apiUser ?? ''),
		apiKey: String(credentials.apiKey ?? ''),
		maxResponseBytes: limit.bytes,
		decrypted,
	};
}

async function login(context: TjansteguidenContext, credentials: ResolvedCredentials): Promise<string> {
	const envelope = await send(context, credentials, 'api_login', {});
	const hash = envelope.payload.hash_key;
	if (typeof hash !== 'string' || hash === '') {
		throw new ApiFailure('The Tjänsteguiden login answer did not contain a hash_key', 'invalid');
	}
	context.logger.debug('Tjänsteguiden: logged in', { apiUser: credentials.apiUser });
	return hash;
}

/**
 * The service provider's side: Orders 1.0 on `/plain/serviceguide_log`, authenticated by a login
 * hash from `api_login`. Logs in when needed, and once more when the API refuses the hash.
 */
export const serviceProviderSide: ApiSideStrategy = {
	async call(context, method, params, itemIndex) {
		let credentials: ResolvedCredentials | undefined;
		try {
			credentials = await readCredentials(context, itemIndex);
			const resolved = credentials;
			const key = credentialKey(resolved.baseUrl, resolved.apiUser, resolved.apiKey);
			const withHash = async (hash: string) => await sendWithArguments(context, resolved, key, method, { ...params, hash });
			const hash = await getHash(key, async () => await login(context, resolved));
			const first = await outcomeOf(withHash(hash));
			if (first.ok) return first.value;
			if (!isHashProblem(first.error)) throw first.error;
			invalidateHash(key, hash);
			context.logger.debug('Tjänsteguiden: hash refused, logging in again', { method });
			return await withHash(await getHash(key, async () => await login(context, resolved)));
		} catch (error) {
			throw toNodeApiError(context, error, [credentials?.apiKey, ...knownHashes()], method, itemIndex);
		}
	},
};

/** The back end's (Zend_Rest_Server) refusal of a call that lacks a parameter, naming it. */
const MISSING_API_USER = /missing argument\(?s?\)?:?[^<]*\bapi_user\b/i;

function asksForApiUser(error: unknown): boolean {
	return error instanceof ApiFailure && error.reason === 'api' && MISSING_API_USER.test(error.message);
}

/**
 * One call, with `api_user` when the API has asked for it with this credential. The documentation
 * shows it only on api_login, the vendor's own add_message example passes it too: when a call is
 * refused for lacking it, it is sent again once with it (the ID is not secret), and every later
 * call with this credential carries it (processState.apiUserWanted).
 */
async function sendWithArguments(
	context: TjansteguidenContext,
	credentials: ResolvedCredentials,
	key: string,
	method: ApiMethod,
	qs: IDataObject,
): Promise<Envelope> {
	const withApiUser = { ...qs, api_user: credentials.apiUser };
	if (apiUserWanted.has(key)) return await send(context, credentials, method, withApiUser);
	const first = await outcomeOf(send(context, credentials, method, qs));
	if (first.ok) return first.value;
	if (!asksForApiUser(first.error)) throw first.error;
	apiUserWanted.add(key);
	context.logger.info('Tjänsteguiden: the API asks for api_user; it is sent with this credential from now on', { method });
	return await send(context, credentials, method, withApiUser);
}
