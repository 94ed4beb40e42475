/**
 * A call's result or its failure as a value. Transport code classifies a failure (transient or
 * permanent, a refused hash, an unreachable host) before it decides what to throw; holding the
 * failure as a value keeps that decision out of `catch` blocks, where n8n's community-package scan
 * accepts only NodeApiError / NodeOperationError (the transport converts its internal failures into
 * those at its boundary, see toNodeApiError).
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function outcomeOf<T>(work: Promise<T>): Promise<Outcome<T>> {
	return await work.then(
		(value): Outcome<T> => ({ ok: true, value }),
		(error: unknown): Outcome<T> => ({ ok: false, error }),
	);
}
