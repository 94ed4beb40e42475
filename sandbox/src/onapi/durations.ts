/**
 * Order durations as a person writes them in an admin call: `90s`, `10m`, `4h`, `2d`, `1d 12h`
 * (units ms, s, m, h, d, also spelt out: `3 days`). Real operators take minutes to days, and the
 * sandbox clock is moved by tests, so milliseconds alone are an awkward unit.
 */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)\s*(milliseconds?|ms|minutes?|min|m|seconds?|sec|s|hours?|h|days?|d)/y;

function unitOf(word: string): number {
	if (word.startsWith('ms') || word.startsWith('milli')) return UNIT_MS.ms as number;
	return UNIT_MS[word[0] as string] as number;
}

/** Milliseconds, or undefined when `text` is not a duration. */
export function parseDuration(text: string): number | undefined {
	const trimmed = text.trim().toLowerCase();
	if (trimmed === '') return undefined;
	let total = 0;
	let position = 0;
	PART.lastIndex = 0;
	while (position < trimmed.length) {
		PART.lastIndex = position;
		const match = PART.exec(trimmed);
		if (match === null) return undefined;
		total += Number(match[1]) * unitOf(match[2] as string);
		position = PART.lastIndex;
		while (trimmed[position] === ' ' || trimmed[position] === ',') position += 1;
	}
	return Math.round(total);
}

/** The largest whole units, as parseDuration reads them back: 172800000 → '2d', 5400000 → '1h 30m'. */
export function formatDuration(ms: number): string {
	if (ms === 0) return '0s';
	const parts: string[] = [];
	let rest = ms;
	for (const unit of ['d', 'h', 'm', 's', 'ms']) {
		const size = UNIT_MS[unit] as number;
		const count = Math.floor(rest / size);
		if (count > 0) parts.push(`${count}${unit}`);
		rest -= count * size;
	}
	return parts.join(' ');
}
