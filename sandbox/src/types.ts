/**
 * Contracts shared by the sandbox's HTTP core and its API simulators.
 *
 * The core (server.ts) owns the socket, the simulated clock, latency, generic fault injection
 * and the request log. Each simulator (Tjänsteguiden, ON-API) is a plain object that turns a
 * parsed request into a response, so it can be unit-tested without a socket.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface SandboxRequest {
	method: string;
	/** Path without the query string, e.g. `/plain/serviceguide_log` or `/onapi/OPA/2.6/orders/`. */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	/** Raw body as text ('' when none). */
	body: string;
	remoteAddress: string;
	/**
	 * A simulator-specific fault the core picked for this request (one of the simulator's
	 * `faultKinds`, after `faultApplies` agreed). Undefined on a normal request.
	 */
	fault?: AppliedFault;
}

/** The parameters of a fired fault rule, as a simulator sees them. */
export interface AppliedFault {
	ruleId: string;
	kind: string;
	status?: number;
	message?: string;
	location?: string;
}

export interface SandboxResponse {
	status: number;
	headers?: Record<string, string>;
	body?: string;
	/**
	 * Instead of an answer: 'reset' drops the connection at once (a server that is down), 'hold'
	 * keeps it open without an answer until the client gives up (or the server's bound passes).
	 */
	connection?: 'reset' | 'hold';
	/** How `body` is written on the wire (default UTF-8); 'latin1' for an ISO-8859-1 answer. */
	encoding?: 'utf8' | 'latin1';
	/**
	 * Short note for the request log and counters, never sent to the client: an API that answers
	 * errors with HTTP 200 (Tjänsteguiden) says 'error' here so benchmarks can count failures.
	 */
	outcome?: string;
}

/** How the request log and counters file a request (see Simulator.classify). */
export interface RequestClass {
	/** Operation name, e.g. the Tjänsteguiden `method` parameter or 'GET /accesses'. Keep the set small. */
	operation: string;
	/** True for a request whose only purpose is to authenticate (counted apart from API calls). */
	login?: boolean;
}

/** Simulated wall clock: tests move it forward instead of sleeping. */
export interface Clock {
	now(): Date;
	/** Moves simulated time forward by `ms` milliseconds. */
	advance(ms: number): void;
	/** Sets simulated time to an absolute instant. */
	set(instant: Date): void;
}

/** One simulated API mounted on the core under a path prefix. */
export interface Simulator {
	/** Short name used in the request log and in fault rules: 'tjansteguiden', 'onapi', ... */
	readonly name: string;
	/** True when this simulator serves the request's path. */
	matches(path: string): boolean;
	handle(request: SandboxRequest): Promise<SandboxResponse> | SandboxResponse;
	/**
	 * Admin routes below `/__admin/<name>/...`; return undefined for an unknown route.
	 * `subPath` is the rest of the path without leading or trailing slashes: 'orders', 'orders/42',
	 * or '' for `/__admin/<name>` itself.
	 */
	handleAdmin?(
		request: SandboxRequest,
		subPath: string,
	): Promise<SandboxResponse | undefined> | SandboxResponse | undefined;
	/**
	 * Fault kinds this simulator implements itself, beyond the core's generic ones
	 * (timeout, http5xx, html, status429, slow). Rules with these kinds reach `handle` as `request.fault`.
	 */
	readonly faultKinds?: readonly string[];
	/**
	 * Whether a simulator-specific fault can take effect on this request (e.g. 'expiredHash' needs a
	 * currently valid hash). A rule only fires, and counts down, when this says yes; absent = always.
	 */
	faultApplies?(kind: string, request: SandboxRequest): boolean;
	/** Operation name and login flag for the request log; absent = `method` query parameter or HTTP method + path. */
	classify?(request: SandboxRequest): RequestClass;
	/** Sections of the admin page at GET /__admin (see adminPage.ts), filtered by the page's query. */
	adminPage?(query: URLSearchParams): AdminPageSection[];
	/** Back to the seeded state. */
	reset(): void;
	/** JSON-serialisable view of the state, for tests and the demo. */
	snapshot(): unknown;
}

/** One part of the admin page a person reads: a heading and its content, already escaped (html.ts). */
export interface AdminPageSection {
	title: string;
	html: string;
}
