/**
 * The credentials' "Max Response Size (MB)": how large an answer the transports read (see
 * cappedBody.ts). Credentials saved before the field existed have no value and get the default.
 */
import type { INodeProperties } from 'n8n-workflow';

export const MAX_RESPONSE_SIZE_FIELD = 'maxResponseSizeMb';
export const MAX_RESPONSE_SIZE_NAME = 'Max Response Size (MB)';

/**
 * The most a cap can be: the longest text JavaScript can hold (V8's string limit, ~512 MB). Every
 * answer is decoded into one text before it is parsed, so a larger one could not be read anyway.
 */
export const LARGEST_MAX_RESPONSE_BYTES = 536_870_888;
export const LARGEST_MAX_RESPONSE_MB = 512;

const MEGABYTE = 1024 * 1024;

/** The credential field, with the default for its API and what to do when answers are larger. */
export function maxResponseSizeProperty(defaultMb: number, whenLarger: string): INodeProperties {
	return {
		displayName: MAX_RESPONSE_SIZE_NAME,
		name: MAX_RESPONSE_SIZE_FIELD,
		type: 'number',
		typeOptions: { minValue: 1, maxValue: LARGEST_MAX_RESPONSE_MB },
		default: defaultMb,
		description: `The largest answer the node reads, in megabytes (at most ${LARGEST_MAX_RESPONSE_MB}, the longest text n8n can hold). A larger answer is cut off and the call fails with an error naming this field. ${whenLarger}`,
	};
}

export type MaxResponseBytes = { ok: true; bytes: number } | { ok: false; problem: string };

/** The cap in bytes from the field's value; empty means the default. */
export function maxResponseBytes(value: unknown, defaultMb: number): MaxResponseBytes {
	const megabytes = value === undefined || value === null || value === '' ? defaultMb : Number(value);
	if (!Number.isFinite(megabytes) || megabytes <= 0) {
		return { ok: false, problem: `Invalid field "${MAX_RESPONSE_SIZE_NAME}": it must be a number of megabytes above 0` };
	}
	return { ok: true, bytes: Math.min(Math.round(megabytes * MEGABYTE), LARGEST_MAX_RESPONSE_BYTES) };
}
