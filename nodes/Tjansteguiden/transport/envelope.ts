/**
 * The Tjänsteguiden envelope, as documented and as seen in its variants:
 *
 *   <METHOD><response>…</response><status>success</status></METHOD>   (service-provider API)
 *   <serviceguide><response>…</response></serviceguide>               (orders, no status)
 *   <customer_info><customer>…</customer><data>…</data></customer_info> (no wrapper at all)
 *
 * Errors are not documented; we take any `<status>` other than `success` (also an empty one), an
 * `<error>`/`<errormessage>` child or an `<error>` root as a failure, with the message from the
 * usual places. A write must say `success` (see EnvelopeOptions).
 */
export interface Envelope {
	/** Name of the root element, e.g. `orders` or `serviceguide`. */
	root: string;
	/** What is inside `<response>`, or the root's content when there is no `<response>`. */
	payload: Record<string, unknown>;
	/** The `<status>` text, when the answer has one. */
	status?: string;
	/** The whole parsed document, for users who ask for raw output. */
	document: Record<string, unknown>;
}

export class EnvelopeError extends Error {
	constructor(
		message: string,
		readonly apiStatus: string,
	) {
		super(message);
	}
}

function asRecord(value: unknown): Record<string, unknown> {
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		return value as Record<string, unknown>;
	}
	return {};
}

function textOf(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (Array.isArray(value)) return textOf(value[0]);
	const record = asRecord(value);
	if (typeof record['#text'] === 'string') return textOf(record['#text']);
	return undefined;
}

export interface EnvelopeOptions {
	/**
	 * For writes: only an explicit `<status>success</status>` means the change was made. Without
	 * it, an answer that merely lacks an error (the operator side's read envelope has no status)
	 * would report a change that never happened.
	 */
	requireSuccess?: boolean;
}

/** The error texts an answer without a `<status>` may carry (undocumented, seen in the wild). */
function errorChildText(payload: Record<string, unknown>, content: Record<string, unknown>): string | undefined {
	return textOf(payload.error) ?? textOf(payload.errormessage) ?? textOf(content.error) ?? textOf(content.errormessage);
}

export function readEnvelope(document: Record<string, unknown>, options: EnvelopeOptions = {}): Envelope {
	const rootNames = Object.keys(document).filter((key) => !key.startsWith('?'));
	if (rootNames.length !== 1) {
		throw new EnvelopeError('The answer has no single root element', 'invalid');
	}
	const root = rootNames[0];
	const content = asRecord(document[root]);
	const hasStatus = Object.prototype.hasOwnProperty.call(content, 'status');
	const status = textOf(content.status);
	const hasResponse = Object.prototype.hasOwnProperty.call(content, 'response');
	let payload: Record<string, unknown>;
	if (hasResponse) {
		payload = asRecord(content.response);
	} else {
		payload = { ...content };
		delete payload.status;
	}

	if (status !== undefined) {
		if (status.toLowerCase() === 'success') return { root, payload, status, document };
		const message =
			textOf(payload.message) ??
			textOf(payload.error) ??
			textOf(content.message) ??
			textOf(content.error) ??
			textOf(payload.errormessage) ??
			`The API answered with status "${status}"`;
		throw new EnvelopeError(message, status);
	}
	// No readable status: an empty `<status/>` or one with attributes only is no success either.
	const errorText = errorChildText(payload, content);
	if (errorText !== undefined) throw new EnvelopeError(errorText, 'error');
	if (root.toLowerCase() === 'error') {
		throw new EnvelopeError(textOf(payload.message) ?? textOf(content.message) ?? 'The API answered with an error', 'error');
	}
	if (hasStatus) throw new EnvelopeError('The API answered with an empty status instead of "success"', 'empty');
	if (options.requireSuccess) {
		throw new EnvelopeError('The API did not confirm the change: its answer has no "success" status', 'missing');
	}
	return { root, payload, status, document };
}
