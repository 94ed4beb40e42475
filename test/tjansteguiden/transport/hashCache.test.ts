import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { getHash, HASH_REUSE_MS, invalidateHash } from '../../../nodes/Tjansteguiden/transport/hashCache';

beforeEach(() => resetProcessState());

test('a hash is reused for 15 minutes, then a new login is made', async () => {
	let now = 1_000_000;
	let logins = 0;
	const login = async () => `hash-${++logins}`;
	expect(await getHash('k', login, () => now)).toBe('hash-1');
	now += HASH_REUSE_MS - 1;
	expect(await getHash('k', login, () => now)).toBe('hash-1');
	now += 1;
	expect(await getHash('k', login, () => now)).toBe('hash-2');
	expect(HASH_REUSE_MS).toBeLessThan(20 * 60 * 1000);
});

test('concurrent callers share one login, and a refused hash is dropped once', async () => {
	let logins = 0;
	let release: () => void = () => {};
	const gate = new Promise<void>((resolve) => (release = resolve));
	const login = async () => {
		logins++;
		await gate;
		return `hash-${logins}`;
	};
	const pending = Promise.all([getHash('k', login), getHash('k', login), getHash('k', login)]);
	release();
	expect(await pending).toEqual(['hash-1', 'hash-1', 'hash-1']);
	expect(logins).toBe(1);

	invalidateHash('k', 'some-older-hash');
	expect(await getHash('k', login)).toBe('hash-1');
	invalidateHash('k', 'hash-1');
	expect(await getHash('k', login)).toBe('hash-2');
});

test('credentials do not share hashes', async () => {
	expect(await getHash('a', async () => 'for-a')).toBe('for-a');
	expect(await getHash('b', async () => 'for-b')).toBe('for-b');
});
