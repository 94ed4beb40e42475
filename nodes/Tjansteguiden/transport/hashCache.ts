import { createHash } from 'node:crypto';

import { MAX_RETIRED_HASHES, processState } from '../processState';

/**
 * Login hashes by credential, shared by every node and execution in this n8n process (stored in
 * processState).
 *
 * The API's hash lives 20 minutes from login (calls do not extend it), so a hash is reused for
 * 15 minutes and then replaced: an idle workflow logs in at most once per 15 minutes, a busy one
 * never runs into the expiry. Concurrent callers share one login.
 */
export const HASH_REUSE_MS = 15 * 60 * 1000;

const { hashes, logins, retiredHashes } = processState;

function retire(hash: string): void {
	retiredHashes.delete(hash);
	retiredHashes.add(hash);
	for (const oldest of retiredHashes) {
		if (retiredHashes.size <= MAX_RETIRED_HASHES) break;
		retiredHashes.delete(oldest);
	}
}

/** The cache key: never the secret itself. */
export function credentialKey(baseUrl: string, apiUser: string, apiKey: string): string {
	return createHash('sha256').update(`${baseUrl}\u0000${apiUser}\u0000${apiKey}`).digest('hex');
}

export async function getHash(
	key: string,
	login: () => Promise<string>,
	now: () => number = Date.now,
): Promise<string> {
	const cached = hashes.get(key);
	if (cached && now() - cached.obtainedAt < HASH_REUSE_MS) return cached.hash;
	const pending = logins.get(key);
	if (pending) return await pending;
	const started = now();
	const attempt = login()
		.then((hash) => {
			const replaced = hashes.get(key);
			if (replaced && replaced.hash !== hash) retire(replaced.hash);
			hashes.set(key, { hash, obtainedAt: started });
			return hash;
		})
		.finally(() => logins.delete(key));
	logins.set(key, attempt);
	return await attempt;
}

/** Forgets a hash the API refused, unless another caller has already replaced it. */
export function invalidateHash(key: string, hash: string): void {
	if (hashes.get(key)?.hash === hash) hashes.delete(key);
	retire(hash);
}

/** Every hash this process has held, current or given up: the redactor blanks them out of error texts. */
export function knownHashes(): string[] {
	return [...[...hashes.values()].map((entry) => entry.hash), ...retiredHashes];
}
