import { processState } from '../processState';

/**
 * One poll at a time per trigger node in this n8n process.
 *
 * n8n starts a poll on every tick of the node's schedule, whether or not the previous one has
 * finished (n8n 2.41 in its default, non-durable scheduler mode). Two polls running side by side
 * read the same state and would both emit the orders that arrived, so a poll that finds another
 * one still running for the same trigger does nothing and leaves the orders to the next tick.
 *
 * A lock older than MAX_HOLD_MS is taken over: every call of a poll has a timeout and detail
 * fetching has a deadline, so a poll holding it that long has been abandoned by n8n.
 */
const MAX_HOLD_MS = 10 * 60 * 1000;

const held = processState.pollLocks;

export function pollLockKey(workflowId: string | undefined, nodeId: string): string {
	return `${workflowId ?? ''}\u0000${nodeId}`;
}

/** Runs `poll` unless another poll holds the key; returns `{ skipped: true }` when it does. */
export async function runExclusive<T>(
	key: string,
	poll: () => Promise<T>,
	now: () => number = Date.now,
): Promise<{ skipped: true } | { skipped: false; result: T }> {
	const current = held.get(key);
	if (current && now() - current.since < MAX_HOLD_MS) return { skipped: true };
	const token = Symbol(key);
	held.set(key, { since: now(), token });
	try {
		return { skipped: false, result: await poll() };
	} finally {
		if (held.get(key)?.token === token) held.delete(key);
	}
}
