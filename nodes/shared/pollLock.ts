/**
 * One poll at a time per trigger node in this n8n process, for both triggers.
 *
 * n8n starts a poll on every tick of the node's schedule, whether or not the previous one has
 * finished (n8n 2.41 in its default, non-durable scheduler mode). Two polls running side by side
 * read the same state and would both emit what arrived, so a poll that finds another one still
 * running for the same trigger does nothing and leaves the work to the next tick.
 *
 * A hold older than MAX_HOLD_MS is taken over: every call of a poll has a timeout and the polls
 * have deadlines, so a poll holding it that long has been abandoned by n8n. The holds live in each
 * API's processState module (one reset for tests per API).
 */
export const MAX_HOLD_MS = 10 * 60 * 1000;

/** A poll under way: since when, and whose (so that only its owner releases it). */
export interface PollHold {
	since: number;
	token: symbol;
}

/** Runs `poll` unless another poll holds `key` in `holds`; returns `{ skipped: true }` when one does. */
export async function runOnePollAtATime<T>(
	holds: Map<string, PollHold>,
	key: string,
	poll: () => Promise<T>,
	now: () => number = Date.now,
): Promise<{ skipped: true } | { skipped: false; result: T }> {
	const current = holds.get(key);
	if (current && now() - current.since < MAX_HOLD_MS) return { skipped: true };
	const token = Symbol(key);
	holds.set(key, { since: now(), token });
	try {
		return { skipped: false, result: await poll() };
	} finally {
		if (holds.get(key)?.token === token) holds.delete(key);
	}
}
