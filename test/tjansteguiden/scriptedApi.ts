/**
 * A tiny Tjänsteguiden stand-in on loopback that answers exactly what a test scripts, for answers
 * the sandbox does not produce (bodies in undocumented shapes, odd encodings, echoing error pages).
 * `api_login` is answered with a hash unless the script answers it itself.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export const SCRIPTED_HASH = 'scripted0hash0123456789abcdef00';

export interface ScriptedCall {
	/** The request target as it arrived (path and encoded query string). */
	url: string;
	path: string;
	method: string;
	query: Record<string, string>;
}

export interface ScriptedAnswer {
	status?: number;
	headers?: Record<string, string>;
	body: string | Buffer;
}

export interface ScriptedApi {
	url: string;
	calls: ScriptedCall[];
	close(): Promise<void>;
}

export type Script = (call: ScriptedCall) => ScriptedAnswer | undefined;

/** The documented success envelope of a method, around the given inner XML. */
export function successXml(method: string, inner: string): string {
	return `<${method}><response>${inner}</response><status>success</status></${method}>`;
}

function callOf(request: IncomingMessage): ScriptedCall {
	const url = new URL(request.url ?? '/', 'http://127.0.0.1');
	return { url: request.url ?? '/', path: url.pathname, method: url.searchParams.get('method') ?? '', query: Object.fromEntries(url.searchParams) };
}

export async function startScriptedApi(script: Script): Promise<ScriptedApi> {
	const calls: ScriptedCall[] = [];
	const server = createServer((request, response) => {
		const call = callOf(request);
		calls.push(call);
		const answer =
			script(call) ??
			(call.method === 'api_login'
				? { body: successXml('api_login', `<message>Logged in</message><hash_key>${SCRIPTED_HASH}</hash_key>`) }
				: { status: 404, body: `<${call.method}><response><message>Not scripted</message></response><status>failed</status></${call.method}>` });
		response.writeHead(answer.status ?? 200, { 'Content-Type': 'text/xml; charset=utf-8', ...answer.headers });
		response.end(answer.body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		calls,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
