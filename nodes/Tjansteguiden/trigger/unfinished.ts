import type { IDataObject } from 'n8n-workflow';

/**
 * Orders emitted but not yet seen leaving the statuses a workflow moves them out of, so that an
 * order whose execution died (n8n or a queue-mode worker crashed or was killed) is emitted again
 * instead of waiting for ever. Off unless the user sets "Emit Again After (Minutes)".
 *
 * The `orders` listing every poll reads anyway carries each order's status, so this costs no call.
 * An order counts as finished once it is listed with any other status (active, waiting, delivered,
 * cancelled), or once it is no longer listed (out of the window). Each order is emitted again at
 * most MAX_EMISSIONS - 1 times.
 *
 * Stored in the trigger state as "id:minute:count" entries joined by commas, the minute (base 36)
 * being when the order was last emitted and the count how often; only in-flight orders are kept.
 */
export const UNFINISHED_STATUSES = ['new', 'received'];
export const MAX_EMISSIONS = 3;

export interface Emission {
	/** Minutes since the epoch when the order was last emitted. */
	minute: number;
	/** How many times it has been emitted. */
	count: number;
}

export type UnfinishedOrders = Map<string, Emission>;

export function minuteOf(ms: number): number {
	return Math.floor(ms / 60_000);
}

export function decodeUnfinished(encoded: unknown): UnfinishedOrders {
	const orders: UnfinishedOrders = new Map();
	if (typeof encoded !== 'string' || encoded === '') return orders;
	for (const entry of encoded.split(',')) {
		const [id, minute, count] = entry.split(':');
		const parsed = { minute: parseInt(minute ?? '', 36), count: Number(count) };
		if (id && Number.isFinite(parsed.minute) && Number.isInteger(parsed.count)) orders.set(decodeURIComponent(id), parsed);
	}
	return orders;
}

const ENCODED_ENTRY = /^[^:,]+:[0-9a-z]+:\d+$/;

/** Whether the text is as `encodeUnfinished` writes it (broken `%` escapes included). */
export function isEncodedUnfinished(encoded: unknown): encoded is string {
	if (typeof encoded !== 'string') return false;
	if (encoded === '') return true;
	return encoded.split(',').every((entry) => {
		if (!ENCODED_ENTRY.test(entry)) return false;
		try {
			decodeURIComponent(entry.split(':')[0]);
			return true;
		} catch {
			return false;
		}
	});
}

export function encodeUnfinished(orders: UnfinishedOrders): string {
	return [...orders]
		.map(([id, { minute, count }]) => `${encodeURIComponent(id)}:${minute.toString(36)}:${count}`)
		.join(',');
}

export interface UnfinishedPlan {
	/** Listed orders to emit again, longest waiting first. */
	due: IDataObject[];
	/** The tracked orders still in flight, before this poll's emissions are recorded. */
	tracked: UnfinishedOrders;
	/** Orders that reached MAX_EMISSIONS still unfinished and are no longer tracked. */
	givenUp: string[];
}

/**
 * Which tracked orders to emit again in this poll. `notYetStored` holds orders this process emitted
 * (with when) that the stored state does not know yet, because n8n has not stored the state of the
 * poll that emitted them (see recentEmissions): they are tracked all the same. Orders the stored
 * state knows are never added from it, so an order given up stays given up.
 */
export function planUnfinished(
	encoded: unknown,
	listed: IDataObject[],
	nowMs: number,
	afterMinutes: number,
	notYetStored: ReadonlyMap<string, number> = new Map(),
): UnfinishedPlan {
	const tracked = decodeUnfinished(encoded);
	for (const [id, at] of notYetStored) if (!tracked.has(id)) tracked.set(id, { minute: minuteOf(at), count: 1 });

	const statusById = new Map<string, string>();
	const orderById = new Map<string, IDataObject>();
	for (const order of listed) {
		const id = String(order.id ?? '');
		if (id === '' || orderById.has(id)) continue;
		orderById.set(id, order);
		statusById.set(id, String(order.status ?? ''));
	}

	const due: Array<[IDataObject, Emission]> = [];
	const givenUp: string[] = [];
	const now = minuteOf(nowMs);
	for (const [id, emission] of tracked) {
		const status = statusById.get(id);
		if (status === undefined || !UNFINISHED_STATUSES.includes(status)) {
			tracked.delete(id);
			continue;
		}
		if (now - emission.minute < afterMinutes) continue;
		if (emission.count >= MAX_EMISSIONS) {
			tracked.delete(id);
			givenUp.push(id);
			continue;
		}
		due.push([orderById.get(id) as IDataObject, emission]);
	}
	due.sort(([, a], [, b]) => a.minute - b.minute);
	return { due: due.map(([order]) => order), tracked, givenUp };
}

/**
 * Records the orders emitted by this poll (new ones and ones emitted again) as in flight from now;
 * an order emitted in a finished status (a direct-activated one) is not tracked.
 */
export function recordEmissions(tracked: UnfinishedOrders, orders: IDataObject[], nowMs: number): UnfinishedOrders {
	const next = new Map(tracked);
	const minute = minuteOf(nowMs);
	for (const order of orders) {
		if (!UNFINISHED_STATUSES.includes(String(order.status ?? ''))) continue;
		const id = String(order.id);
		next.set(id, { minute, count: (tracked.get(id)?.count ?? 0) + 1 });
	}
	return next;
}
