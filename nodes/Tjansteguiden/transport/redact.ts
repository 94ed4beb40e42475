/**
 * The Tjänsteguiden API carries its login hash (and, for api_login, the API key) in the query
 * string, so any URL or error text from the HTTP layer may contain them. Everything that leaves
 * the transport goes through `redact`.
 */
const SECRET_PARAMS = /([?&](?:hash|api_key|hash_key)=)[^&#\s"']*/gi;
const HASH_ELEMENT = /(<hash_key>)[^<]*(<\/hash_key>)/gi;

export const REDACTED = '***';

export function redact(text: string, secrets: Iterable<string | undefined> = []): string {
	let result = text.replace(SECRET_PARAMS, `$1${REDACTED}`).replace(HASH_ELEMENT, `$1${REDACTED}$2`);
	for (const secret of secrets) {
		// Short values would blank out ordinary words; real keys and hashes are long.
		if (secret && secret.length >= 6) result = result.split(secret).join(REDACTED);
	}
	return result;
}
