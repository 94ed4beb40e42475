/** The admin toolkit shared by the core's and both simulators' admin routes: errors, JSON in and out. */
import type { SandboxRequest, SandboxResponse } from './types';

/** A client mistake in an admin call; becomes a 4xx JSON answer. */
export class AdminError extends Error {
	constructor(
		message: string,
		readonly status = 400,
	) {
		super(message);
	}
}

/** The JSON answer to an admin mistake, or undefined for any other error (which the caller rethrows). */
export function adminErrorAnswer(error: unknown): SandboxResponse | undefined {
	return error instanceof AdminError ? jsonResponse(error.status, { error: error.message }) : undefined;
}

export function jsonResponse(status: number, value: unknown): SandboxResponse {
	return {
		status,
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
		body: JSON.stringify(value, null, 2),
	};
}

/** The request body as JSON; an empty body is `{}`. */
export function readJsonBody(request: SandboxRequest): unknown {
	if (request.body.trim() === '') return {};
	try {
		return JSON.parse(request.body) as unknown;
	} catch {
		throw new AdminError('The request body is not valid JSON');
	}
}

export function readJsonObject(request: SandboxRequest): Record<string, unknown> {
	const body = readJsonBody(request);
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new AdminError('The request body must be a JSON object');
	}
	return body as Record<string, unknown>;
}

/** A non-negative integer query parameter, or the fallback when absent. */
export function integerParameter(query: URLSearchParams, name: string, fallback: number): number {
	const raw = query.get(name);
	if (raw === null || raw === '') return fallback;
	if (!/^\d+$/.test(raw)) throw new AdminError(`${name} must be a non-negative integer`);
	return Number(raw);
}
