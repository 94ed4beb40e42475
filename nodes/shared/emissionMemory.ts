/**
 * What a trigger emitted lately in this n8n process, per trigger (both triggers use it; each
 * keeps its store in its API's processState module, so one reset clears it for tests).
 *
 * n8n may store a poll's new static data only when the execution it started is saved (durable
 * poll cursors); while a long execution runs, the next poll can still read the old state and
 * would emit the same things again. This memory closes that gap inside the process: what was
 * emitted here is not emitted again for two days. After a restart it is empty and the stored
 * state is what counts (a crash before the state was saved emits again: at least once).
 */
const KEEP_MS = 48 * 60 * 60 * 1000;
const MAX_KEYS_PER_TRIGGER = 50_000;

/** Per trigger key: what was emitted (an order ID, an event key) and when (ms since the epoch). */
export type EmissionStore = Map<string, Map<string, number>>;

/** What this process emitted lately for the trigger, with when; expired entries are dropped. */
export function recentlyEmitted(store: EmissionStore, trigger: string, now = Date.now()): Map<string, number> {
	const emitted = store.get(trigger);
	if (!emitted) return new Map();
	for (const [key, at] of emitted) if (now - at > KEEP_MS) emitted.delete(key);
	return new Map(emitted);
}

export function rememberEmitted(store: EmissionStore, trigger: string, keys: readonly string[], now = Date.now()): void {
	let emitted = store.get(trigger);
	if (!emitted) store.set(trigger, (emitted = new Map()));
	for (const key of keys) emitted.set(key, now);
	// Oldest first (insertion order): the bound drops the oldest.
	for (const key of emitted.keys()) {
		if (emitted.size <= MAX_KEYS_PER_TRIGGER) break;
		emitted.delete(key);
	}
}
