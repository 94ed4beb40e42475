/**
 * The Tjänsteguiden envelope, as documented and as seen in its variants:
 *
 *   <METHOD><response>…</response><status>success</status></METHOD>   (service-provider API)
 *   <serviceguide><response>…</response></serviceguide>               (orders, no status)
 *   <customer_info><customer>…</customer><data>…</data></customer_info> (no wrapper at all)
 *
 * Errors are not documented; we accept any `<status>` other than `success`, and take the
 * message from the usual places.
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

export function readEnvelope(document: Record<string, unknown>): Envelope {
	const rootNames = Object.keys(document).filter((key) => !key.startsWith('?'));
	if (rootNames.length !== 1) {
		throw new EnvelopeError('The answer has no single root element', 'invalid');
	}
	const root = rootNames[0];
	const content = asRecord(document[root]);
	const status = textOf(content.status);
	const hasResponse = Object.prototype.hasOwnProperty.call(content, 'response');
	let payload: Record<string, unknown>;
	if (hasResponse) {
		payload = asRecord(content.response);
	} else {
		payload = { ...content };
		delete payload.status;
	}

	const isError = status !== undefined ? status.toLowerCase() !== 'success' : root === 'error';
	if (isError) {
		const message =
			textOf(payload.message) ??
			textOf(payload.error) ??
			textOf(content.message) ??
			textOf(content.error) ??
			textOf(payload.errormessage) ??
			`The API answered with status "${status ?? 'error'}"`;
		throw new EnvelopeError(message, status ?? 'error');
	}
	return { root, payload, status, document };
}
