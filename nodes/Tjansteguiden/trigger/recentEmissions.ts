import { createHash } from 'node:crypto';

import { processState } from '../processState';

/**
 * Order IDs this n8n process has emitted lately, per trigger and credential.
 *
 * n8n may store a poll's new static data only when the execution it started is saved (durable
 * poll cursors); while a long execution runs, the next poll can still read the old state and
 * would emit the same orders again. This memory closes that gap inside the process: an order
 * emitted here is not emitted again for two days. After a restart it is empty, and the stored
 * state is what counts (a crash before the state was saved emits again: at least once).
 */
const KEEP_MS = 48 * 60 * 60 * 1000;
const MAX_IDS_PER_TRIGGER = 50_000;

const emitted = processState.emittedOrders;

export function triggerKey(workflowId: string | undefined, nodeId: string, credentials: unknown): string {
	return createHash('sha256')
		.update(`${workflowId ?? ''}\u0000${nodeId}\u0000${JSON.stringify(credentials)}`)
		.digest('hex');
}

/** The IDs this process emitted lately for the trigger, with when (ms since the epoch). */
export function recentlyEmitted(key: string, now = Date.now()): Map<string, number> {
	const ids = emitted.get(key);
	if (!ids) return new Map();
	for (const [id, at] of ids) if (now - at > KEEP_MS) ids.delete(id);
	return new Map(ids);
}

export function rememberEmitted(key: string, orderIds: string[], now = Date.now()): void {
	let ids = emitted.get(key);
	if (!ids) emitted.set(key, (ids = new Map()));
	for (const id of orderIds) ids.set(id, now);
	// Oldest first (insertion order): drop the oldest when a trigger emits more than the bound.
	for (const id of ids.keys()) {
		if (ids.size <= MAX_IDS_PER_TRIGGER) break;
		ids.delete(id);
	}
}
