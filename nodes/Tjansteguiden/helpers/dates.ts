import { DateTime } from 'luxon';

/** The API's naive timestamps are Swedish local time. */
export const API_ZONE = 'Europe/Stockholm';

const API_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `2015-10-06 11:48:00` (or `… 11:48`) → `2015-10-06T11:48:00+02:00`. Anything else (`asap`, a
 * bare date, free text) is returned unchanged, so no information is lost.
 */
export function toIsoTimestamp(value: string): string {
	const match = API_TIMESTAMP.exec(value.trim());
	if (!match) return value;
	const [, year, month, day, hour, minute, second] = match;
	const local = DateTime.fromObject(
		{
			year: Number(year),
			month: Number(month),
			day: Number(day),
			hour: Number(hour),
			minute: Number(minute),
			second: Number(second ?? '0'),
		},
		{ zone: API_ZONE },
	);
	return local.isValid ? (local.toISO({ suppressMilliseconds: true }) ?? value) : value;
}

/** Today's date in Stockholm, as the API's `date` parameter wants it. */
export function stockholmToday(now: Date = new Date()): string {
	return DateTime.fromJSDate(now, { zone: API_ZONE }).toISODate() as string;
}

/** The Stockholm calendar date of an instant. */
export function stockholmDateOf(instant: Date | number): string {
	const dateTime = typeof instant === 'number' ? DateTime.fromMillis(instant) : DateTime.fromJSDate(instant);
	return dateTime.setZone(API_ZONE).toISODate() as string;
}

/** `YYYY-MM-DD` plus or minus whole calendar days (no time zone involved). */
export function addDays(date: string, days: number): string {
	return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

/**
 * Reads a user's "since" value: empty means today in Stockholm; `YYYY-MM-DD` is taken as is; a
 * date-time (n8n's date picker, an expression) becomes its Stockholm date. Returns undefined
 * when the value is not a real date.
 */
export function toApiDate(value: unknown, now: Date = new Date()): string | undefined {
	if (value === undefined || value === null || value === '') return stockholmToday(now);
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : stockholmDateOf(value);
	if (DateTime.isDateTime(value)) return value.isValid ? (value.setZone(API_ZONE).toISODate() ?? undefined) : undefined;
	const text = String(value).trim();
	if (ISO_DATE.test(text)) {
		return DateTime.fromISO(text, { zone: API_ZONE }).isValid ? text : undefined;
	}
	// A date-time without an offset is read as Stockholm time, like the API's own timestamps.
	const parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone: API_ZONE, setZone: false });
	if (!parsed.isValid) return undefined;
	return parsed.setZone(API_ZONE).toISODate() ?? undefined;
}
