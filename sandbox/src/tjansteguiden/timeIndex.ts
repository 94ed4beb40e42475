/**
 * Items kept sorted by (time, id) so date-filtered listings are a binary search plus a slice,
 * not a scan of every order. Appends in time order (the usual case) cost O(1).
 */
export class TimeIndex<T extends { id: number }> {
	private items: T[] = [];

	constructor(private readonly timeOf: (item: T) => number) {}

	get size(): number {
		return this.items.length;
	}

	insert(item: T): void {
		const index = this.upperBound(this.timeOf(item), item.id);
		if (index === this.items.length) this.items.push(item);
		else this.items.splice(index, 0, item);
	}

	/** Removes an item whose time has not changed since it was inserted. */
	remove(item: T): void {
		const index = this.firstAtOrAfter(this.timeOf(item));
		for (let i = index; i < this.items.length && this.timeOf(this.items[i] as T) === this.timeOf(item); i++) {
			if (this.items[i] === item) {
				this.items.splice(i, 1);
				return;
			}
		}
	}

	/** Items with fromMs <= time <= toMs, in (time, id) order. */
	between(fromMs: number, toMs: number): T[] {
		if (toMs < fromMs) return [];
		return this.items.slice(this.firstAtOrAfter(fromMs), this.upperBound(toMs, Number.POSITIVE_INFINITY));
	}

	countBetween(fromMs: number, toMs: number): number {
		if (toMs < fromMs) return 0;
		return Math.max(0, this.upperBound(toMs, Number.POSITIVE_INFINITY) - this.firstAtOrAfter(fromMs));
	}

	all(): readonly T[] {
		return this.items;
	}

	clear(): void {
		this.items = [];
	}

	private firstAtOrAfter(ms: number): number {
		let low = 0;
		let high = this.items.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.timeOf(this.items[middle] as T) < ms) low = middle + 1;
			else high = middle;
		}
		return low;
	}

	/** First index whose (time, id) sorts after (ms, id). */
	private upperBound(ms: number, id: number): number {
		let low = 0;
		let high = this.items.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			const item = this.items[middle] as T;
			const time = this.timeOf(item);
			if (time < ms || (time === ms && item.id <= id)) low = middle + 1;
			else high = middle;
		}
		return low;
	}
}
