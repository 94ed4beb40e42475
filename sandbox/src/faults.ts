/**
 * Fault injection rules. The core owns the rule list and decides which rule fires on a request;
 * generic kinds are carried out by the server, simulator-specific kinds are handed to the simulator.
 */

/** Kinds the core carries out itself, for any simulator. */
/**
 * timeout, http5xx, html, status429, slow: an unreachable, failing or busy backend. redirect: a 3xx to
 * `location`; hugeBody: the normal answer padded to `sizeBytes`; echoUrl: an error page that repeats
 * the request's URL, query string (and so any key in it) included.
 */
export const GENERIC_FAULT_KINDS = ['timeout', 'http5xx', 'html', 'status429', 'slow', 'redirect', 'hugeBody', 'echoUrl'] as const;
export type GenericFaultKind = (typeof GENERIC_FAULT_KINDS)[number];

export function isGenericFaultKind(kind: string): kind is GenericFaultKind {
	return (GENERIC_FAULT_KINDS as readonly string[]).includes(kind);
}

/** What admin posts to /__admin/faults. */
export interface FaultRuleInput {
	/** Only requests to this simulator; any simulator when absent. */
	simulator?: string;
	/** Equals the request's operation (Tjänsteguiden `method`) or is a substring of its path; any request when absent. */
	match?: string;
	kind: string;
	/** How many requests the rule fires on (default 1). */
	times?: number;
	/** Matching requests to let through untouched before the rule starts firing (default 0). */
	skip?: number;
	/** http5xx: 5xx status (default 500); html: 200 or an error status (default 200). */
	status?: number;
	/** status429: Retry-After value in seconds (default 1). */
	retryAfterSeconds?: number;
	/** status429: send Retry-After as an HTTP date, retryAfterSeconds after the sandbox clock's now. */
	retryAfterDate?: boolean;
	/** status429: this Retry-After header as is (e.g. '-1', '1.5', a past date); wins over the two above. */
	retryAfter?: string;
	/**
	 * redirect: where to (default http://redirected.invalid). An origin alone (`http://127.0.0.1:9`)
	 * gets the request's path and query appended; a URL with a path is sent as is.
	 */
	location?: string;
	/** hugeBody: the size the answer is padded to (default 16 MiB). */
	sizeBytes?: number;
	/** slow: extra delay (default 2000 ms); timeout: how long to hold the socket (default: the server's bound). */
	delayMs?: number;
	/** errorEnvelope and other simulator kinds: the message to answer with. */
	message?: string;
}

export interface FaultRule {
	id: string;
	simulator?: string;
	match?: string;
	kind: string;
	times: number;
	skip: number;
	status?: number;
	retryAfterSeconds?: number;
	retryAfterDate?: boolean;
	retryAfter?: string;
	location?: string;
	sizeBytes?: number;
	delayMs?: number;
	message?: string;
	/** Firings left; the rule is spent at 0 but stays listed so tests can see it fired. */
	remaining: number;
	/** Matching requests still to let through before firing. */
	skipRemaining: number;
	fired: number;
}

/** The request as fault matching sees it. */
export interface FaultTarget {
	simulator: string;
	/** Operation names the rule's `match` may equal (operation, `method` query parameter). */
	names: readonly string[];
	path: string;
}

export class FaultRuleError extends Error {}

const DEFAULT_STATUS: Partial<Record<string, number>> = { http5xx: 500, html: 200, redirect: 302, echoUrl: 404 };
const DEFAULT_HUGE_BODY_BYTES = 16 * 1024 * 1024;
const MAX_HUGE_BODY_BYTES = 512 * 1024 * 1024;

export class FaultRules {
	private rules: FaultRule[] = [];
	private nextId = 1;

	/**
	 * @param kindError says why a kind is not accepted for the given simulator (undefined = accepted);
	 *   the server knows which simulator-specific kinds are mounted.
	 */
	constructor(private readonly kindError: (kind: string, simulator: string | undefined) => string | undefined) {}

	add(input: unknown): FaultRule {
		const [rule] = this.addAll([input]);
		return rule as FaultRule;
	}

	/** Adds all rules or, when any is invalid, none. */
	addAll(inputs: readonly unknown[]): FaultRule[] {
		const firstId = this.nextId;
		try {
			const rules = inputs.map((input) => this.validate(input));
			this.rules.push(...rules);
			return rules.map((rule) => ({ ...rule }));
		} catch (error) {
			this.nextId = firstId;
			throw error;
		}
	}

	list(): FaultRule[] {
		return this.rules.map((rule) => ({ ...rule }));
	}

	remove(id: string): boolean {
		const before = this.rules.length;
		this.rules = this.rules.filter((rule) => rule.id !== id);
		return this.rules.length !== before;
	}

	clear(): void {
		this.rules = [];
	}

	/**
	 * Picks at most one rule for a request and counts it down. Every live rule that matches (and
	 * `applies`) sees the request: rules still skipping count it as let through, and the first rule
	 * done skipping fires. Returns a copy of the fired rule.
	 */
	pick(target: FaultTarget, applies: (rule: FaultRule) => boolean): FaultRule | undefined {
		let fired: FaultRule | undefined;
		for (const rule of this.rules) {
			if (rule.remaining <= 0 || !matches(rule, target) || !applies(rule)) continue;
			if (rule.skipRemaining > 0) {
				rule.skipRemaining -= 1;
				continue;
			}
			if (fired !== undefined) continue;
			rule.remaining -= 1;
			rule.fired += 1;
			fired = { ...rule };
		}
		return fired;
	}

	private validate(input: unknown): FaultRule {
		if (typeof input !== 'object' || input === null || Array.isArray(input)) {
			throw new FaultRuleError('A fault rule must be a JSON object');
		}
		const raw = input as Record<string, unknown>;
		const kind = requireString(raw, 'kind');
		const simulator = optionalString(raw, 'simulator');
		const problem = this.kindError(kind, simulator);
		if (problem !== undefined) throw new FaultRuleError(problem);

		const times = optionalInteger(raw, 'times', 1) ?? 1;
		const skip = optionalInteger(raw, 'skip', 0) ?? 0;
		const status = optionalInteger(raw, 'status', 100) ?? DEFAULT_STATUS[kind];
		if (kind === 'http5xx' && status !== undefined && (status < 500 || status > 599)) {
			throw new FaultRuleError('http5xx needs a status from 500 to 599');
		}
		if (status !== undefined && status > 599) throw new FaultRuleError('status must be below 600');
		if (kind === 'redirect' && status !== undefined && ![301, 302, 303, 307, 308].includes(status)) {
			throw new FaultRuleError('redirect needs a status of 301, 302, 303, 307 or 308');
		}
		const sizeBytes = optionalInteger(raw, 'sizeBytes', 1) ?? (kind === 'hugeBody' ? DEFAULT_HUGE_BODY_BYTES : undefined);
		if (sizeBytes !== undefined && sizeBytes > MAX_HUGE_BODY_BYTES) throw new FaultRuleError(`sizeBytes must be at most ${MAX_HUGE_BODY_BYTES}`);
		const location = optionalString(raw, 'location') ?? (kind === 'redirect' ? 'http://redirected.invalid' : undefined);
		const retryAfterDate = raw.retryAfterDate;
		if (retryAfterDate !== undefined && typeof retryAfterDate !== 'boolean') throw new FaultRuleError('retryAfterDate must be true or false');
		const retryAfterSeconds = optionalInteger(raw, 'retryAfterSeconds', 0) ?? (kind === 'status429' ? 1 : undefined);
		const delayMs = optionalInteger(raw, 'delayMs', 0) ?? (kind === 'slow' ? 2000 : undefined);

		const rule: FaultRule = {
			id: `f${this.nextId++}`,
			kind,
			times,
			skip,
			remaining: times,
			skipRemaining: skip,
			fired: 0,
		};
		if (simulator !== undefined) rule.simulator = simulator;
		const match = optionalString(raw, 'match');
		if (match !== undefined) rule.match = match;
		if (status !== undefined) rule.status = status;
		if (retryAfterSeconds !== undefined) rule.retryAfterSeconds = retryAfterSeconds;
		if (delayMs !== undefined) rule.delayMs = delayMs;
		if (sizeBytes !== undefined) rule.sizeBytes = sizeBytes;
		if (location !== undefined) rule.location = location;
		if (retryAfterDate === true) rule.retryAfterDate = true;
		const retryAfter = optionalString(raw, 'retryAfter');
		if (retryAfter !== undefined) rule.retryAfter = retryAfter;
		const message = optionalString(raw, 'message');
		if (message !== undefined) rule.message = message;
		return rule;
	}
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
	if (rule.simulator !== undefined && rule.simulator !== target.simulator) return false;
	if (rule.match === undefined) return true;
	return target.names.includes(rule.match) || target.path.includes(rule.match);
}

function requireString(raw: Record<string, unknown>, key: string): string {
	const value = raw[key];
	if (typeof value !== 'string' || value === '') throw new FaultRuleError(`${key} must be a non-empty string`);
	return value;
}

function optionalString(raw: Record<string, unknown>, key: string): string | undefined {
	const value = raw[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' || value === '') throw new FaultRuleError(`${key} must be a non-empty string`);
	return value;
}

function optionalInteger(raw: Record<string, unknown>, key: string, min: number): number | undefined {
	const value = raw[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
		throw new FaultRuleError(`${key} must be an integer of at least ${min}`);
	}
	return value;
}
