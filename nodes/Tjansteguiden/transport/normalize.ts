import type { IDataObject } from 'n8n-workflow';

import { toIsoTimestamp } from '../helpers/dates';
import { ApiFailure } from './apiFailure';

export function toArray(value: unknown): unknown[] {
	if (value === undefined || value === null || value === '') return [];
	return Array.isArray(value) ? value : [value];
}

/**
 * Clean JSON from a parsed XML element: every value stays a string (IDs, personal numbers and
 * postal codes keep their leading zeros), the API's local timestamps become ISO 8601 with the
 * Stockholm offset, and everything else (`asap`, dates, free text) is kept as sent.
 */
export function cleanValue(value: unknown): unknown {
	if (typeof value === 'string') return toIsoTimestamp(value);
	if (Array.isArray(value)) return value.map(cleanValue);
	if (value !== null && typeof value === 'object') {
		const result: IDataObject = {};
		for (const [key, inner] of Object.entries(value as IDataObject)) result[key] = cleanValue(inner) as IDataObject;
		return result;
	}
	return value;
}

function asObject(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** The element names under `<response>`, without attributes or text. */
function elementNames(payload: IDataObject): string[] {
	return Object.keys(payload).filter((key) => !key.startsWith('@_') && key !== '#text');
}

/**
 * The rows of a listing. Which element a row is comes from the documentation's examples only, so
 * a listing that carries elements but none of the expected name is an error that names what came
 * (names only: the rows may hold personal data), never an empty list: a trigger would otherwise
 * see "no orders" for ever.
 */
function listingRows(payload: IDataObject, rowNames: string[]): unknown[] {
	for (const name of rowNames) if (payload[name] !== undefined) return toArray(payload[name]);
	const arrived = elementNames(payload);
	if (arrived.length === 0) return [];
	const shown = arrived.slice(0, 10).map((name) => `<${name.slice(0, 40)}>`);
	throw new ApiFailure(
		`The answer lists no <${rowNames[0]}> element`,
		'invalid',
		`It holds ${shown.join(', ')}${arrived.length > shown.length ? ', …' : ''} instead. The API may have changed its format; the package reads <${rowNames.join('>, <')}>.`,
	);
}

/** One object per `<order>` in an `orders` answer. */
export function ordersFromPayload(payload: IDataObject): IDataObject[] {
	return listingRows(payload, ['order']).map((order) => cleanValue(asObject(order)) as IDataObject);
}

/**
 * The order from `order_info`. The documentation does not show this answer; we accept an
 * `<order>` element or the order's fields directly under `<response>`.
 */
export function orderInfoFromPayload(payload: IDataObject): IDataObject {
	const orders = toArray(payload.order);
	const source = orders.length > 0 ? asObject(orders[0]) : payload;
	return cleanValue(source) as IDataObject;
}

/** Log entries from `order_log`, each under `<log>` (or `<entry>`), oldest first as sent. */
export function logEntriesFromPayload(payload: IDataObject): IDataObject[] {
	const entries = listingRows(payload, ['log', 'entry', 'message_log']);
	return entries.map((entry) =>
		typeof entry === 'string' ? { message: entry } : (cleanValue(asObject(entry)) as IDataObject),
	);
}

/** `customer_info`: the `<customer>` fields with the order form's `<data>` under `data`. */
export function customerInfoFromPayload(payload: IDataObject): IDataObject {
	const customer = asObject(toArray(payload.customer)[0]);
	const result = cleanValue(customer) as IDataObject;
	if (payload.data !== undefined) result.data = cleanValue(asObject(toArray(payload.data)[0])) as IDataObject;
	return result;
}

/** One object per `<customer>` in a `customers` answer. */
export function customersFromPayload(payload: IDataObject): IDataObject[] {
	return listingRows(payload, ['customer']).map((customer) => cleanValue(asObject(customer)) as IDataObject);
}

/** The `<message>` of a write answer (`set_status`, `add_message`). */
export function messageFromPayload(payload: IDataObject): string | undefined {
	const message = toArray(payload.message)[0];
	return typeof message === 'string' ? message : undefined;
}
