import type { Clock } from './types';

/**
 * Sandbox time = real time + an offset. Keeping real time ticking (instead of a frozen instant)
 * lets hash lifetimes and order arrivals behave naturally in a live demo, while tests jump ahead
 * with `advance` instead of sleeping.
 */
export class SandboxClock implements Clock {
	private offsetMs: number;
	private readonly initialOffsetMs: number;

	constructor(start?: Date) {
		this.initialOffsetMs = start === undefined ? 0 : start.getTime() - Date.now();
		this.offsetMs = this.initialOffsetMs;
	}

	now(): Date {
		return new Date(this.nowMs());
	}

	nowMs(): number {
		return Date.now() + this.offsetMs;
	}

	advance(ms: number): void {
		if (!Number.isFinite(ms)) throw new RangeError('advance needs a finite number of milliseconds');
		this.offsetMs += ms;
	}

	set(instant: Date): void {
		const target = instant.getTime();
		if (Number.isNaN(target)) throw new RangeError('set needs a valid date');
		this.offsetMs = target - Date.now();
	}

	/** Back to the start the clock was created with (real time when none was given). */
	reset(): void {
		this.offsetMs = this.initialOffsetMs;
	}

	get offset(): number {
		return this.offsetMs;
	}

	toJSON(): { now: string; offsetMs: number } {
		return { now: this.now().toISOString(), offsetMs: this.offsetMs };
	}
}
