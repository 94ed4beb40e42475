/** Building ON-API responses: JSON bodies, the `{"cause": ...}` error shape and HTTP dates. */
import type { SandboxResponse } from '../types';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
	return {
		status,
		headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers },
		body: JSON.stringify(body),
	};
}

/** responses.md: errors carry a free-text `cause`. */
export function errorResponse(status: number, cause: string, headers: Record<string, string> = {}): SandboxResponse {
	return jsonResponse(status, { cause }, headers);
}

export function noContent(): SandboxResponse {
	return { status: 204, headers: {}, body: '' };
}

/** The spec's 304 example still names the JSON content type; there is no body. */
export function notModified(): SandboxResponse {
	return { status: 304, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body: '' };
}

export function notImplemented(what: string): SandboxResponse {
	return errorResponse(501, `Not implemented: ${what}`);
}

/** RFC 7231 IMF-fixdate, e.g. `Mon, 04 Feb 2019 18:22:33 GMT`. */
export function httpDate(epochMs: number): string {
	return new Date(epochMs).toUTCString();
}

/** Parses an HTTP date header; undefined when absent or unparseable (HTTP says: ignore it then). */
export function parseHttpDate(value: string | string[] | undefined): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (!text) return undefined;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? undefined : ms;
}

/** ON-API dateTime without sub-second noise, e.g. `2019-02-05T00:00:01Z`. */
export function isoDateTime(epochMs: number): string {
	return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** ON-API date, e.g. `2019-01-18`. */
export function isoDate(epochMs: number): string {
	return new Date(epochMs).toISOString().slice(0, 10);
}

export function headerValue(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}
