/**
 * When the transport tries a request again, and how long it waits first.
 *
 * - 429: the operator did not process the request, so any request may be repeated; Retry-After is
 *   honoured up to a bound, a longer demand fails at once instead of stalling the workflow.
 * - 5xx (except 501) and timeouts: the request may have been processed. Only reads, and creates
 *   the operator can deduplicate on their spReference (it answers 200 with the pending order),
 *   are repeated.
 */

export const MAX_RETRIES = 3;
/** Longest Retry-After the node waits for. */
export const RETRY_AFTER_LIMIT_MS = 60_000;
/**
 * Shortest wait after a Retry-After, whatever it says: a negative, fractional or past value (or
 * 0) must not turn a throttled operator into a tight loop of retries.
 */
export const RETRY_AFTER_FLOOR_MS = 1_000;
/** Backoff when the operator gives no Retry-After: 0.5 s, 1 s, 2 s. */
export const BACKOFF_BASE_MS = 500;

/** Network error codes that mean "no answer in time" or "connection dropped mid-request". */
export const TIMEOUT_ERROR_CODES: readonly string[] = [
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'ECONNRESET',
	'EPIPE',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
];

export type RetryDecision =
	| { retry: true; delayMs: number }
	| { retry: false; reason: 'notRetryable' | 'exhausted' | 'retryAfterTooLong'; retryAfterMs?: number };

export function backoffMs(retriesSoFar: number): number {
	return BACKOFF_BASE_MS * 2 ** retriesSoFar;
}

/**
 * Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. Only the
 * RFC 9110 forms count: `-1` or `1.5` are not delay-seconds, and `Date.parse` would read them as
 * years, so a date must look like one (`Sun, 06 Nov 1994 08:49:37 GMT` and its older forms).
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	if (!/^[A-Za-z]{3,9},? /.test(text) || !/GMT$/.test(text)) return undefined;
	const at = Date.parse(text);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, at - now);
}

export function decideStatusRetry(options: {
	status: number;
	retryAfter: string | undefined;
	retriesSoFar: number;
	retryServerErrors: boolean;
	now: number;
}): RetryDecision {
	const { status, retriesSoFar } = options;
	const throttled = status === 429;
	const serverError = status >= 500 && status <= 599 && status !== 501;
	if (!throttled && !(serverError && options.retryServerErrors)) return { retry: false, reason: 'notRetryable' };
	if (retriesSoFar >= MAX_RETRIES) return { retry: false, reason: 'exhausted' };
	if (options.retryAfter === undefined) return { retry: true, delayMs: backoffMs(retriesSoFar) };
	const retryAfterMs = parseRetryAfter(options.retryAfter, options.now);
	if (retryAfterMs !== undefined && retryAfterMs > RETRY_AFTER_LIMIT_MS) {
		return { retry: false, reason: 'retryAfterTooLong', retryAfterMs };
	}
	// The operator asked for a pause: never shorter than the floor, unreadable values included.
	return { retry: true, delayMs: Math.max(retryAfterMs ?? backoffMs(retriesSoFar), RETRY_AFTER_FLOOR_MS) };
}

export function decideNetworkRetry(options: {
	code: string | undefined;
	retriesSoFar: number;
	retryServerErrors: boolean;
}): RetryDecision {
	if (!options.retryServerErrors || options.code === undefined || !TIMEOUT_ERROR_CODES.includes(options.code)) {
		return { retry: false, reason: 'notRetryable' };
	}
	if (options.retriesSoFar >= MAX_RETRIES) return { retry: false, reason: 'exhausted' };
	return { retry: true, delayMs: backoffMs(options.retriesSoFar) };
}
