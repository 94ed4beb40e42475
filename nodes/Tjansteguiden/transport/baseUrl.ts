/**
 * Where a Tjänsteguiden credential may send its secrets. The API key and login hash travel in the
 * query string, so plain http would show them to anyone on the way: it is refused except to
 * loopback (the local sandbox) unless the credential's "Allow Insecure HTTP" is on. User info and
 * query strings have no place in a base URL: the first would be sent as a second credential, the
 * second would be mixed into every call.
 */
export interface BaseUrlRules {
	/** The field's display name, for messages ("Base URL", "Atlas Site URL"). */
	field: string;
	/** How the field's value should look, for the scheme message. */
	example: string;
	allowInsecureHttp: boolean;
}

function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** What is wrong with the URL, as a message naming the field; undefined when it may be used. */
export function baseUrlProblem(url: string, rules: BaseUrlRules): string | undefined {
	const schemeProblem = `${rules.field} must start with https:// (or http:// for a local sandbox), e.g. ${rules.example}`;
	if (!/^https?:\/\/[^/]/i.test(url)) return schemeProblem;
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `${rules.field} is not a valid URL`;
	}
	if (parsed.username !== '' || parsed.password !== '') {
		return `${rules.field} must not contain a user name or password: the credential's own fields carry what the API needs`;
	}
	if (parsed.search !== '' || parsed.hash !== '' || url.includes('?') || url.includes('#')) {
		return `${rules.field} must not contain a query string or fragment: the node adds the parameters of each call`;
	}
	if (parsed.protocol === 'http:' && !isLoopback(parsed.hostname) && !rules.allowInsecureHttp) {
		return `${rules.field} must use https:// for ${parsed.hostname}: over http:// what the credential sends (API user, key, login hash) travels in clear text. Turn on "Allow Insecure HTTP" in the credential only for a network you trust.`;
	}
	return undefined;
}
