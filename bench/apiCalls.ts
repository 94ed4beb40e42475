/**
 * Reading a run's API traffic from the sandbox's request log: every call n8n made, when it
 * arrived and answered, grouped by API and operation. Logins are kept apart from other calls.
 */
import type { RequestLogEntry, RunningSandbox } from '../sandbox/src';

export interface ApiCall {
	seq: number;
	simulator: string;
	/** Tjänsteguiden: the method (`set_status:delivered` for status changes); ON-API: `POST orders` etc. */
	operation: string;
	/** ON-API: the operator the call went to. */
	coId?: string;
	/** Tjänsteguiden: the `id` parameter (the order, or the customer for customer_info). */
	id?: string;
	/** Tjänsteguiden `orders`: the listing's `date` (from which day on). */
	date?: string;
	login: boolean;
	arrivedAt: number;
	answeredAt: number;
	status?: number;
}

function operationOf(entry: RequestLogEntry): string {
	if (entry.simulator !== 'tjansteguiden') return entry.operation;
	const method = entry.apiMethod ?? entry.operation;
	if (method === 'set_status' && typeof entry.query.status === 'string') return `set_status:${entry.query.status}`;
	return method;
}

/** Calls logged after `afterSeq` (0: all). */
export function apiCallsSince(sandbox: RunningSandbox, afterSeq: number): ApiCall[] {
	const page = sandbox.server.requestLog.query({ since: String(afterSeq), limit: Number.MAX_SAFE_INTEGER });
	if (page.oldestSeq > afterSeq + 1 && afterSeq > 0) {
		throw new Error(`the sandbox request log dropped entries (capacity ${page.capacity}); raise requestLogCapacity`);
	}
	return page.entries.map((entry) => {
		const arrivedAt = Date.parse(entry.time);
		const coId = /^\/onapi\/([^/]+)/.exec(entry.path)?.[1];
		const id = typeof entry.query.id === 'string' ? entry.query.id : undefined;
		const date = typeof entry.query.date === 'string' ? entry.query.date : undefined;
		return {
			seq: entry.seq,
			simulator: entry.simulator,
			operation: operationOf(entry),
			...(coId === undefined ? {} : { coId }),
			...(id === undefined ? {} : { id }),
			...(date === undefined ? {} : { date }),
			login: entry.login,
			arrivedAt,
			answeredAt: arrivedAt + (entry.durationMs ?? 0),
			...(entry.status === undefined ? {} : { status: entry.status }),
		};
	});
}

/** The sequence number of the latest logged call (0 when none). */
export function lastSeq(sandbox: RunningSandbox): number {
	return sandbox.server.requestLog.query({ limit: 0 }).received;
}

export interface CallCounts {
	/** Non-login calls per API. */
	calls: Record<string, number>;
	logins: Record<string, number>;
	/** Non-login calls per `api operation`. */
	byOperation: Record<string, number>;
}

export function countCalls(calls: readonly ApiCall[]): CallCounts {
	const counts: CallCounts = { calls: {}, logins: {}, byOperation: {} };
	for (const call of calls) {
		if (call.login) {
			counts.logins[call.simulator] = (counts.logins[call.simulator] ?? 0) + 1;
			continue;
		}
		counts.calls[call.simulator] = (counts.calls[call.simulator] ?? 0) + 1;
		const key = `${call.simulator} ${call.operation}`;
		counts.byOperation[key] = (counts.byOperation[key] ?? 0) + 1;
	}
	return counts;
}

export function operationCount(counts: CallCounts, simulator: string, operation: string): number {
	return counts.byOperation[`${simulator} ${operation}`] ?? 0;
}
