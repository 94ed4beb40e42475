/**
 * One service (offer) shape across versions, plus `orderableNow`.
 *
 * 2.4 names the dates `connection`, `available`, `disconnection` and fills them with a date, "YES"
 * or "NO"; 2.5 renamed them to `connectionDateTime`, `availableDateTime`, `disconnectionDateTime`
 * as dateTime and gave conventions for the unknowns (1990-01-01T00:00:01Z for "connected, date
 * unknown", 3030-12-12T00:00:01Z for "not yet, date unknown", "" for "unknown"). 2.4 values are
 * mapped onto those conventions, so a workflow reads the same fields from every operator.
 */
import type { IDataObject } from 'n8n-workflow';
import { normaliseOfferedCharacteristics } from './normaliseCharacteristics';

export const UNKNOWN_PAST = '1990-01-01T00:00:01Z';
export const UNKNOWN_FUTURE = '3030-12-12T00:00:01Z';

type DateField = 'connection' | 'available' | 'disconnection';

const RENAMES: Record<DateField, string> = {
	connection: 'connectionDateTime',
	available: 'availableDateTime',
	disconnection: 'disconnectionDateTime',
};

/** What "YES"/"NO" mean for each 2.4 field, in 2.5 terms. */
const YES_NO: Record<DateField, { YES: string; NO: string }> = {
	connection: { YES: UNKNOWN_PAST, NO: UNKNOWN_FUTURE },
	available: { YES: UNKNOWN_PAST, NO: '' },
	disconnection: { YES: UNKNOWN_PAST, NO: '' },
};

/** A 2.4 date/YES/NO (or an already-2.5 dateTime) as a 2.5 dateTime or "". */
export function toServiceDateTime(field: DateField, value: unknown): unknown {
	if (value === null || value === undefined) return '';
	if (typeof value !== 'string') return value;
	const text = value.trim();
	const upper = text.toUpperCase();
	if (upper === 'YES' || upper === 'NO') return YES_NO[field][upper];
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text}T00:00:00Z`;
	return text;
}

function instant(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The service can be ordered at `now`: it has an availableDateTime that has passed, and no
 * disconnectionDateTime that has passed. The connection date is not consulted: availableDateTime
 * is the spec's "when the service can be ordered", and operators accept orders for services that
 * are delivered later.
 */
export function isOrderableNow(service: IDataObject, now: number): boolean {
	const available = instant(service.availableDateTime);
	if (available === undefined || available > now) return false;
	const disconnection = instant(service.disconnectionDateTime);
	return disconnection === undefined || disconnection > now;
}

/** Mutates and returns the service, adding `orderableNow`. */
export function normaliseService(service: IDataObject, now: number): IDataObject {
	for (const field of Object.keys(RENAMES) as DateField[]) {
		const target = RENAMES[field];
		if (field in service) {
			if (service[target] === undefined || service[target] === null) {
				service[target] = toServiceDateTime(field, service[field]) as IDataObject[string];
			}
			delete service[field];
		} else if (target in service) {
			service[target] = toServiceDateTime(field, service[target]) as IDataObject[string];
		}
	}
	if (service.characteristics !== undefined) normaliseOfferedCharacteristics(service.characteristics);
	service.orderableNow = isOrderableNow(service, now);
	return service;
}
