/** Shared setup for the ON-API simulator tests: a manual clock and a request helper (no socket). */
import { DEMO_USERNAME, FIBNORR_PASSWORD, PORTAL_API_KEY, PORTAL_API_USER, SNDEMO_PASSWORD } from '../../sandbox/src';
import { createOnApiSimulator, type OnApiSimulator, type OperatorConfig } from '../../sandbox/src/onapi';
import type { Clock, SandboxRequest, SandboxResponse } from '../../sandbox/src/types';

export const START = Date.parse('2025-03-03T09:00:00Z');

export class ManualClock implements Clock {
	constructor(private ms = START) {}
	now(): Date {
		return new Date(this.ms);
	}
	advance(ms: number): void {
		this.ms += ms;
	}
	set(instant: Date): void {
		this.ms = instant.getTime();
	}
}

export function basicAuth(username: string, password: string): string {
	return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

export const SNDEMO_AUTH = basicAuth(DEMO_USERNAME, SNDEMO_PASSWORD);
export const FIBNORR_AUTH = basicAuth(DEMO_USERNAME, FIBNORR_PASSWORD);
export const PORTAL_AUTH = basicAuth(PORTAL_API_USER, PORTAL_API_KEY);

export interface CallOptions {
	body?: unknown;
	headers?: Record<string, string>;
	/** Authorization header; defaults to the demo login of the operator in the path; null = none. */
	auth?: string | null;
}

export interface CallResult {
	status: number;
	headers: Record<string, string>;
	body: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
	outcome?: string;
}

function defaultAuth(path: string): string | undefined {
	if (path.startsWith('/plain/onapi/')) return PORTAL_AUTH;
	if (/^\/onapi\/SNDEMO(\/|$)/.test(path)) return SNDEMO_AUTH;
	if (/^\/onapi\/FIBNORR(\/|$)/.test(path)) return FIBNORR_AUTH;
	return undefined;
}

export function makeRequest(method: string, pathAndQuery: string, options: CallOptions = {}): SandboxRequest {
	const url = new URL(pathAndQuery, 'http://127.0.0.1');
	const headers: Record<string, string> = { ...(options.headers ?? {}) };
	const auth = options.auth === undefined ? defaultAuth(url.pathname) : options.auth;
	if (auth) headers.authorization = auth;
	const body = options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
	if (body !== '') headers['content-type'] = 'application/json';
	return { method, path: url.pathname, query: url.searchParams, headers, body, remoteAddress: '127.0.0.1' };
}

function toResult(response: SandboxResponse): CallResult {
	const body = response.body ?? '';
	let json: unknown;
	try {
		json = body === '' ? undefined : JSON.parse(body);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers ?? {}, body, json, outcome: response.outcome };
}

export interface Harness {
	clock: ManualClock;
	sim: OnApiSimulator;
	call(method: string, pathAndQuery: string, options?: CallOptions): Promise<CallResult>;
	admin(method: string, subPath: string, body?: unknown): Promise<CallResult | undefined>;
}

export function harness(operators?: OperatorConfig[]): Harness {
	const clock = new ManualClock();
	const sim = createOnApiSimulator({ clock, operators });
	return {
		clock,
		sim,
		async call(method, pathAndQuery, options) {
			const request = makeRequest(method, pathAndQuery, options);
			expect(sim.matches(request.path)).toBe(true);
			return toResult(await sim.handle(request));
		},
		async admin(method, subPath, body) {
			const request = makeRequest(method, `/__admin/onapi/${subPath}`, { body, auth: null });
			const response = await sim.handleAdmin?.(request, subPath.split('?')[0]);
			return response === undefined ? undefined : toResult(response);
		},
	};
}

/** Body of a typical ACTIVATE order. */
export function activation(accessId: string, service = 'BB-100-100', extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { accessId, service, operation: 'ACTIVATE', spReference: 'CUST-1001', ...extra };
}
