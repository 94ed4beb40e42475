/**
 * One order shape whatever the operator sent: `state` (2.4's text calls it `status`), an `orderId`
 * even when only `path` came back, and characteristics under their data-format names.
 */
import type { IDataObject } from 'n8n-workflow';
import { normaliseCharacteristics } from './normaliseCharacteristics';

function lastPathSegment(path: unknown): string | undefined {
	if (typeof path !== 'string') return undefined;
	const segments = path.split('?')[0].split('/').filter((segment) => segment !== '');
	return segments.length > 0 ? decodeURIComponent(segments[segments.length - 1]) : undefined;
}

/** Upper case with underscores: some servers write `done_success` or `In progress`. */
export function normaliseOrderState(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	return value.trim().toUpperCase().replace(/[\s-]+/g, '_');
}

/** Mutates and returns the order; a non-object becomes an empty order. */
export function normaliseOrder(raw: unknown): IDataObject {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
	const order = raw as IDataObject;
	const state = normaliseOrderState(order.state) ?? normaliseOrderState(order.status);
	if (state !== undefined) order.state = state;
	delete order.status;
	if ((order.orderId === undefined || order.orderId === null || order.orderId === '') && order.path) {
		const fromPath = lastPathSegment(order.path);
		if (fromPath !== undefined) order.orderId = fromPath;
	}
	if (order.characteristics !== undefined) normaliseCharacteristics(order.characteristics);
	return order;
}

/** The orderId a `Location` header points at, e.g. `/onapi/2.6/orders/f3f2…` → `f3f2…`. */
export function orderIdFromLocation(location: string | undefined): string | undefined {
	return lastPathSegment(location);
}
