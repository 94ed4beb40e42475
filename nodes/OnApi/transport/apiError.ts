/**
 * ON-API failures as n8n errors. The message is the operator's `cause` (responses.md); the
 * description says in plain words what the status means for what the node was doing.
 *
 * The errors are built from a small hand-made object, never from the HTTP library's error or
 * request options, so the Authorization header (and thus the password) cannot end up in them.
 */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import { megabytesText } from '../../shared/cappedBody';
import { LARGEST_MAX_RESPONSE_MB, MAX_RESPONSE_SIZE_NAME } from '../../shared/maxResponseSize';
import { MAX_RETRIES, RETRY_AFTER_LIMIT_MS } from './retryPolicy';

/** What the request was for; the same status means different things for each. */
export type RequestPurpose = 'read' | 'create' | 'change';

/** What the node was doing when a request failed, for either kind of failure. */
export interface FailedRequest {
	method: string;
	url: string;
	purpose: RequestPurpose;
	itemIndex: number;
	retries: number;
	/** The create was not retried because it had no spReference. */
	notRetriedWithoutReference?: boolean;
}

export interface FailedResponse extends FailedRequest {
	status: number;
	body: unknown;
	retryAfterTooLongMs?: number;
	/** A success status with a body that is not JSON (an HTML page from a proxy, say). */
	notJson?: boolean;
}

const NOT_RETRIED_WITHOUT_REFERENCE =
	'Not retried: without an spReference the operator cannot recognise a repeated order, so a retry could create it twice.';

function causeOf(body: unknown): string | undefined {
	let value = body;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value) as unknown;
		} catch {
			return undefined;
		}
	}
	if (typeof value !== 'object' || value === null) return undefined;
	const record = value as Record<string, unknown>;
	for (const key of ['cause', 'message', 'error']) {
		const candidate = record[key];
		if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
	}
	return undefined;
}

export function describeStatus(status: number, purpose: RequestPurpose): string {
	switch (status) {
		case 400:
			return purpose === 'create'
				? 'The operator rejected the order as invalid: a field has the wrong content, the accessId or subscriptionId is unknown, or the access does not offer the service.'
				: 'The operator rejected the request as invalid.';
		case 401:
			return 'The operator did not accept the username and password. Check the ON-API credential (HTTP Basic authentication).';
		case 403:
			return 'The credential is valid but not allowed to do this: the object may belong to another service provider, or the operator has not opened this endpoint for you.';
		case 404:
			return purpose === 'create'
				? 'The operator does not know the accessId or subscriptionId named in the order.'
				: 'The operator has no such object. Check the ID.';
		case 409:
			if (purpose === 'create') return 'The service is already active, or held by another service provider.';
			if (purpose === 'change') return 'The order can no longer be changed: only orders in state RECEIVED can be updated or cancelled.';
			return 'The request conflicts with another object at the operator.';
		case 429:
			return 'The operator is limiting the request rate.';
		case 501:
			return 'The operator does not implement this endpoint. Check the Version in the credential and the operator\'s endpoint list (Endpoint → Get Many).';
		default:
			if (status >= 500) return 'The operator failed to process the request.';
			return `The operator answered HTTP ${status}.`;
	}
}

/** `https://co.example/onapi/2.6/orders/x` without user info, query or fragment. */
export function displayUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`;
	} catch {
		return '';
	}
}

export function apiErrorFromResponse(node: INode, failure: FailedResponse): NodeApiError {
	const cause = causeOf(failure.body);
	const notes = failure.notJson
		? ['The answer was not JSON, so it did not come from the ON-API itself (a proxy or maintenance page, for example).']
		: [describeStatus(failure.status, failure.purpose)];
	if (failure.retries > 0) notes.push(`The node tried ${failure.retries + 1} times.`);
	if (failure.retryAfterTooLongMs !== undefined) {
		notes.push(
			`The operator asked to wait ${Math.ceil(failure.retryAfterTooLongMs / 1000)} s, longer than the node waits (${RETRY_AFTER_LIMIT_MS / 1000} s).`,
		);
	}
	if (failure.notRetriedWithoutReference) {
		notes.push(NOT_RETRIED_WITHOUT_REFERENCE);
	}
	const message =
		cause ??
		(failure.notJson
			? `The operator answered HTTP ${failure.status} without JSON to ${failure.method} ${displayUrl(failure.url)}`
			: `The operator answered HTTP ${failure.status} to ${failure.method} ${displayUrl(failure.url)}`);
	const errorResponse: JsonObject = {
		httpCode: String(failure.status),
		cause: cause ?? null,
		method: failure.method,
		url: displayUrl(failure.url),
	};
	return new NodeApiError(node, errorResponse, {
		message,
		description: notes.join(' '),
		httpCode: String(failure.status),
		itemIndex: failure.itemIndex,
	});
}

export interface FailedConnection extends FailedRequest {
	code: string | undefined;
	message: string;
}

export function apiErrorFromNetwork(node: INode, failure: FailedConnection): NodeApiError {
	const notes = [`No answer from the operator for ${failure.method} ${displayUrl(failure.url)}${failure.code ? ` (${failure.code})` : ''}.`];
	if (failure.retries > 0) notes.push(`The node tried ${failure.retries + 1} times (at most ${MAX_RETRIES + 1}).`);
	if (failure.notRetriedWithoutReference) {
		notes.push(`${NOT_RETRIED_WITHOUT_REFERENCE} Check the operator's orders before trying again.`);
	}
	const errorResponse: JsonObject = {
		code: failure.code ?? null,
		method: failure.method,
		url: displayUrl(failure.url),
	};
	return new NodeApiError(node, errorResponse, {
		message: failure.message,
		description: notes.join(' '),
		itemIndex: failure.itemIndex,
	});
}

export interface OversizedAnswer extends FailedRequest {
	maxBytes: number;
	/** The size the answer announced (Content-Length), when it did. */
	declaredBytes?: number;
}

/** An answer larger than the credential's "Max Response Size (MB)": reading stopped at the cap. */
export function apiErrorFromOversize(node: INode, failure: OversizedAnswer): NodeApiError {
	const limit = megabytesText(failure.maxBytes);
	const announced = failure.declaredBytes === undefined ? '' : ` (it announced ${megabytesText(failure.declaredBytes)})`;
	const message = `The operator's answer to ${failure.method} ${displayUrl(failure.url)} is larger than ${limit}${announced}`;
	const notes = [
		`The node stopped reading this ${failure.purpose} answer at ${limit}, the "${MAX_RESPONSE_SIZE_NAME}" of the ON-API credential, and closed the connection.`,
		`Raise that field (at most ${LARGEST_MAX_RESPONSE_MB}), or ask for less: for Access → Get Many, only the changes (If Modified Since, or Only Changes Since Last Run), since full access lists of large operators (1–2 GB) cannot be read whole.`,
	];
	const errorResponse: JsonObject = { method: failure.method, url: displayUrl(failure.url), maxBytes: failure.maxBytes };
	return new NodeApiError(node, errorResponse, { message, description: notes.join(' '), itemIndex: failure.itemIndex });
}
