/**
 * The unfinished orders the trigger knows, with the state and expectedCompletionDate it last saw,
 * in a compact, lossless, JSON-friendly form for n8n's static data.
 *
 * A busy operator may have thousands of orders in flight, so the encoding avoids repeating what
 * repeats: the (state, expectedCompletionDate) pairs go into a small table (many orders share a
 * date) and each order stores its index in it; order IDs are sorted, numeric IDs stored as base-36
 * gaps (an operator's order counter: 1-3 characters each) and 32-digit hex IDs (the spec's own
 * examples) as 22 base64url characters. Other IDs are kept as they are. The result is exact: an
 * order's last state and date can always be told apart from its next.
 *
 * Layout: `{ t: ["R|2026-12-01", "I|"], o: "<entry>,<entry>,…" }`, an entry being
 * `<id token>:<table index in base 36>`; an id token is `<gap>` (numeric), `~<base64url>` (hex) or
 * `'<id, URI-encoded>`.
 */
export interface KnownOrder {
	state: string;
	/** As the operator wrote it; '' when it gave none. */
	expectedCompletionDate: string;
}

export type KnownOrders = Map<string, KnownOrder>;

export interface EncodedOrders {
	t: string[];
	o: string;
}

const STATE_CODES: Record<string, string> = { RECEIVED: 'R', IN_PROGRESS: 'I' };
const CODE_STATES: Record<string, string> = { R: 'RECEIVED', I: 'IN_PROGRESS' };
/** Numbers below 2^53 without leading zeros survive the trip through a JS number. */
const NUMERIC_ID = /^(0|[1-9]\d{0,14})$/;
const HEX_ID = /^[0-9a-f]{32}$/;

function stateCode(state: string): string {
	return STATE_CODES[state] ?? encodeURIComponent(state);
}

function codeState(code: string): string {
	return CODE_STATES[code] ?? decodeURIComponent(code);
}

function compareIds(a: string, b: string): number {
	const numericA = NUMERIC_ID.test(a);
	const numericB = NUMERIC_ID.test(b);
	if (numericA && numericB) return Number(a) - Number(b);
	if (numericA !== numericB) return numericA ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

export function encodeKnownOrders(orders: KnownOrders): EncodedOrders {
	const table: string[] = [];
	const tableIndex = new Map<string, number>();
	const entries: string[] = [];
	let previous = 0;
	for (const id of [...orders.keys()].sort(compareIds)) {
		const known = orders.get(id) as KnownOrder;
		const pair = `${stateCode(known.state)}|${known.expectedCompletionDate}`;
		let index = tableIndex.get(pair);
		if (index === undefined) {
			index = table.length;
			table.push(pair);
			tableIndex.set(pair, index);
		}
		let token: string;
		if (NUMERIC_ID.test(id)) {
			token = (Number(id) - previous).toString(36);
			previous = Number(id);
		} else if (HEX_ID.test(id)) {
			token = `~${Buffer.from(id, 'hex').toString('base64url')}`;
		} else {
			token = `'${encodeURIComponent(id)}`;
		}
		entries.push(`${token}:${index.toString(36)}`);
	}
	return { t: table, o: entries.join(',') };
}

export function isEncodedOrders(value: unknown): value is EncodedOrders {
	const encoded = value as EncodedOrders | undefined;
	return typeof encoded === 'object' && encoded !== null && Array.isArray(encoded.t) && typeof encoded.o === 'string';
}

export function decodeKnownOrders(encoded: EncodedOrders): KnownOrders {
	const table = encoded.t.map((pair) => {
		const bar = pair.indexOf('|');
		return { state: codeState(pair.slice(0, bar)), expectedCompletionDate: pair.slice(bar + 1) };
	});
	const orders: KnownOrders = new Map();
	let previous = 0;
	for (const entry of encoded.o === '' ? [] : encoded.o.split(',')) {
		const colon = entry.lastIndexOf(':');
		const token = entry.slice(0, colon);
		const known = table[parseInt(entry.slice(colon + 1), 36)];
		if (known === undefined) continue;
		let id: string;
		if (token.startsWith('~')) id = Buffer.from(token.slice(1), 'base64url').toString('hex');
		else if (token.startsWith("'")) id = decodeURIComponent(token.slice(1));
		else {
			previous += parseInt(token, 36);
			id = String(previous);
		}
		orders.set(id, { ...known });
	}
	return orders;
}
