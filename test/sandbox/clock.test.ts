import { SandboxClock } from '../../sandbox/src/clock';

describe('SandboxClock', () => {
	it('starts at the given instant and advances by the offset', () => {
		const clock = new SandboxClock(new Date('2025-03-30T00:00:00Z'));

		clock.advance(90 * 60_000);

		const now = clock.now().getTime();
		expect(now).toBeGreaterThanOrEqual(Date.parse('2025-03-30T01:30:00Z'));
		expect(now).toBeLessThan(Date.parse('2025-03-30T01:31:00Z'));
	});

	it('sets an absolute time and resets to its start', () => {
		const clock = new SandboxClock(new Date('2025-01-01T00:00:00Z'));
		clock.set(new Date('2040-01-01T00:00:00Z'));
		expect(clock.now().getUTCFullYear()).toBe(2040);

		clock.reset();

		expect(clock.now().getUTCFullYear()).toBe(2025);
	});

	it('follows real time when created without a start', () => {
		const clock = new SandboxClock();
		const before = Date.now();
		const now = clock.now().getTime();
		const after = Date.now();
		expect(now).toBeGreaterThanOrEqual(before);
		expect(now).toBeLessThanOrEqual(after);
		expect(clock.offset).toBe(0);
	});

	it('refuses invalid input', () => {
		const clock = new SandboxClock();
		expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
		expect(() => clock.set(new Date('nope'))).toThrow(RangeError);
	});
});
