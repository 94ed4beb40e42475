/**
 * Moves this process's clock (Date.now and `new Date()`) to a chosen instant, so the trigger and
 * the in-process sandbox both live through simulated days in a few seconds. Timers keep real time.
 * Only for the in-process trigger figures; restore() puts the real Date back.
 */

export interface ShiftedClock {
	setNow(instantMs: number): void;
	restore(): void;
}

export function useShiftedClock(): ShiftedClock {
	const RealDate = Date;
	let offsetMs = 0;
	class ShiftedDate extends RealDate {
		constructor(...args: unknown[]) {
			if (args.length === 0) super(RealDate.now() + offsetMs);
			else super(...(args as [string | number | Date]));
		}

		static now(): number {
			return RealDate.now() + offsetMs;
		}
	}
	globalThis.Date = ShiftedDate as DateConstructor;
	return {
		setNow(instantMs: number) {
			offsetMs = instantMs - RealDate.now();
		},
		restore() {
			globalThis.Date = RealDate;
		},
	};
}
