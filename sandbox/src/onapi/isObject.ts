/** A parsed JSON object (not null, not an array), as admin bodies must be before their fields are read. */
export function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}
