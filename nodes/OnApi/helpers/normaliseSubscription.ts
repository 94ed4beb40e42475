/**
 * Subscriptions come flat with their accessId (2.4/2.5 `subscriptions/`), nested under the access
 * without it (2.4/2.5 single access), or grouped per access (2.6). Output is always flat, one
 * subscription with its accessId.
 */
import type { IDataObject } from 'n8n-workflow';
import { isObject } from './jsonValues';
import { normaliseCharacteristics } from './normaliseCharacteristics';

/** Mutates and returns the subscription. */
export function normaliseSubscription(raw: IDataObject, accessId?: string): IDataObject {
	if ((raw.accessId === undefined || raw.accessId === '') && accessId !== undefined) raw.accessId = accessId;
	if (raw.characteristics !== undefined) normaliseCharacteristics(raw.characteristics);
	return raw;
}

/**
 * Flattens whatever a subscriptions response holds: a flat list, a list of `{accessId,
 * subscriptions}` groups, or one such group.
 */
export function flattenSubscriptions(body: unknown, accessId?: string): IDataObject[] {
	const entries: unknown[] = Array.isArray(body) ? body : isObject(body) ? [body] : [];
	const flat: IDataObject[] = [];
	for (const entry of entries) {
		if (!isObject(entry)) continue;
		if (Array.isArray(entry.subscriptions)) {
			const groupAccessId = typeof entry.accessId === 'string' ? entry.accessId : accessId;
			for (const subscription of entry.subscriptions) {
				if (isObject(subscription)) flat.push(normaliseSubscription(subscription, groupAccessId));
			}
		} else if (entry.subscriptionId !== undefined) {
			flat.push(normaliseSubscription(entry, accessId));
		}
	}
	return flat;
}
