/**
 * The time one poll of a trigger may take. n8n 2.41's scheduler abandons a poll that outlives its
 * timeout (45 s by default): it records a failure, backs the trigger off, discards what the poll
 * would have stored, and releases the workflow's expression isolate while the poll's code still
 * runs ("No bridge acquired for this context"). It tells the poll its budget (the timeout minus a
 * margin) through `getPollBudgetMs`. A poll therefore starts new work for part of the budget and
 * returns by the end of it whatever is still under way; what was not done waits for the next poll.
 */
import { sleep, type IPollFunctions } from 'n8n-workflow';

/** Share of the budget in which new reads are started; the rest is for the reads under way. */
const START_SHARE = 0.6;
/**
 * The longest a poll starts reads, whatever budget n8n grants (5 minutes without its scheduler).
 * Shorter than the shortest poll interval (every minute), so that a backlog drains in batches the
 * workflow starts on while the next poll reads, instead of one long poll that later ticks skip.
 */
const MAX_START_MS = 40_000;

export interface PollBudget {
	/** No new read starts after this instant (ms since the epoch). */
	startBy: number;
	/** The poll returns by this instant with what is done (Infinity when n8n sets no budget). */
	finishBy: number;
}

/** No limit: for work outside a scheduled poll (the editor's Fetch Test Event). */
export const NO_POLL_BUDGET: PollBudget = { startBy: Number.POSITIVE_INFINITY, finishBy: Number.POSITIVE_INFINITY };

/** Call first thing in the poll: n8n's budget counts from the poll's start. */
export function pollBudget(context: IPollFunctions, now: number = Date.now()): PollBudget {
	const budget = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : 0;
	if (!(budget > 0)) return { startBy: now + MAX_START_MS, finishBy: NO_POLL_BUDGET.finishBy };
	return { startBy: now + Math.min(budget * START_SHARE, MAX_START_MS), finishBy: now + budget };
}

export type Settled<T> = { settled: true; value: T } | { settled: false };

/**
 * `work`'s value, or `{ settled: false }` when it is still running at `finishBy`: the poll then goes
 * on without it. Work left behind must not write state; its late failure is dropped here (it is
 * not anyone's any more), its late value is ignored. A failure before `finishBy` is thrown.
 */
export async function settledBy<T>(work: Promise<T>, finishBy: number): Promise<Settled<T>> {
	if (finishBy === Number.POSITIVE_INFINITY) return { settled: true, value: await work };
	// The timer is aborted as soon as the work settles: no poll leaves a timer behind.
	const timer = new AbortController();
	const late = sleep(Math.max(0, finishBy - Date.now()), timer.signal).then(
		(): Settled<T> => ({ settled: false }),
		(): Settled<T> => ({ settled: false }),
	);
	work.catch(() => undefined);
	try {
		return await Promise.race([work.then((value): Settled<T> => ({ settled: true, value })), late]);
	} finally {
		timer.abort();
	}
}
