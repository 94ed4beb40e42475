/**
 * The Tjänsteguiden API carries its login hash (and, for api_login, the API key) in the query
 * string, so any URL or error text from the HTTP layer may contain them, and error pages echo
 * them in every spelling: `&amp;`-escaped, `;`-separated, URL-encoded once or twice, form-encoded,
 * decoded with `+` read as a space. Everything that leaves the transport goes through `redact`.
 */
const SECRET_NAMES = '(?:hash|api_key|hash_key)';
/** `?`, `&`, `;`, `&amp;` and their URL-encoded forms. */
const SEPARATOR = '(?:[?&;]|&amp;|%3f|%26|%3b)';
const EQUALS = '(?:=|%3d)';
/** A value ends at the next separator in any of its forms, or where a URL would end. */
const VALUE = "(?:(?!%26|%3b|&)[^#\\s\"'<>;])*";
const SECRET_PARAMS = new RegExp(`(${SEPARATOR}${SECRET_NAMES}${EQUALS})${VALUE}`, 'gi');
const HASH_ELEMENT = /(<hash_key>|&lt;hash_key&gt;)[^<&]*(<\/hash_key>|&lt;\/hash_key&gt;)/gi;

export const REDACTED = '***';

/** A secret as an echoing page may spell it. */
function spellingsOf(secret: string): string[] {
	const encoded = encodeURIComponent(secret);
	const html = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
	return [
		secret,
		encoded,
		encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
		encodeURIComponent(encoded),
		new URLSearchParams({ s: secret }).toString().slice(2),
		secret.replace(/\+/g, ' '),
		html,
	];
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function blankOut(text: string, secret: string): string {
	// A short secret is only blanked as a whole token, so that it does not eat ordinary words.
	if (secret.length < 6) {
		return text.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(secret)}(?![A-Za-z0-9])`, 'g'), REDACTED);
	}
	return text.split(secret).join(REDACTED);
}

export function redact(text: string, secrets: Iterable<string | undefined> = []): string {
	let result = text.replace(SECRET_PARAMS, `$1${REDACTED}`).replace(HASH_ELEMENT, `$1${REDACTED}$2`);
	const spellings = new Set<string>();
	for (const secret of secrets) if (secret) for (const spelling of spellingsOf(secret)) spellings.add(spelling);
	// Longest first, so that a spelling that contains another is blanked whole.
	for (const spelling of [...spellings].sort((a, b) => b.length - a.length)) result = blankOut(result, spelling);
	return result;
}
