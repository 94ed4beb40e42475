/**
 * A compact, JSON-friendly set of order IDs: sorted numeric IDs as base-36 gaps joined by dots
 * ("ewb.1.3.a"), so a day of a busy provider's orders fits in a few hundred bytes of n8n's
 * static data. IDs that are not plain numbers (never seen, but not assumed away) are kept as
 * they are after a "|".
 */
export function encodeIds(ids: Iterable<string>): string {
	const numeric: number[] = [];
	const other: string[] = [];
	for (const id of new Set(ids)) {
		if (/^\d{1,15}$/.test(id)) numeric.push(Number(id));
		else other.push(id);
	}
	numeric.sort((a, b) => a - b);
	let previous = 0;
	const gaps = numeric.map((id) => {
		const gap = (id - previous).toString(36);
		previous = id;
		return gap;
	});
	return other.length > 0 ? `${gaps.join('.')}|${other.map(encodeURIComponent).join('|')}` : gaps.join('.');
}

export function decodeIds(encoded: string): string[] {
	if (encoded === '') return [];
	const [numericPart, ...other] = encoded.split('|');
	const ids: string[] = [];
	let previous = 0;
	for (const gap of numericPart === '' ? [] : numericPart.split('.')) {
		previous += parseInt(gap, 36);
		ids.push(String(previous));
	}
	return ids.concat(other.map(decodeURIComponent));
}

const ENCODED_IDS = /^(?:[0-9a-z]+(?:\.[0-9a-z]+)*)?(?:\|[^|]*)*$/;

/** Whether `decodeIds` reads the text as written by `encodeIds` (broken `%` escapes included). */
export function isEncodedIds(encoded: unknown): encoded is string {
	if (typeof encoded !== 'string' || !ENCODED_IDS.test(encoded)) return false;
	try {
		decodeIds(encoded);
		return true;
	} catch {
		return false;
	}
}
