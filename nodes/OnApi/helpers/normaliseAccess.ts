/**
 * Accesses carry their services (2.4/2.5) and, when fetched one by one, their subscriptions;
 * both are normalised in place, so a large list is never held in two shapes at once.
 */
import type { IDataObject } from 'n8n-workflow';
import { isObject } from './jsonValues';
import { normaliseService } from './normaliseService';
import { normaliseSubscription } from './normaliseSubscription';

/** Mutates and returns the access. */
export function normaliseAccess(access: IDataObject, now: number): IDataObject {
	const accessId = typeof access.accessId === 'string' ? access.accessId : undefined;
	if (Array.isArray(access.services)) {
		for (const service of access.services) {
			if (isObject(service)) normaliseService(service, now);
		}
	}
	if (Array.isArray(access.subscriptions)) {
		for (const subscription of access.subscriptions) {
			if (isObject(subscription)) normaliseSubscription(subscription, accessId);
		}
	}
	return access;
}
