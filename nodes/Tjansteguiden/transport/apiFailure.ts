/** A failed Tjänsteguiden call, before it becomes the NodeApiError a user sees (see httpExchange). */
/**
 * Why a call failed, so that each transport can decide what it means on its side (a stale login
 * hash, an IP address the operator does not allow, ...):
 * - unreachable: no HTTP answer (network error, timeout);
 * - refused: HTTP 401 or 403;
 * - http: any other HTTP error status;
 * - unreadable: not a Tjänsteguiden XML document (HTML page, cut-off XML);
 * - api: a well-formed error envelope; the message is the API's own;
 * - invalid: a well-formed answer that lacks what the call needs;
 * - tooLarge: an answer larger than the credential's "Max Response Size (MB)", cut off.
 */
export type FailureReason = 'unreachable' | 'refused' | 'http' | 'unreadable' | 'api' | 'invalid' | 'tooLarge';

export class ApiFailure extends Error {
	constructor(
		message: string,
		readonly reason: FailureReason,
		readonly description?: string,
		readonly httpCode?: string,
	) {
		super(message);
	}
}
