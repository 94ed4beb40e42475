/** The Tjänsteguiden Trigger's one-poll-at-a-time hold (see nodes/shared/pollLock.ts for why). */
import { runOnePollAtATime } from '../../shared/pollLock';
import { processState } from '../processState';

export function pollLockKey(workflowId: string | undefined, nodeId: string): string {
	return `${workflowId ?? ''}\u0000${nodeId}`;
}

/** Runs `poll` unless another poll of the trigger holds the key; `{ skipped: true }` when one does. */
export async function runExclusive<T>(key: string, poll: () => Promise<T>, now: () => number = Date.now) {
	return await runOnePollAtATime(processState.pollLocks, key, poll, now);
}
