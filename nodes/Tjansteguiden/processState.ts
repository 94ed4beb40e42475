/**
 * Everything the Tjänsteguiden nodes keep between executions in one n8n process, in one place.
 *
 * n8n builds a new node context for every run and poll, so what must outlive a run lives here:
 * - login hashes and the logins in flight, by credential (transport/hashCache.ts): a busy
 *   workflow logs in once per 15 minutes, not once per call;
 * - login hashes given up (refused or replaced), so that an error page echoing one later is
 *   still redacted (transport/redact.ts), bounded to the last MAX_RETIRED_HASHES;
 * - the credentials the API has asked to send `api_user` on every call
 *   (transport/serviceProviderSide.ts), so that only their first call is refused;
 * - the poll lock, by trigger (trigger/pollLock.ts): n8n starts a poll on every tick, finished or
 *   not, and two polls side by side would emit the same orders;
 * - the orders emitted lately, by trigger and credential (trigger/recentEmissions.ts): n8n may
 *   store a poll's state only once its execution is saved, and the next poll must not emit them
 *   again meanwhile.
 * None of it is needed for correctness after a restart: the hashes are renewed, no poll runs, and
 * the trigger's stored state takes over. The modules named above own the rules; this module only
 * holds their stores, so that tests start from a clean process with one call.
 * (The credential memo of nodes/shared/credentialsOnce.ts lives per context, not per process.)
 */
import type { PollHold } from '../shared/pollLock';

export interface CachedHash {
	hash: string;
	/** When the login that returned it started (ms since the epoch). */
	obtainedAt: number;
}


export const MAX_RETIRED_HASHES = 200;

export const processState = {
	/** Login hashes by credential key (never the secret itself). */
	hashes: new Map<string, CachedHash>(),
	/** Hashes no longer used, oldest first: still secrets when a page echoes them. */
	retiredHashes: new Set<string>(),
	/** Logins in flight by credential key, so that concurrent callers share one. */
	logins: new Map<string, Promise<string>>(),
	/** Credential keys whose calls carry api_user, because the API asked for it. */
	apiUserWanted: new Set<string>(),
	/** The running poll of each trigger. */
	pollLocks: new Map<string, PollHold>(),
	/** Order IDs emitted lately, with when, by trigger and credential. */
	emittedOrders: new Map<string, Map<string, number>>(),
};

/** For tests: start from a process that has run no Tjänsteguiden node yet. */
export function resetProcessState(): void {
	for (const store of Object.values(processState)) store.clear();
}
