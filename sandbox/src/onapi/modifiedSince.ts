/**
 * Last-Modified / If-Modified-Since for collections (accesses, services, subscriptions).
 *
 * HTTP dates have whole seconds while changes happen at millisecond precision. To never lose a
 * change, a response only claims a Last-Modified second once that second is over; while changes
 * fall in the current second it answers "the previous second", so the next delta repeats them
 * (repeats are harmless, losses are not). The spec's Events endpoint uses the same idea.
 */

function wholeSecond(epochMs: number): number {
	return Math.floor(epochMs / 1000) * 1000;
}

export interface ModifiedSinceSelection<T> {
	items: T[];
	/** Epoch ms (whole second) to send as Last-Modified. */
	lastModified: number;
}

/**
 * @param candidates items that may be returned
 * @param collectionLastModified newest change in the whole collection (including changes that
 *   are not returnable, e.g. removals), or undefined when it never changed
 * @param ifModifiedSince parsed header, or undefined for "everything"
 */
export function selectModifiedSince<T>(
	candidates: Iterable<T>,
	lastModifiedOf: (item: T) => number,
	collectionLastModified: number | undefined,
	ifModifiedSince: number | undefined,
	now: number,
): ModifiedSinceSelection<T> {
	const since = ifModifiedSince === undefined ? undefined : wholeSecond(ifModifiedSince);
	const items: T[] = [];
	for (const item of candidates) {
		if (since === undefined || wholeSecond(lastModifiedOf(item)) > since) items.push(item);
	}
	const nowSecond = wholeSecond(now);
	const newest = collectionLastModified === undefined ? undefined : wholeSecond(collectionLastModified);
	const lastModified = newest !== undefined && newest < nowSecond ? newest : nowSecond - 1000;
	return { items, lastModified };
}
