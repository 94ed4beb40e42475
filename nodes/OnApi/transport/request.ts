/**
 * The one place the node talks HTTP. Authentication is n8n's (the connection's credential type
 * applies its Basic auth to the connection's decrypted data); this adds the ON-API error shape,
 * bounded retries and full responses (status, headers) because Last-Modified, Location,
 * 200-vs-201 and 304 all carry meaning in the ON-API.
 */
import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type IPollFunctions,
} from 'n8n-workflow';
import { followableRedirect, MAX_REDIRECTS, REDIRECT_STATUSES, requireOwnOrigin } from './credentialOrigin';
import { apiErrorFromNetwork, apiErrorFromOversize, apiErrorFromResponse, type FailedRequest, type RequestPurpose } from './apiError';
import type { OperatorConnection } from './operatorConnection';
import { backoffMs, decideNetworkRetry, decideStatusRetry, MAX_RETRIES } from './retryPolicy';
import { outcomeOf } from '../../shared/outcome';
import { readCappedBody, ResponseTooLargeError } from '../../shared/cappedBody';

export const DEFAULT_TIMEOUT_MS = 60_000;

/** What may send ON-API requests: an action node's run or a trigger's poll. */
export type OnApiContext = IExecuteFunctions | IPollFunctions;

export interface OnApiRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: IDataObject;
	purpose: RequestPurpose;
	/**
	 * Retry 5xx and timeouts. True for reads; for creates only when the order carries an
	 * spReference the operator can deduplicate on. 429 is always retried.
	 */
	retryServerErrors: boolean;
	/** Statuses handed back instead of thrown, e.g. 404 where it means "empty list". */
	acceptStatuses?: number[];
	itemIndex: number;
	timeoutMs?: number;
}

export interface OnApiResponse {
	statusCode: number;
	/** Lower-case header names. */
	headers: Record<string, string>;
	body: unknown;
}

interface FullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

function plainHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
	const result: Record<string, string> = {};
	if (!headers) return result;
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined || value === null) continue;
		result[name.toLowerCase()] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
	}
	return result;
}

/** JSON when the text is JSON, else the text (a proxy's page), as n8n's `json: true` read it. */
function parsedBody(bytes: Uint8Array): unknown {
	// TextDecoder drops a byte-order mark, as axios did.
	const body = new TextDecoder().decode(bytes);
	if (body.trim() === '') return undefined;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
}

/** The network error code, wherever n8n's request helper left it (it wraps the axios error). */
export function networkErrorCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (typeof current === 'object' && current !== null && !seen.has(current)) {
		seen.add(current);
		const record = current as Record<string, unknown>;
		if (typeof record.code === 'string' && /^E[A-Z_]+$/.test(record.code)) return record.code;
		const response = record.errorResponse as Record<string, unknown> | undefined;
		if (response && typeof response.code === 'string' && /^E[A-Z_]+$/.test(response.code)) return response.code;
		current = record.cause;
	}
	return undefined;
}

function networkErrorMessage(error: unknown, code: string | undefined): string {
	const seen = new Set<unknown>();
	let current: unknown = error;
	let deepest: string | undefined;
	while (current instanceof Error && !seen.has(current)) {
		seen.add(current);
		deepest = current.message;
		current = (current as Error & { cause?: unknown }).cause;
	}
	return deepest ?? `Request failed${code ? ` (${code})` : ''}`;
}

/** What an error may say about the request: never its headers or options (they carry the password). */
function failedRequest(request: OnApiRequest, retries: number): FailedRequest {
	return { method: request.method, url: request.url, purpose: request.purpose, itemIndex: request.itemIndex, retries };
}

/**
 * One request through n8n's helper, authenticated with the connection's own credential data. The
 * body arrives as a stream and is read up to the connection's cap (shared/cappedBody.ts), so an
 * oversized answer is cut off instead of filling n8n's memory.
 */
async function sendOnce(context: OnApiContext, connection: OperatorConnection, request: OnApiRequest): Promise<FullResponse> {
	requireOwnOrigin(context.getNode(), connection.origin, request.method, request.url, request.itemIndex);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		body: request.body,
		headers: { Accept: 'application/json', ...(request.headers ?? {}) },
		json: true,
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		// Redirects are followed below, within the credential's origin only.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	const { credentialType, credentials } = connection.auth;
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialType, options, {
		credentialsDecrypted: credentials,
	})) as FullResponse;
	const headers = plainHeaders(response.headers);
	const bytes = await readCappedBody(response.body, headers['content-length'], {
		maxBytes: connection.maxResponseBytes,
		idleTimeoutMs: options.timeout ?? DEFAULT_TIMEOUT_MS,
	});
	return { statusCode: response.statusCode, headers, body: parsedBody(bytes) };
}

/** A request and the redirects it gets, each hop on the credential's own origin. */
async function send(context: OnApiContext, connection: OperatorConnection, request: OnApiRequest): Promise<FullResponse> {
	let current = request;
	for (let hops = 0; ; hops++) {
		const response = await sendOnce(context, connection, current);
		if (!REDIRECT_STATUSES.includes(response.statusCode)) return response;
		if (hops >= MAX_REDIRECTS) {
			throw new NodeOperationError(context.getNode(), `The operator redirected more than ${MAX_REDIRECTS} times`, {
				itemIndex: request.itemIndex,
			});
		}
		const location = plainHeaders(response.headers).location;
		const target = followableRedirect(context.getNode(), connection.origin, current, response.statusCode, location);
		// The Location carries its own query; 303 asks for a GET of the new place.
		current = { ...current, url: target, qs: undefined, ...(response.statusCode === 303 ? { method: 'GET', body: undefined } : {}) };
	}
}

export async function onApiRequest(
	context: OnApiContext,
	connection: OperatorConnection,
	request: OnApiRequest,
): Promise<OnApiResponse> {
	const node = context.getNode();
	let retries = 0;
	for (;;) {
		const sent = await outcomeOf<FullResponse>(send(context, connection, request));
		if (!sent.ok) {
			const error = sent.error;
			// The node's own refusals (another origin) are not network failures.
			if (error instanceof NodeOperationError) throw error;
			// Not retried: the same answer would be as large again.
			if (error instanceof ResponseTooLargeError) {
				throw apiErrorFromOversize(node, { ...failedRequest(request, retries), maxBytes: error.maxBytes, declaredBytes: error.declaredBytes });
			}
			const code = networkErrorCode(error);
			const decision = decideNetworkRetry({ code, retriesSoFar: retries, retryServerErrors: request.retryServerErrors });
			if (decision.retry) {
				await sleep(decision.delayMs);
				retries += 1;
				continue;
			}
			throw apiErrorFromNetwork(node, {
				...failedRequest(request, retries),
				code,
				message: networkErrorMessage(error, code),
				notRetriedWithoutReference: request.purpose === 'create' && !request.retryServerErrors,
			});
		}

		const response = sent.value;
		const headers = plainHeaders(response.headers);
		const body = response.body;
		const status = response.statusCode;
		if (status < 400 || (request.acceptStatuses ?? []).includes(status)) {
			if (typeof body !== 'string') return { statusCode: status, headers, body };
			// Text where JSON belongs is a proxy or maintenance page, not the operator's answer.
			if (request.retryServerErrors && retries < MAX_RETRIES) {
				await sleep(backoffMs(retries));
				retries += 1;
				continue;
			}
			throw apiErrorFromResponse(node, {
				...failedRequest(request, retries),
				status,
				body: undefined,
				notJson: true,
			});
		}
		const decision = decideStatusRetry({
			status,
			retryAfter: headers['retry-after'],
			retriesSoFar: retries,
			retryServerErrors: request.retryServerErrors,
			now: Date.now(),
		});
		if (decision.retry) {
			await sleep(decision.delayMs);
			retries += 1;
			continue;
		}
		throw apiErrorFromResponse(node, {
			...failedRequest(request, retries),
			status,
			body,
			retryAfterTooLongMs: decision.reason === 'retryAfterTooLong' ? decision.retryAfterMs : undefined,
			notRetriedWithoutReference:
				request.purpose === 'create' && !request.retryServerErrors && status >= 500 && status !== 501,
		});
	}
}
