import { resetOnApiProcessState } from '../../../nodes/OnApi/processState';
import { onePollAtATime, recentlyEmitted, rememberEmitted, triggerKey } from '../../../nodes/OnApi/trigger/triggerMemory';

beforeEach(() => resetOnApiProcessState());

describe('one poll at a time', () => {
	it('skips a poll while another of the same trigger runs, and runs the next one after', async () => {
		const key = triggerKey('wf', 'node', 'onApi', 'cred');
		let release: () => void = () => {};
		const first = onePollAtATime(key, () => new Promise<string>((resolve) => (release = () => resolve('first'))));
		expect(await onePollAtATime(key, async () => 'second')).toEqual({ skipped: true });
		expect(await onePollAtATime(triggerKey('wf', 'other node', 'onApi', 'cred'), async () => 'other')).toEqual({ skipped: false, result: 'other' });
		release();
		expect(await first).toEqual({ skipped: false, result: 'first' });
		expect(await onePollAtATime(key, async () => 'third')).toEqual({ skipped: false, result: 'third' });
	});

	it('takes over a hold older than ten minutes (a poll n8n abandoned)', async () => {
		const key = triggerKey('wf', 'node', 'onApi', 'cred');
		let now = 0;
		void onePollAtATime(key, () => new Promise(() => {}), () => now);
		now = 10 * 60 * 1000 - 1;
		expect(await onePollAtATime(key, async () => 'early', () => now)).toEqual({ skipped: true });
		now = 10 * 60 * 1000;
		expect(await onePollAtATime(key, async () => 'late', () => now)).toEqual({ skipped: false, result: 'late' });
	});

	it('a failing poll releases the hold', async () => {
		const key = triggerKey('wf', 'node', 'onApi', 'cred');
		await expect(onePollAtATime(key, async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
		expect(await onePollAtATime(key, async () => 'next')).toEqual({ skipped: false, result: 'next' });
	});
});

describe('events emitted lately', () => {
	it('remembers the keys per trigger for two days', () => {
		const key = triggerKey('wf', 'node', 'onApiOperatorsApi', 'cred');
		rememberEmitted(key, ['a', 'b'], 0);
		expect(recentlyEmitted(key, 1000)).toEqual(new Set(['a', 'b']));
		expect(recentlyEmitted(triggerKey('wf', 'node', 'onApi', 'cred'), 1000)).toEqual(new Set());
		expect(recentlyEmitted(key, 48 * 3_600_000 + 1)).toEqual(new Set());
	});
});
