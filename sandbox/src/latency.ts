/** Extra real-time delay per simulator, applied to every API request (ms, default 0). */
export class LatencySettings {
	private readonly delays = new Map<string, number>();

	get(simulator: string): number {
		return this.delays.get(simulator) ?? 0;
	}

	set(simulator: string, ms: number): void {
		if (!Number.isInteger(ms) || ms < 0) throw new RangeError('latency must be a non-negative integer of milliseconds');
		if (ms === 0) this.delays.delete(simulator);
		else this.delays.set(simulator, ms);
	}

	reset(): void {
		this.delays.clear();
	}

	toJSON(): Record<string, number> {
		return Object.fromEntries(this.delays);
	}
}
