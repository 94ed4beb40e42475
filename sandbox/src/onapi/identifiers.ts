/**
 * Deterministic identifiers shaped like the spec's examples (32 lowercase hex digits).
 *
 * A generation number distinguishes stores created by successive resets, so a cursor or orderId
 * kept by a client from before a reset does not silently point at a different object afterwards.
 */
import { createHash } from 'node:crypto';

let generationCounter = 0;

export function nextGeneration(): number {
	generationCounter += 1;
	return generationCounter;
}

export function hexId(seed: string): string {
	return createHash('md5').update(seed).digest('hex');
}

/** 8-4-4-4-12 form, for nationalAddressUUID. */
export function uuidFrom(seed: string): string {
	const hex = hexId(seed);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
