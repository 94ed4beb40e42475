/**
 * What the ON-API Trigger keeps in the n8n process between polls (the state proper lives in the
 * node's static data). Both maps live in processState.ts with the node's other process-wide state.
 *
 * - One poll at a time per trigger node (nodes/shared/pollLock.ts says why).
 * - Events emitted lately: n8n may store a poll's static data only when the execution it started
 *   is saved, so the next poll can still read the old state. An event emitted by this process is
 *   not emitted again for KEEP_MS (after a restart the stored state is what counts).
 */
import { runOnePollAtATime } from '../../shared/pollLock';
import { onApiProcessState } from '../processState';

const KEEP_MS = 48 * 60 * 60 * 1000;
const MAX_KEYS_PER_TRIGGER = 50_000;

export function triggerKey(workflowId: string | undefined, nodeId: string, credentialType: string, credentialId: string | undefined): string {
	return JSON.stringify([workflowId ?? '', nodeId, credentialType, credentialId ?? '']);
}

/** Runs `poll` unless another poll of the trigger holds it; `{ skipped: true }` when one does. */
export async function onePollAtATime<T>(key: string, poll: () => Promise<T>, now: () => number = Date.now) {
	return await runOnePollAtATime(onApiProcessState.triggerPolls, key, poll, now);
}

/** The event keys this process emitted lately for the trigger. */
export function recentlyEmitted(key: string, now = Date.now()): Set<string> {
	const keys = onApiProcessState.triggerEmissions.get(key);
	if (!keys) return new Set();
	for (const [event, at] of keys) if (now - at > KEEP_MS) keys.delete(event);
	return new Set(keys.keys());
}

export function rememberEmitted(key: string, eventKeys: readonly string[], now = Date.now()): void {
	const { triggerEmissions } = onApiProcessState;
	let keys = triggerEmissions.get(key);
	if (!keys) triggerEmissions.set(key, (keys = new Map()));
	for (const event of eventKeys) keys.set(event, now);
	// Oldest first (insertion order): the bound drops the oldest.
	for (const event of keys.keys()) {
		if (keys.size <= MAX_KEYS_PER_TRIGGER) break;
		keys.delete(event);
	}
}
