/**
 * What the ON-API Trigger keeps in the n8n process between polls (the state proper lives in the
 * node's static data). Both maps live in processState.ts with the node's other process-wide state.
 *
 * - One poll at a time per trigger node (nodes/shared/pollLock.ts says why).
 * - Events emitted lately (nodes/shared/emissionMemory.ts says why).
 */
import * as emissions from '../../shared/emissionMemory';
import { runOnePollAtATime } from '../../shared/pollLock';
import { onApiProcessState } from '../processState';

export function triggerKey(workflowId: string | undefined, nodeId: string, credentialType: string, credentialId: string | undefined): string {
	return JSON.stringify([workflowId ?? '', nodeId, credentialType, credentialId ?? '']);
}

/** Runs `poll` unless another poll of the trigger holds it; `{ skipped: true }` when one does. */
export async function onePollAtATime<T>(key: string, poll: () => Promise<T>, now: () => number = Date.now) {
	return await runOnePollAtATime(onApiProcessState.triggerPolls, key, poll, now);
}

/** The event keys this process emitted lately for the trigger. */
export function recentlyEmitted(key: string, now = Date.now()): Set<string> {
	return new Set(emissions.recentlyEmitted(onApiProcessState.triggerEmissions, key, now).keys());
}

export function rememberEmitted(key: string, eventKeys: readonly string[], now = Date.now()): void {
	emissions.rememberEmitted(onApiProcessState.triggerEmissions, key, eventKeys, now);
}
