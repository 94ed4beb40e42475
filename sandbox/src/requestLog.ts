/**
 * Record of the API requests the sandbox received. The entry list is a ring buffer (benchmarks send
 * 100k+ requests); the counters cover every request ever received and only go back to zero on reset.
 */

export interface RequestLogEntry {
	/** 1, 2, 3, ... in arrival order; `?since=<seq>` pages through the log. */
	seq: number;
	/** Sandbox clock at arrival (ISO 8601). */
	time: string;
	simulator: string;
	httpMethod: string;
	path: string;
	/** Query parameters with secret values (api_key, hash, password, ...) replaced by '[redacted]'. */
	query: Record<string, string | string[]>;
	/** The `method` query parameter (Tjänsteguiden's method name), when the request had one. */
	apiMethod?: string;
	operation: string;
	login: boolean;
	/** HTTP status sent; absent while the request is held open (timeout fault) or was never answered. */
	status?: number;
	/** Kind of the fault rule that fired on this request. */
	fault?: string;
	faultRuleId?: string;
	/** Simulator's note, e.g. 'error' for a Tjänsteguiden error envelope. */
	outcome?: string;
	/** Real milliseconds from arrival to the answer (or to giving up on a held request). */
	durationMs?: number;
}

export interface SimulatorCounters {
	total: number;
	/** Login requests (Tjänsteguiden api_login). */
	logins: number;
	/** Requests that were not logins. */
	calls: number;
	byOperation: Record<string, number>;
	/** HTTP status → count; 'none' for requests never answered (timeout fault). */
	byStatus: Record<string, number>;
	byFault: Record<string, number>;
	byOutcome: Record<string, number>;
}

export interface RequestCounters {
	total: number;
	bySimulator: Record<string, SimulatorCounters>;
}

export interface RequestLogQuery {
	simulator?: string;
	operation?: string;
	/** A sequence number (entries after it) or an ISO instant (entries at or after it, sandbox time). */
	since?: string;
	/** Most entries to return, oldest first (default 1000). */
	limit?: number;
}

export interface RequestLogPage {
	/** Requests received since the last reset, including those no longer in the buffer. */
	received: number;
	capacity: number;
	/** Sequence number of the oldest entry still held (0 when empty). */
	oldestSeq: number;
	entries: RequestLogEntry[];
}

export interface ArrivingRequest {
	time: Date;
	simulator: string;
	httpMethod: string;
	path: string;
	query: URLSearchParams;
	operation: string;
	login: boolean;
}

const SECRET_PARAMETERS = new Set(['api_key', 'hash', 'hash_key', 'password', 'token', 'secret', 'key']);
/** Distinct keys per counter map; more are summed under OVERFLOW_KEY so a path-based operation name cannot exhaust memory. */
const MAX_COUNTER_KEYS = 500;
const OVERFLOW_KEY = '(other)';

export class RequestLog {
	private ring: (RequestLogEntry | undefined)[];
	private nextSeq = 1;
	private totals: RequestCounters = { total: 0, bySimulator: emptyRecord() };
	/** Entries begun since the last reset: a request still in flight at a reset must not count afterwards. */
	private current = new WeakSet<RequestLogEntry>();

	constructor(readonly capacity = 20000) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
		this.ring = new Array<RequestLogEntry | undefined>(capacity);
	}

	/** Logs and counts a request as it arrives; the returned entry is completed by `fault`/`finish`. */
	begin(request: ArrivingRequest): RequestLogEntry {
		const entry: RequestLogEntry = {
			seq: this.nextSeq++,
			time: request.time.toISOString(),
			simulator: request.simulator,
			httpMethod: request.httpMethod,
			path: request.path,
			query: redactedQuery(request.query),
			operation: request.operation,
			login: request.login,
		};
		const apiMethod = request.query.get('method');
		if (apiMethod !== null) entry.apiMethod = apiMethod;
		this.ring[(entry.seq - 1) % this.capacity] = entry;
		this.current.add(entry);

		const counters = this.countersOf(request.simulator);
		this.totals.total += 1;
		counters.total += 1;
		if (request.login) counters.logins += 1;
		else counters.calls += 1;
		increment(counters.byOperation, request.operation);
		return entry;
	}

	fault(entry: RequestLogEntry, kind: string, ruleId: string): void {
		if (!this.current.has(entry)) return;
		entry.fault = kind;
		entry.faultRuleId = ruleId;
		increment(this.countersOf(entry.simulator).byFault, kind);
	}

	finish(entry: RequestLogEntry, status: number | undefined, durationMs: number, outcome?: string): void {
		if (!this.current.has(entry)) return;
		if (status !== undefined) entry.status = status;
		entry.durationMs = durationMs;
		if (outcome !== undefined) entry.outcome = outcome;
		const counters = this.countersOf(entry.simulator);
		increment(counters.byStatus, status === undefined ? 'none' : String(status));
		if (outcome !== undefined) increment(counters.byOutcome, outcome);
	}

	query(filter: RequestLogQuery = {}): RequestLogPage {
		const limit = filter.limit ?? 1000;
		const sinceSeq = filter.since !== undefined && /^\d+$/.test(filter.since) ? Number(filter.since) : undefined;
		const sinceTime = filter.since !== undefined && sinceSeq === undefined ? Date.parse(filter.since) : undefined;
		if (sinceTime !== undefined && Number.isNaN(sinceTime)) throw new RangeError(`since is neither a sequence number nor an ISO date: ${filter.since}`);

		const held = Math.min(this.nextSeq - 1, this.capacity);
		const oldestSeq = held === 0 ? 0 : this.nextSeq - held;
		const entries: RequestLogEntry[] = [];
		const firstSeq = Math.max(oldestSeq, (sinceSeq ?? 0) + 1);
		for (let seq = firstSeq; seq < this.nextSeq && entries.length < limit; seq++) {
			const entry = this.ring[(seq - 1) % this.capacity];
			if (entry === undefined) continue;
			if (filter.simulator !== undefined && entry.simulator !== filter.simulator) continue;
			if (filter.operation !== undefined && entry.operation !== filter.operation) continue;
			if (sinceTime !== undefined && Date.parse(entry.time) < sinceTime) continue;
			entries.push({ ...entry, query: Object.assign(emptyRecord<string | string[]>(), entry.query) });
		}
		return { received: this.nextSeq - 1, capacity: this.capacity, oldestSeq, entries };
	}

	counters(): RequestCounters {
		return structuredClone(this.totals);
	}

	reset(): void {
		this.ring = new Array<RequestLogEntry | undefined>(this.capacity);
		this.nextSeq = 1;
		this.totals = { total: 0, bySimulator: emptyRecord() };
		this.current = new WeakSet<RequestLogEntry>();
	}

	private countersOf(simulator: string): SimulatorCounters {
		let counters = this.totals.bySimulator[simulator];
		if (counters === undefined) {
			counters = {
				total: 0,
				logins: 0,
				calls: 0,
				byOperation: emptyRecord(),
				byStatus: emptyRecord(),
				byFault: emptyRecord(),
				byOutcome: emptyRecord(),
			};
			this.totals.bySimulator[simulator] = counters;
		}
		return counters;
	}
}

function increment(map: Record<string, number>, key: string): void {
	const existing = map[key];
	if (existing !== undefined) {
		map[key] = existing + 1;
		return;
	}
	const slot = Object.keys(map).length >= MAX_COUNTER_KEYS ? OVERFLOW_KEY : key;
	map[slot] = (map[slot] ?? 0) + 1;
}

function redactedQuery(query: URLSearchParams): Record<string, string | string[]> {
	const result = emptyRecord<string | string[]>();
	for (const [name, rawValue] of query) {
		const value = SECRET_PARAMETERS.has(name.toLowerCase()) ? '[redacted]' : rawValue;
		const existing = result[name];
		if (existing === undefined) result[name] = value;
		else if (Array.isArray(existing)) existing.push(value);
		else result[name] = [existing, value];
	}
	return result;
}

/** Keys come from clients (operation names, query parameters): no prototype, so '__proto__' is just a key. */
function emptyRecord<T = number>(): Record<string, T> {
	return Object.create(null) as Record<string, T>;
}
