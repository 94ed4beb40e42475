/**
 * Tjänsteguiden speaks Swedish local time without a zone marker (spec §8). Formatting is done with
 * a per-hour offset cache instead of a luxon DateTime per value, because `orders` may list 100k rows;
 * Stockholm's offset only changes on whole UTC hours, so the cache is exact.
 */
import { DateTime } from 'luxon';

export const STOCKHOLM = 'Europe/Stockholm';

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 200_000;
const offsetByHour = new Map<number, number>();

function offsetMinutes(ms: number): number {
	const hour = Math.floor(ms / HOUR_MS);
	let offset = offsetByHour.get(hour);
	if (offset === undefined) {
		offset = DateTime.fromMillis(hour * HOUR_MS, { zone: STOCKHOLM }).offset;
		if (offsetByHour.size >= MAX_CACHED_HOURS) offsetByHour.clear();
		offsetByHour.set(hour, offset);
	}
	return offset;
}

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD HH:MM:SS` (or without seconds) in Stockholm time. */
export function formatStockholm(ms: number, withSeconds = true): string {
	const local = new Date(ms + offsetMinutes(ms) * 60_000);
	const text =
		`${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
		`${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
	return withSeconds ? `${text}:${pad(local.getUTCSeconds())}` : text;
}

/** Start of a `YYYY-MM-DD` day in Stockholm as epoch ms, or undefined when the text is not such a date. */
export function startOfStockholmDay(text: string): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (match === null) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const start = DateTime.fromObject({ year, month, day }, { zone: STOCKHOLM });
	if (!start.isValid || start.year !== year || start.month !== month || start.day !== day) return undefined;
	return start.toMillis();
}

/**
 * An instant from admin input: epoch ms, an ISO 8601 string with a zone, or a zone-less
 * `YYYY-MM-DD[ HH:MM[:SS]]` read as Stockholm local time (what the API itself shows).
 */
export function parseInstant(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const dayStart = startOfStockholmDay(text);
	if (dayStart !== undefined) return dayStart;
	const local = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
	const parsed = local
		? DateTime.fromISO(text.replace(' ', 'T'), { zone: STOCKHOLM })
		: DateTime.fromISO(text, { setZone: true });
	if (!parsed.isValid) return undefined;
	if (!local && !/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return undefined;
	return parsed.toMillis();
}
