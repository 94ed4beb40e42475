import {
	NodeApiError,
	type ICredentialsDecrypted,
	type IDataObject,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

import { decodeBody } from './charset';
import { megabytesText, readCappedBody, ResponseTooLargeError } from '../../shared/cappedBody';
import { MAX_RESPONSE_SIZE_NAME } from '../../shared/maxResponseSize';
import { outcomeOf } from '../../shared/outcome';
import { ApiFailure } from './apiFailure';
import { EnvelopeError, readEnvelope, type Envelope, type EnvelopeOptions } from './envelope';
import { redact } from './redact';
import type { TjansteguidenContext } from './types';
import { parseXml, XmlFormatError } from './xml';

export const REQUEST_TIMEOUT_MS = 30_000;

export interface XmlRequest {
	/**
	 * The credential whose `authenticate` n8n applies to the request, already read (see
	 * credentialsOnce). Without it the request goes out as it is, e.g. a call that carries a login
	 * hash and nothing from the credential.
	 */
	authentication?: { credentialType: string; credentials: ICredentialsDecrypted };
	url: string;
	qs: IDataObject;
	/** How messages name the API, e.g. "Tjänsteguiden API". */
	apiName: string;
	/** What the answer must say to count as done (writes: success). */
	envelope?: EnvelopeOptions;
	/** The largest answer read (the credential's "Max Response Size (MB)", see responseLimit.ts). */
	maxResponseBytes: number;
	/** Which credential sets it, for the message when an answer is larger. */
	credentialName: string;
}

/** How much of a body briefText reads: its 300 characters come from the top of the page. */
const BRIEF_INPUT_LIMIT = 64 * 1024;
const BRIEF_LENGTH = 300;

/**
 * The start of a body, cut where no secret can be split: a secret cut in half would escape
 * redaction, so the cut goes back to the last space, tag or separator.
 */
function headOf(body: string): string {
	if (body.length <= BRIEF_INPUT_LIMIT) return body;
	const head = body.slice(0, BRIEF_INPUT_LIMIT);
	const lastBreak = Math.max(head.lastIndexOf(' '), head.lastIndexOf('<'), head.lastIndexOf('&'), head.lastIndexOf('\n'));
	return lastBreak > 0 ? head.slice(0, lastBreak) : '';
}

/**
 * The text of markup without its tags and without script and style contents, in one pass: the
 * regular expressions this replaces backtracked quadratically on pages full of unclosed tags, and
 * block n8n's whole process meanwhile.
 */
function textOfMarkup(markup: string): string {
	const lower = markup.toLowerCase();
	const parts: string[] = [];
	let length = 0;
	let at = 0;
	while (at < markup.length && length < BRIEF_LENGTH * 4) {
		const open = markup.indexOf('<', at);
		const text = markup.slice(at, open < 0 ? markup.length : open);
		parts.push(text, ' ');
		length += text.length;
		if (open < 0) break;
		const hidden = lower.startsWith('<script', open) ? '</script' : lower.startsWith('<style', open) ? '</style' : undefined;
		const end = hidden ? lower.indexOf(hidden, open) : open;
		if (end < 0) break;
		const close = markup.indexOf('>', end);
		if (close < 0) break;
		at = close + 1;
	}
	return parts.join('');
}

/** The readable text of an HTML or XML body, short enough for an error description. */
export function briefText(body: string): string {
	// Redacted first: the tags that mark a hash are stripped below.
	return textOfMarkup(redact(headOf(body)))
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, BRIEF_LENGTH);
}

/**
 * One GET through n8n's request helpers (proxy, TLS and credential handling are n8n's), read as a
 * Tjänsteguiden XML envelope. The API reports errors with HTTP 200 and an error envelope, so the
 * HTTP status alone proves nothing. The body arrives as a stream and is read up to the
 * credential's cap (shared/cappedBody.ts): a larger one is cut off, not buffered whole.
 */
export async function sendXmlRequest(context: TjansteguidenContext, request: XmlRequest): Promise<Envelope> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: request.url,
		qs: request.qs,
		headers: { Accept: 'application/xml, text/xml;q=0.9, */*;q=0.1' },
		// Bytes, decoded below by the encoding the answer declares (see charset.ts).
		encoding: 'stream',
		json: false,
		timeout: REQUEST_TIMEOUT_MS,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const { authentication } = request;
	const sent = await outcomeOf<IN8nHttpFullResponse>(
		authentication
			? context.helpers.httpRequestWithAuthentication.call(context, authentication.credentialType, options, {
					credentialsDecrypted: authentication.credentials,
				})
			: context.helpers.httpRequest(options),
	);
	if (!sent.ok) throw unreachable(sent.error, request.apiName);
	const response = sent.value;
	const bytes = await outcomeOf(
		readCappedBody(response.body, response.headers?.['content-length'], {
			maxBytes: request.maxResponseBytes,
			idleTimeoutMs: REQUEST_TIMEOUT_MS,
		}),
	);
	if (!bytes.ok) throw bytes.error instanceof ResponseTooLargeError ? tooLarge(bytes.error, request) : unreachable(bytes.error, request.apiName);
	return readHttpAnswer(response.statusCode, bodyText(bytes.value, response, request.apiName), request.apiName, request.envelope);
}

/** No answer, or one cut off: the network's failure in words (its code, never the request). */
function unreachable(error: unknown, apiName: string): ApiFailure {
	const cause = error as { message?: string; code?: string; cause?: { code?: string } };
	const code = cause.code ?? cause.cause?.code;
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(cause.message ?? '');
	return new ApiFailure(
		timedOut
			? `The ${apiName} did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`
			: `The ${apiName} could not be reached${code ? ` (${code})` : ''}`,
		'unreachable',
		cause.message,
	);
}

function tooLarge(error: ResponseTooLargeError, request: XmlRequest): ApiFailure {
	const limit = megabytesText(error.maxBytes);
	const announced = error.declaredBytes === undefined ? '' : ` (it announced ${megabytesText(error.declaredBytes)})`;
	return new ApiFailure(
		`The ${request.apiName}'s answer to ${String(request.qs.method)} is larger than ${limit}${announced}`,
		'tooLarge',
		`The node stopped reading at ${limit}, the "${MAX_RESPONSE_SIZE_NAME}" of the ${request.credentialName} credential, and closed the connection. Raise that field if such answers are expected.`,
	);
}

/**
 * The body as text. An error status keeps its say even when its body cannot be decoded: that body
 * is then read leniently, for the description only.
 */
function bodyText(bytes: Uint8Array, response: IN8nHttpFullResponse, apiName: string): string {
	let undecodable: Error;
	try {
		return decodeBody(bytes, response.headers?.['content-type']);
	} catch (error) {
		undecodable = error as Error;
	}
	// An error page is still shown (as Latin-1, which reads every byte); an answer must decode.
	if (response.statusCode >= 400) return Buffer.from(bytes).toString('latin1');
	throw new ApiFailure(`The ${apiName} sent an answer that could not be read: ${undecodable.message}`, 'unreadable', undefined, String(response.statusCode));
}

/**
 * An HTTP answer as a Tjänsteguiden envelope; refusals, HTTP errors and error envelopes throw
 * ApiFailure. The one documented failure is HTTP 400 with an error envelope (Zend_Rest_Server
 * style: `<status>failed</status>` and a `<message>`), so an error body is read as an envelope
 * first: its own message is what the user needs, with the HTTP code beside it.
 */
export function readHttpAnswer(statusCode: number, body: string, apiName: string, expected: EnvelopeOptions = {}): Envelope {
	if (statusCode < 400) return readXmlEnvelope(body, apiName, String(statusCode), expected);
	const httpCode = String(statusCode);
	const apiMessage = errorEnvelopeMessage(body);
	if (statusCode === 401 || statusCode === 403) {
		throw new ApiFailure(`The ${apiName} refused the request (HTTP ${statusCode})`, 'refused', apiMessage ?? briefText(body), httpCode);
	}
	if (apiMessage !== undefined) throw new ApiFailure(apiMessage, 'api', `HTTP ${statusCode} from the ${apiName}`, httpCode);
	throw new ApiFailure(`The ${apiName} answered HTTP ${statusCode}`, 'http', briefText(body) || undefined, httpCode);
}

/** The API's own message when an error body is a Tjänsteguiden error envelope. */
function errorEnvelopeMessage(body: string): string | undefined {
	try {
		readEnvelope(parseXml(body), { requireSuccess: true });
	} catch (error) {
		if (error instanceof EnvelopeError && error.apiStatus !== 'missing' && error.apiStatus !== 'invalid') return error.message;
	}
	return undefined;
}

/** Parses an answer body into its envelope; an error envelope or unreadable body is an ApiFailure. */
function readXmlEnvelope(body: string, apiName: string, httpCode: string, expected: EnvelopeOptions): Envelope {
	let failure: unknown;
	try {
		return readEnvelope(parseXml(body), expected);
	} catch (error) {
		failure = error;
	}
	if (failure instanceof EnvelopeError) throw new ApiFailure(failure.message, 'api', `API status: ${failure.apiStatus}`);
	if (failure instanceof XmlFormatError) {
		throw new ApiFailure(
			`The ${apiName} sent an answer that could not be read: ${failure.message}`,
			'unreadable',
			briefText(body) || undefined,
			httpCode,
		);
	}
	throw failure;
}

/**
 * The NodeApiError for a failed call. Only the redacted message and description go into it, never
 * the request options: their query string may carry a login hash.
 */
export function toNodeApiError(
	context: TjansteguidenContext,
	failure: unknown,
	secrets: Array<string | undefined>,
	method: string,
	itemIndex: number,
): NodeApiError {
	const apiFailure =
		failure instanceof ApiFailure ? failure : new ApiFailure((failure as Error)?.message ?? String(failure), 'invalid');
	const message = redact(apiFailure.message, secrets);
	const description = apiFailure.description ? redact(apiFailure.description, secrets) : undefined;
	const error = new NodeApiError(
		context.getNode(),
		{ message, description: description ?? null, method } as JsonObject,
		{ message, description, httpCode: apiFailure.httpCode, itemIndex },
	);
	failures.set(error, apiFailure);
	return error;
}

/** Why each NodeApiError of this transport failed, kept out of the error itself (and so of run data). */
const failures = new WeakMap<Error, ApiFailure>();

/**
 * Whether a failed call may well succeed if tried again later: no answer, a refusal, a server
 * error or rate limit, or an answer that could not be read (a proxy's page). The API's own error
 * about a request, or an answer that lacks what the call needs, will not change by waiting.
 */
export function isTransientFailure(error: unknown): boolean {
	const failure = error instanceof Error ? failures.get(error) : undefined;
	if (failure === undefined) return true;
	const status = Number(failure.httpCode);
	if (status >= 500 || status === 429) return true;
	// An oversized answer will be as large next time, until the limit is raised.
	return failure.reason !== 'api' && failure.reason !== 'invalid' && failure.reason !== 'tooLarge';
}
