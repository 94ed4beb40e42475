/**
 * What stands between a client and a simulated API when something goes wrong: a proxy's error page,
 * a redirect elsewhere, a page that echoes the URL (and any key in its query), an oversized answer.
 */
import http from 'node:http';

import { escapeHtml } from './html';
import type { SandboxResponse } from './types';

/** What a reverse proxy in front of an overloaded backend answers. */
export function gatewayErrorPage(status: number): SandboxResponse {
	const title = `${status} ${http.STATUS_CODES[status] ?? 'Server Error'}`;
	return {
		status,
		headers: { 'Content-Type': 'text/html' },
		body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
		outcome: 'fault',
	};
}

/** A redirect; an origin alone as `location` gets the request's path and query, as a moved site would send. */
export function redirectTo(status: number, location: string, rawUrl: string): SandboxResponse {
	const target = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+\/?$/i.test(location) ? `${location.replace(/\/$/, '')}${rawUrl}` : location;
	return { status, headers: { Location: target, 'Content-Type': 'text/html' }, body: `<a href="${escapeHtml(target)}">Moved</a>`, outcome: 'fault' };
}

/**
 * An application server's error page that repeats the request line the way such pages do: as
 * HTML text (`&amp;` between parameters), inside a link, and percent-encoded in a "report" link.
 */
export function echoUrlPage(status: number, rawUrl: string): SandboxResponse {
	const title = `${status} ${http.STATUS_CODES[status] ?? 'Error'}`;
	const text = escapeHtml(rawUrl);
	return {
		status,
		headers: { 'Content-Type': 'text/html; charset=utf-8' },
		body:
			`<html><head><title>${title}</title></head><body><h1>${title}</h1>\n<p>The requested URL ${text} was not found on this server.</p>\n` +
			`<p><a href="${text}">Try again</a> or <a href="/report?url=${encodeURIComponent(rawUrl)}">report it</a>.</p></body></html>\n`,
		outcome: 'fault',
	};
}

/**
 * The answer padded to `sizeBytes` where its format allows it unchanged: an XML comment after the
 * root element, trailing whitespace after JSON, a comment at the end of HTML.
 */
export function padded(response: SandboxResponse, sizeBytes: number): SandboxResponse {
	const body = response.body ?? '';
	const missing = sizeBytes - Buffer.byteLength(body);
	if (missing <= 0 || response.connection !== undefined) return response;
	const type = String(response.headers?.['Content-Type'] ?? '');
	const json = type.includes('json');
	const filler = json ? ' '.repeat(missing) : `<!--${' '.repeat(Math.max(0, missing - 8))}-->\n`;
	return { ...response, body: `${body}${body.endsWith('\n') || json ? '' : '\n'}${filler}`, outcome: response.outcome ?? 'fault' };
}
