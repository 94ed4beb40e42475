/**
 * The ON-API data formats (common/dataformats.md, identical in 2.4, 2.5 and 2.6) as checks and
 * normalisers. Each returns the value to send, or undefined when the input does not fit.
 */
import { DateTime } from 'luxon';

/** dataformats.md "ID": accessId, subscriptionId, spReference, spSubscriptionId, orderId, event. */
export const ON_API_ID_PATTERN = /^[-0-9a-zA-Z.]{1,36}$/;

/** dataformats.md "macAddress". */
export const MAC_ADDRESS_PATTERN = /^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$/;

/** dataformats.md "dateTime": RFC 3339 in UTC with up to four decimals on the seconds. */
export const UTC_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,4})?Z$/;

/** dataformats.md "text". */
export const TEXT_MAX_LENGTH = 255;

/** How the ID rule reads in error messages. */
export const ON_API_ID_RULE = "must be an ON-API ID: 1 to 36 characters, only letters, digits, '-' and '.' (not only dots)";

/**
 * The spec's pattern allows `.` and `..`, but an ID goes into a URL path (`accesses/{accessId}`),
 * where dots alone mean "this" or "the parent" and would reach another resource, so IDs made only
 * of dots are refused.
 */
export function normaliseOnApiId(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	return ON_API_ID_PATTERN.test(text) && !/^\.+$/.test(text) ? text : undefined;
}

export function normaliseText(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text === '' || text.length > TEXT_MAX_LENGTH) return undefined;
	return text;
}

/**
 * Accepts the colon form the spec uses and, because people paste them, the hyphen form and
 * twelve bare hex digits. Sends the colon form in capitals, as the spec recommends.
 */
export function normaliseMacAddress(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	let hex: string;
	if (/^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/.test(text)) {
		const separators = new Set(text.replace(/[0-9A-Fa-f]/g, ''));
		if (separators.size !== 1) return undefined;
		hex = text.replace(/[:-]/g, '');
	} else if (/^[0-9A-Fa-f]{12}$/.test(text)) {
		hex = text;
	} else {
		return undefined;
	}
	const formatted = hex.toUpperCase().match(/.{2}/g)!.join(':');
	return MAC_ADDRESS_PATTERN.test(formatted) ? formatted : undefined;
}

/**
 * Converts an ISO 8601 date-time to the spec's UTC form. A value without an offset (what n8n's
 * date picker produces) is read in the workflow's time zone, the zone the user sees in the editor.
 */
export function toUtcDateTime(value: unknown, timezone: string): string | undefined {
	let parsed: DateTime | undefined;
	if (value instanceof Date) {
		parsed = DateTime.fromJSDate(value);
	} else if (DateTime.isDateTime(value)) {
		parsed = value;
	} else if (typeof value === 'string') {
		const text = value.trim();
		if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return undefined;
		parsed = DateTime.fromISO(text, { zone: timezone, setZone: false });
	}
	if (!parsed || !parsed.isValid) return undefined;
	const utc = parsed.toUTC();
	const formatted = utc.millisecond === 0
		? utc.toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'")
		: utc.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
	return UTC_DATE_TIME_PATTERN.test(formatted) ? formatted : undefined;
}

/**
 * An HTTP date (RFC 7231 IMF-fixdate) for If-Modified-Since. Accepts an HTTP date as the operator
 * sent it in Last-Modified, or an ISO 8601 date-time (read in the workflow's time zone when it has
 * no offset).
 */
export function toHttpDate(value: unknown, timezone: string): string | undefined {
	if (typeof value === 'string' && /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value.trim())) {
		const ms = Date.parse(value.trim());
		return Number.isNaN(ms) ? undefined : new Date(ms).toUTCString();
	}
	const utc = toUtcDateTime(value, timezone);
	return utc === undefined ? undefined : new Date(utc).toUTCString();
}

const IPV4_PART = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_PATTERN = new RegExp(`^${IPV4_PART}(\\.${IPV4_PART}){3}$`);

function isIpv4(text: string): boolean {
	return IPV4_PATTERN.test(text);
}

function isIpv6(text: string): boolean {
	if (!/^[0-9A-Fa-f:.]+$/.test(text)) return false;
	const halves = text.split('::');
	if (halves.length > 2) return false;
	const groupsOf = (half: string): string[] => (half === '' ? [] : half.split(':'));
	const groups = [...groupsOf(halves[0]), ...(halves.length === 2 ? groupsOf(halves[1]) : [])];
	let width = 0;
	for (let index = 0; index < groups.length; index++) {
		const group = groups[index];
		if (index === groups.length - 1 && group.includes('.')) {
			if (!isIpv4(group)) return false;
			width += 2;
		} else if (/^[0-9A-Fa-f]{1,4}$/.test(group)) {
			width += 1;
		} else {
			return false;
		}
	}
	return halves.length === 2 ? width < 8 : width === 8;
}

/** dataformats.md "ipAddress": IPv4 or IPv6, optionally with a /prefix. */
export function isIpAddress(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	const [address, prefix, ...rest] = value.trim().split('/');
	if (rest.length > 0) return false;
	const v4 = isIpv4(address);
	const v6 = !v4 && isIpv6(address);
	if (!v4 && !v6) return false;
	if (prefix === undefined) return true;
	if (!/^\d{1,3}$/.test(prefix)) return false;
	return Number(prefix) <= (v4 ? 32 : 128);
}
