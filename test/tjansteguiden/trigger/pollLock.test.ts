/**
 * One poll at a time per trigger: a second poll of the same trigger is skipped while the first
 * runs, other triggers are not held up, the lock is released on failure, and a lock held far
 * longer than any poll can run is taken over.
 */
import { pollLockKey, runExclusive } from '../../../nodes/Tjansteguiden/trigger/pollLock';

function deferred() {
	let resolve: () => void = () => {};
	const promise = new Promise<void>((done) => (resolve = done));
	return { promise, resolve };
}

describe('runExclusive', () => {
	test('skips a poll of the same trigger while one runs, not a poll of another trigger', async () => {
		const key = pollLockKey('wf-1', 'node-a');
		const gate = deferred();
		const first = runExclusive(key, async () => {
			await gate.promise;
			return 'first';
		});
		expect(await runExclusive(key, async () => 'second')).toEqual({ skipped: true });
		expect(await runExclusive(pollLockKey('wf-1', 'node-b'), async () => 'other')).toEqual({ skipped: false, result: 'other' });
		gate.resolve();
		expect(await first).toEqual({ skipped: false, result: 'first' });
		expect(await runExclusive(key, async () => 'after')).toEqual({ skipped: false, result: 'after' });
	});

	test('a failed poll releases the lock', async () => {
		const key = pollLockKey('wf-2', 'node-a');
		await expect(runExclusive(key, async () => Promise.reject(new Error('API down')))).rejects.toThrow('API down');
		expect(await runExclusive(key, async () => 'next')).toEqual({ skipped: false, result: 'next' });
	});

	test('a lock held for more than ten minutes is taken over, and the old holder does not release the new one', async () => {
		const key = pollLockKey('wf-3', 'node-a');
		let now = 0;
		const clock = () => now;
		const stuck = deferred();
		const abandoned = runExclusive(key, async () => await stuck.promise, clock);
		now = 9 * 60_000;
		expect(await runExclusive(key, async () => 'too early', clock)).toEqual({ skipped: true });
		now = 10 * 60_000;
		const gate = deferred();
		const takeover = runExclusive(key, async () => await gate.promise, clock);
		stuck.resolve();
		await abandoned;
		expect(await runExclusive(key, async () => 'while the new one runs', clock)).toEqual({ skipped: true });
		gate.resolve();
		await takeover;
	});
});
