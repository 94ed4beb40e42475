/**
 * The figures of a life-cycle run, read back after it: its executions (n8n's public API) and its
 * API calls (the sandbox's request log), split the way issue 13 sets its targets: Tjänsteguiden
 * calls per order by method, ON-API calls placing an order apart from the polling that learns it is
 * finished (the ON-API Trigger's, or the baseline's Wait loop), the hourly cancellation check, and
 * the intake's drain against its latency floor.
 */
import { DateTime } from 'luxon';
import type { N8nPublicApi } from '../e2e/lib/n8n-public-api';
import { countCalls, type ApiCall, type CallCounts } from './apiCalls';
import type { BenchWorkflow } from './benchWorkflows';
import { lifecycleIntakeFloor, type LatencyFloor } from './latencyFloor';

export interface ExecutionFigures {
	count: number;
	byStatus: Record<string, number>;
	/** Longest startedAt → stoppedAt on n8n's (moved) clock; a waiting execution counts until now. */
	longestMs?: number;
	/** Executions that took longer than 60 s. */
	overMinute: number;
	/** Failed executions, by their error message (a failed poll is one that never started a node). */
	errors: Record<string, number>;
}

export async function executionFigures(api: N8nPublicApi, workflowId: string, nowMs: number): Promise<ExecutionFigures> {
	const executions = await api.listExecutions({ workflowId });
	const byStatus: Record<string, number> = {};
	const errors: Record<string, number> = {};
	const durations: number[] = [];
	for (const execution of executions) {
		byStatus[execution.status] = (byStatus[execution.status] ?? 0) + 1;
		if (execution.startedAt) durations.push((execution.stoppedAt ? Date.parse(execution.stoppedAt) : nowMs) - Date.parse(execution.startedAt));
		if (execution.status === 'error') {
			const detail = await api.getExecution(execution.id);
			const message = `${execution.startedAt ? '' : 'failed poll: '}${detail.data?.resultData.error?.message ?? 'no message'}`.slice(0, 300);
			errors[message] = (errors[message] ?? 0) + 1;
		}
	}
	return {
		count: executions.length,
		byStatus,
		...(durations.length > 0 ? { longestMs: Math.max(...durations) } : {}),
		overMinute: durations.filter((ms) => ms > 60_000).length,
		errors,
	};
}

export interface IntakeFigures {
	/** The listing that found the backlog → the answer to the last `set_status active`. */
	drainMs: number;
	floor: LatencyFloor;
}

export interface LifecycleCallFigures {
	/** Every call from the backlog on (logins apart). */
	all: CallCounts;
	/** ON-API calls that check and place an order (services, subscriptions or the access, POST orders). */
	onApiPlacement: number;
	/** All other ON-API calls but withdrawals: the ON-API Trigger's polls (and the nodes' endpoint lists), or the baseline's re-reads. */
	onApiPolling: number;
	/** The hourly cancellation check: its Tjänsteguiden listings, and ON-API withdrawals. */
	cancellation: { listings: number; withdrawals: number; told: boolean };
	/** Tjänsteguiden `orders` listings of the trigger. */
	triggerListings: number;
	/** Backlog → the answer to the last `set_status delivered` (sandbox time, jumps included). */
	lifecycleMs?: number;
	intake?: IntakeFigures;
}

/** What the intake asks before it places an order (2.6: services + subscriptions of the access; 2.4/2.5: the access), and the order. */
const PLACEMENT = new Set(['GET services/{id}', 'GET subscriptions/{id}', 'GET accesses/{id}', 'POST orders/']);
const isWithdrawal = (call: ApiCall) => call.simulator === 'onapi' && /cancel|^DELETE /i.test(call.operation);

/** The intake's calls: from the listing before the first order_info to the last `set_status active`. */
function intakeWindow(calls: readonly ApiCall[]): { calls: ApiCall[]; startAt: number; endAt: number } | undefined {
	const firstDetail = calls.findIndex((call) => call.operation === 'order_info');
	const active = calls.filter((call) => call.operation === 'set_status:active');
	if (firstDetail < 0 || active.length === 0) return undefined;
	let start = firstDetail;
	while (start > 0 && !((calls[start] as ApiCall).simulator === 'tjansteguiden' && (calls[start] as ApiCall).operation === 'orders')) start -= 1;
	const startSeq = (calls[start] as ApiCall).seq;
	const endSeq = Math.max(...active.map((call) => call.seq));
	return {
		calls: calls.filter((call) => call.seq >= startSeq && call.seq <= endSeq),
		startAt: (calls[start] as ApiCall).arrivedAt,
		endAt: Math.max(...active.map((call) => call.answeredAt)),
	};
}

/**
 * The cancellation check lists from the oldest watched order's day (the backlog's, Stockholm); the
 * trigger lists from its window's start, a day earlier (its overlap). Listings of the backlog's day
 * are the check's, unless the trigger lists from that day too (then they cannot be told apart).
 */
function cancellationListings(calls: readonly ApiCall[], backlogAtMs: number): { listings: number; triggerListings: number; told: boolean } {
	const listings = calls.filter((call) => call.simulator === 'tjansteguiden' && call.operation === 'orders' && !call.login);
	const backlogDay = DateTime.fromMillis(backlogAtMs, { zone: 'Europe/Stockholm' }).toISODate();
	const opener = listings.find((call) => calls.some((other) => other.operation === 'order_info' && other.seq > call.seq));
	if (opener?.date === backlogDay) return { listings: 0, triggerListings: listings.length, told: false };
	const check = listings.filter((call) => call.date === backlogDay).length;
	return { listings: check, triggerListings: listings.length - check, told: true };
}

export function lifecycleCallFigures(workflow: BenchWorkflow, calls: readonly ApiCall[], scenario: { orders: number; latencyMs: number; batchSize?: number }, backlogAtMs: number): LifecycleCallFigures {
	const all = countCalls(calls);
	const onApi = calls.filter((call) => call.simulator === 'onapi' && !call.login);
	const cancellation = cancellationListings(calls, backlogAtMs);
	const delivered = calls.filter((call) => call.operation === 'set_status:delivered');
	const window = intakeWindow(calls);
	return {
		all,
		onApiPlacement: onApi.filter((call) => PLACEMENT.has(call.operation)).length,
		onApiPolling: onApi.filter((call) => !PLACEMENT.has(call.operation) && !isWithdrawal(call)).length,
		cancellation: { listings: cancellation.listings, withdrawals: onApi.filter(isWithdrawal).length, told: cancellation.told },
		triggerListings: cancellation.triggerListings,
		...(delivered.length > 0 ? { lifecycleMs: Math.max(...delivered.map((call) => call.answeredAt)) - backlogAtMs } : {}),
		...(window
			? {
					intake: {
						drainMs: window.endAt - window.startAt,
						floor: lifecycleIntakeFloor(workflow, window.calls, scenario.latencyMs, scenario.orders, scenario.batchSize),
					},
				}
			: {}),
	};
}
