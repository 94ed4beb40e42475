/**
 * Reads orders one by one (`GET orders/{id}`) for the planner, a few at a time, until they are all
 * read, the poll's deadline passes or a read fails. What was read is returned either way: the
 * planner moves the state past those and leaves the rest for the next poll. A 404 is an answer
 * (the operator no longer knows the order), not a failure.
 */
import { NodeApiError, type IDataObject } from 'n8n-workflow';

import type { OrderRead } from './plan';

export interface OrderReads {
	reads: Map<string, OrderRead>;
	/** The first failed read, which stopped the reading. */
	failure?: unknown;
}

export async function readOrders(
	ids: readonly string[],
	read: (orderId: string) => Promise<IDataObject>,
	options: { concurrency: number; deadline: number; now?: () => number },
): Promise<OrderReads> {
	const now = options.now ?? Date.now;
	const reads = new Map<string, OrderRead>();
	let failure: unknown;
	let next = 0;
	const worker = async () => {
		while (failure === undefined && next < ids.length && now() < options.deadline) {
			const id = ids[next++];
			try {
				reads.set(id, await read(id));
			} catch (error) {
				if (error instanceof NodeApiError && error.httpCode === '404') reads.set(id, null);
				else failure ??= error;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, ids.length)) }, worker));
	return { reads, failure };
}
