/**
 * Escaped HTML for the admin page. Everything interpolated into `html` is escaped unless it is
 * already `Html` (built by `html` itself), so order data, customer text and log messages cannot
 * inject markup.
 */

export class Html {
	constructor(readonly text: string) {}

	toString(): string {
		return this.text;
	}
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
	return String(value ?? '').replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function piece(value: unknown): string {
	if (value instanceof Html) return value.text;
	if (Array.isArray(value)) return value.map(piece).join('');
	return escapeHtml(value);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
	let text = strings[0] ?? '';
	values.forEach((value, index) => {
		text += piece(value) + (strings[index + 1] ?? '');
	});
	return new Html(text);
}

/** A table; an empty list says so in one row instead of showing bare headers. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly unknown[]>, empty = 'None.'): Html {
	const body =
		rows.length === 0
			? html`<tr><td colspan="${headers.length}" class="empty">${empty}</td></tr>`
			: rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`);
	return html`<table><thead><tr>${headers.map((header) => html`<th>${header}</th>`)}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Rows shown per table unless `?limit=` says otherwise. */
export const DEFAULT_PAGE_ROWS = 50;

export function pageLimit(query: URLSearchParams): number {
	const raw = Number(query.get('limit') ?? DEFAULT_PAGE_ROWS);
	return Number.isInteger(raw) && raw > 0 ? Math.min(raw, 1000) : DEFAULT_PAGE_ROWS;
}
