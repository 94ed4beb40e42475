/**
 * Everything the ON-API node keeps in the n8n process between runs, in one place.
 *
 * n8n runs every execution of every workflow in one process (or one per worker in queue mode),
 * so anything here is shared by all of them. Only what is safe to share lives here: nothing
 * secret, nothing personal, everything keyed by operator connection and bounded in time.
 *
 * - `endpointLists`: each operator's Endpoints list (where its APIs live, which fields it does not
 *   support), by the connection's cache key, until it expires (transport/discovery.ts).
 * - `pendingDiscoveries`: Endpoints lists being fetched right now, so that items running side by
 *   side ask once.
 * - `triggerPolls`: the ON-API Trigger's polls under way, by trigger, so that one runs at a time;
 *   `triggerEmissions`: the event keys each trigger emitted lately, until n8n has stored the state
 *   that knows them (trigger/triggerMemory.ts).
 *
 * Per-run state (the credential read once, the connection of one run) is not here: it lives on
 * the run's context and dies with it (nodes/shared/credentialsOnce.ts, actions/clientFor.ts).
 */
import type { DiscoveredEndpoint } from './transport/endpointList';
import type { PollHold } from '../shared/pollLock';

export interface CachedEndpointList {
	expires: number;
	/** undefined: the operator has no usable list; the spec's paths are used until it expires. */
	endpoints: DiscoveredEndpoint[] | undefined;
}


export const onApiProcessState = {
	endpointLists: new Map<string, CachedEndpointList>(),
	pendingDiscoveries: new Map<string, Promise<void>>(),
	triggerPolls: new Map<string, PollHold>(),
	triggerEmissions: new Map<string, Map<string, number>>(),
};

/** For tests: back to a freshly started process. */
export function resetOnApiProcessState(): void {
	for (const store of Object.values(onApiProcessState)) store.clear();
}
