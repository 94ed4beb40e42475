/**
 * Reads the trigger's state from n8n's static data, field by field. A state that is missing is a
 * first poll. A state that is there but damaged or of another version is not: taken for a first
 * poll it would drop every order that arrived meanwhile, and half-read it would throw on every
 * poll. It fails the poll loudly instead, naming the fields, and the state is left as it was.
 */
import { DateTime } from 'luxon';

import type { TriggerState } from './plan';
import { isEncodedIds } from './seenIds';
import { isEncodedUnfinished } from './unfinished';

export class StoredStateError extends Error {
	constructor(readonly problems: string[]) {
		super(`The trigger's stored state cannot be read: ${problems.join('; ')}`);
	}
}

/** What to do about it, for the error's description. */
export const STORED_STATE_HELP =
	'n8n keeps the trigger\'s memory of handled orders under the node\'s name. Rename the trigger node to start afresh from now (set "Emit Orders From Last Days" to pick up recent orders again), or restore the workflow\'s static data from a backup.';

function isDate(value: unknown): boolean {
	return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

export function readStoredState(raw: unknown): TriggerState | undefined {
	if (raw === undefined || raw === null) return undefined;
	if (typeof raw !== 'object' || Array.isArray(raw)) throw new StoredStateError(['the state is not an object']);
	const state = raw as Record<string, unknown>;
	const problems: string[] = [];
	if (state.version !== 1) {
		problems.push(`version is ${JSON.stringify(state.version)}, this package reads version 1 (a newer package may have written it)`);
	}
	if (!isDate(state.windowStart)) problems.push('windowStart is not a YYYY-MM-DD date');
	const seen = state.seen;
	if (seen === null || typeof seen !== 'object' || Array.isArray(seen)) {
		problems.push('seen is not an object of days');
	} else {
		for (const [day, ids] of Object.entries(seen)) {
			if (!isDate(day)) problems.push(`seen has a key that is not a date ("${day.slice(0, 20)}")`);
			else if (!isEncodedIds(ids)) problems.push(`seen of ${day} is not a list of order IDs`);
		}
	}
	const prunedMaxId = state.prunedMaxId ?? 0;
	if (typeof prunedMaxId !== 'number' || !Number.isSafeInteger(prunedMaxId) || prunedMaxId < 0) {
		problems.push('prunedMaxId is not a whole number');
	}
	if (state.unfinished !== undefined && !isEncodedUnfinished(state.unfinished)) {
		problems.push('unfinished is not a list of orders in flight');
	}
	if (problems.length > 0) throw new StoredStateError(problems);
	return { ...(state as unknown as TriggerState), prunedMaxId: prunedMaxId as number };
}
