import {
	backoffMs,
	decideNetworkRetry,
	decideStatusRetry,
	MAX_RETRIES,
	parseRetryAfter,
	RETRY_AFTER_FLOOR_MS,
	RETRY_AFTER_LIMIT_MS,
} from '../../../nodes/OnApi/transport/retryPolicy';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('Retry-After', () => {
	it('reads seconds and HTTP dates', () => {
		expect(parseRetryAfter('3', NOW)).toBe(3000);
		expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:10 GMT', NOW)).toBe(10_000);
		expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', NOW)).toBe(0);
		expect(parseRetryAfter('soon', NOW)).toBeUndefined();
		expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
	});

	it('reads neither negative nor fractional seconds (Date.parse would take them for years)', () => {
		expect(parseRetryAfter('-1', NOW)).toBeUndefined();
		expect(parseRetryAfter('1.5', NOW)).toBeUndefined();
	});

	it('waits at least the floor whatever the header says', () => {
		for (const header of ['0', '-1', '1.5', 'Sun, 01 Mar 2020 12:00:00 GMT']) {
			const decision = decideStatusRetry({ status: 429, retryAfter: header, retriesSoFar: 0, retryServerErrors: false, now: NOW });
			expect(decision).toEqual({ retry: true, delayMs: RETRY_AFTER_FLOOR_MS });
		}
	});
});

describe('status retries', () => {
	const decide = (status: number, extra: Partial<Parameters<typeof decideStatusRetry>[0]> = {}) =>
		decideStatusRetry({ status, retryAfter: undefined, retriesSoFar: 0, retryServerErrors: false, now: NOW, ...extra });

	it('retries 429 for any request, waiting as told', () => {
		expect(decide(429, { retryAfter: '2' })).toEqual({ retry: true, delayMs: 2000 });
		expect(decide(429)).toEqual({ retry: true, delayMs: backoffMs(0) });
	});

	it('gives up on a Retry-After beyond the bound', () => {
		const seconds = String(RETRY_AFTER_LIMIT_MS / 1000 + 1);
		expect(decide(429, { retryAfter: seconds })).toEqual({
			retry: false,
			reason: 'retryAfterTooLong',
			retryAfterMs: RETRY_AFTER_LIMIT_MS + 1000,
		});
	});

	it('retries 5xx only where repeating is safe', () => {
		expect(decide(503)).toEqual({ retry: false, reason: 'notRetryable' });
		expect(decide(503, { retryServerErrors: true })).toEqual({ retry: true, delayMs: backoffMs(0) });
		expect(decide(500, { retryServerErrors: true, retriesSoFar: 2 })).toEqual({ retry: true, delayMs: backoffMs(2) });
	});

	it('never retries 501 or client errors', () => {
		for (const status of [400, 401, 403, 404, 409, 501]) {
			expect(decide(status, { retryServerErrors: true })).toEqual({ retry: false, reason: 'notRetryable' });
		}
	});

	it('stops after the bounded number of retries', () => {
		expect(decide(429, { retriesSoFar: MAX_RETRIES })).toEqual({ retry: false, reason: 'exhausted' });
		expect(decide(502, { retriesSoFar: MAX_RETRIES, retryServerErrors: true })).toEqual({ retry: false, reason: 'exhausted' });
	});
});

describe('network retries', () => {
	it('retries timeouts and dropped connections only where safe', () => {
		expect(decideNetworkRetry({ code: 'ECONNABORTED', retriesSoFar: 0, retryServerErrors: true })).toEqual({ retry: true, delayMs: backoffMs(0) });
		expect(decideNetworkRetry({ code: 'ECONNRESET', retriesSoFar: 1, retryServerErrors: true }).retry).toBe(true);
		expect(decideNetworkRetry({ code: 'ETIMEDOUT', retriesSoFar: 0, retryServerErrors: false }).retry).toBe(false);
	});

	it('does not retry a refused connection or an unknown failure', () => {
		expect(decideNetworkRetry({ code: 'ECONNREFUSED', retriesSoFar: 0, retryServerErrors: true }).retry).toBe(false);
		expect(decideNetworkRetry({ code: undefined, retriesSoFar: 0, retryServerErrors: true }).retry).toBe(false);
		expect(decideNetworkRetry({ code: 'ETIMEDOUT', retriesSoFar: MAX_RETRIES, retryServerErrors: true })).toEqual({
			retry: false,
			reason: 'exhausted',
		});
	});
});
