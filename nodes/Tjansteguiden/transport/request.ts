import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IN8nHttpFullResponse,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { EnvelopeError, readEnvelope, type Envelope } from './envelope';
import { credentialKey, getHash, invalidateHash, knownHashes } from './hashCache';
import { redact } from './redact';
import { parseXml, XmlFormatError } from './xml';

export type TjansteguidenContext = IExecuteFunctions | IPollFunctions;

export type ApiMethod =
	| 'orders'
	| 'order_info'
	| 'order_log'
	| 'customer_info'
	| 'customers'
	| 'set_status'
	| 'add_message';

export const CREDENTIAL_TYPE = 'tjansteguidenApi';
/** The Orders 1.0 endpoint, below the credential's base URL. */
export const SERVICE_PROVIDER_PATH = '/plain/serviceguide_log';
const REQUEST_TIMEOUT_MS = 30_000;

/** Error texts the API (or a proxy in front of it) uses when a login hash is no longer good. */
const HASH_PROBLEM = /hash|log\s?in|logged|session|expired|unauthori[sz]ed|authenticat|access denied/i;

interface ResolvedCredentials {
	baseUrl: string;
	apiUser: string;
	apiKey: string;
}

export function normalizeBaseUrl(value: unknown): string {
	const text = String(value ?? '').trim().replace(/\/+$/, '');
	return text.replace(/\/plain\/serviceguide_log$/i, '');
}

class ApiFailure extends Error {
	constructor(
		message: string,
		readonly description?: string,
		readonly httpCode?: string,
		readonly hashProblem = false,
	) {
		super(message);
	}
}

function briefText(body: string): string {
	return body
		.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 300);
}

async function sendRequest(
	context: TjansteguidenContext,
	credentials: ResolvedCredentials,
	method: ApiMethod | 'api_login',
	qs: IDataObject,
): Promise<Envelope> {
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
			method: 'GET',
			url: `${credentials.baseUrl}${SERVICE_PROVIDER_PATH}`,
			qs: { method, ...qs },
			headers: { Accept: 'application/xml, text/xml;q=0.9, */*;q=0.1' },
			encoding: 'text',
			json: false,
			timeout: REQUEST_TIMEOUT_MS,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const cause = error as { message?: string; code?: string; cause?: { code?: string } };
		const code = cause.code ?? cause.cause?.code;
		const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(cause.message ?? '');
		throw new ApiFailure(
			timedOut
				? `The Tjänsteguiden API did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`
				: `The Tjänsteguiden API could not be reached${code ? ` (${code})` : ''}`,
			cause.message,
		);
	}

	const body = typeof response.body === 'string' ? response.body : String(response.body ?? '');
	if (response.statusCode === 401 || response.statusCode === 403) {
		throw new ApiFailure(
			`The Tjänsteguiden API refused the request (HTTP ${response.statusCode})`,
			briefText(body),
			String(response.statusCode),
			true,
		);
	}
	if (response.statusCode >= 400) {
		throw new ApiFailure(
			`The Tjänsteguiden API answered HTTP ${response.statusCode}`,
			briefText(body) || undefined,
			String(response.statusCode),
		);
	}
	try {
		return readEnvelope(parseXml(body));
	} catch (error) {
		if (error instanceof EnvelopeError) {
			throw new ApiFailure(error.message, `API status: ${error.apiStatus}`, undefined, HASH_PROBLEM.test(error.message));
		}
		if (error instanceof XmlFormatError) {
			throw new ApiFailure(
				`The Tjänsteguiden API sent an answer that could not be read: ${error.message}`,
				briefText(body) || undefined,
				String(response.statusCode),
			);
		}
		throw error;
	}
}

async function readCredentials(context: TjansteguidenContext, itemIndex: number): Promise<ResolvedCredentials> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE, itemIndex);
	return {
		baseUrl: normalizeBaseUrl(credentials.baseUrl),
		apiUser: String(credentials.apiUser ?? ''),
		apiKey: String(credentials.apiKey ?? ''),
	};
}

async function login(context: TjansteguidenContext, credentials: ResolvedCredentials): Promise<string> {
	const envelope = await sendRequest(context, credentials, 'api_login', {});
	const hash = envelope.payload.hash_key;
	if (typeof hash !== 'string' || hash === '') {
		throw new ApiFailure('The Tjänsteguiden login answer did not contain a hash_key');
	}
	context.logger.debug('Tjänsteguiden: logged in', { apiUser: credentials.apiUser });
	return hash;
}

function toNodeApiError(
	context: TjansteguidenContext,
	failure: unknown,
	credentials: ResolvedCredentials | undefined,
	method: string,
	itemIndex: number,
): NodeApiError {
	const secrets = [credentials?.apiKey, ...knownHashes()];
	const apiFailure =
		failure instanceof ApiFailure ? failure : new ApiFailure((failure as Error)?.message ?? String(failure));
	const message = redact(apiFailure.message, secrets);
	const description = apiFailure.description ? redact(apiFailure.description, secrets) : undefined;
	// Only these redacted fields go into the error: never the request options, which carry the
	// hash in their query string.
	return new NodeApiError(
		context.getNode(),
		{ message, description: description ?? null, method } as JsonObject,
		{ message, description, httpCode: apiFailure.httpCode, itemIndex },
	);
}

/**
 * Calls one Orders 1.0 method and returns its envelope. Logs in when needed, and once more when
 * the API refuses the hash. Every failure is a NodeApiError with the API's own message and no
 * secrets in it.
 */
export async function callTjansteguiden(
	context: TjansteguidenContext,
	method: ApiMethod,
	params: IDataObject,
	itemIndex = 0,
): Promise<Envelope> {
	let credentials: ResolvedCredentials | undefined;
	try {
		credentials = await readCredentials(context, itemIndex);
		const resolved = credentials;
		const key = credentialKey(resolved.baseUrl, resolved.apiUser, resolved.apiKey);
		const hash = await getHash(key, async () => await login(context, resolved));
		try {
			return await sendRequest(context, resolved, method, { ...params, hash });
		} catch (error) {
			if (!(error instanceof ApiFailure && error.hashProblem)) throw error;
			invalidateHash(key, hash);
			context.logger.debug('Tjänsteguiden: hash refused, logging in again', { method });
			const renewed = await getHash(key, async () => await login(context, resolved));
			return await sendRequest(context, resolved, method, { ...params, hash: renewed });
		}
	} catch (error) {
		throw toNodeApiError(context, error, credentials, method, itemIndex);
	}
}
