/** Helpers for the sandbox tests: parse Orders 1.0 XML (with fast-xml-parser) and call the API. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { DEMO_API_KEY, DEMO_API_USER, type RawResponse, type RunningSandbox } from '../../sandbox/src';

/** Elements that repeat: parsed as arrays even when there is only one. */
const LIST_PATHS = new Set([
	'orders.response.order',
	'serviceguide.response.order',
	'serviceguide.response.customer',
	'serviceguide.response.log',
	'customers.response.customer',
	'order_log.response.log',
]);

const parser = new XMLParser({
	parseTagValue: false,
	ignoreDeclaration: true,
	isArray: (_name, jpath) => LIST_PATHS.has(String(jpath)),
});

export interface OrderXml {
	id: string;
	type: string;
	date: string;
	status: string;
	service: string;
	xsp: string;
	delivery: string;
	customer: string;
}

export interface OrderInfoXml extends OrderXml {
	service_uid: string;
	service_name: string;
	co: string;
	co_name: string;
	socket: string;
	message?: string;
}

export interface LogXml {
	id: string;
	date: string;
	type: string;
	message: string;
	user: string;
}

export interface CustomerXml {
	id: string;
	socket: string;
	serial: string;
	firstname: string;
	surname: string;
	email?: string;
	address?: string;
	zip?: string;
	city?: string;
	date?: string;
}

/** `<METHOD><response>…</response><status>…</status></METHOD>`; an empty `<response/>` parses as ''. */
export interface Envelope<Payload> {
	response: Payload | '';
	status?: string;
}

export type Document = Record<string, Envelope<Record<string, unknown>> & Record<string, unknown>>;

/** Parses a response body after checking that it is well-formed XML. */
export function parseXml(body: string): Document {
	const valid = XMLValidator.validate(body);
	if (valid !== true) throw new Error(`Not well-formed XML: ${valid.err.msg}\n${body}`);
	return parser.parse(body) as Document;
}

export function isWellFormed(body: string): boolean {
	return XMLValidator.validate(body) === true;
}

/** The envelope under the single root element, with the root's name. */
export function envelope(body: string): { root: string; status?: string; response: Record<string, unknown> | ''; message?: string } {
	const document = parseXml(body);
	const roots = Object.keys(document);
	if (roots.length !== 1) throw new Error(`Expected one root element, got ${roots.join(', ')}`);
	const root = roots[0] as string;
	const content = document[root] as Envelope<Record<string, unknown>>;
	const response = content.response;
	const message = typeof response === 'object' && typeof response.message === 'string' ? response.message : undefined;
	return { root, response, ...(content.status === undefined ? {} : { status: content.status }), ...(message === undefined ? {} : { message }) };
}

/** The repeated elements of a listing (orders, customers, log entries), [] for an empty `<response/>`. */
export function listOf<T>(body: string, element: string): T[] {
	const { response, status, message } = envelope(body);
	if (status === 'error') throw new Error(`Expected a listing, got an error envelope: ${message ?? ''}`);
	if (response === '') return [];
	return (response[element] as T[] | undefined) ?? [];
}

export async function call(sandbox: RunningSandbox, params: Record<string, string | number>): Promise<RawResponse> {
	return sandbox.admin.tjansteguiden.call(params);
}

/** Logs in with the demo API user and returns the hash. */
export async function login(sandbox: RunningSandbox): Promise<string> {
	const response = await call(sandbox, { method: 'api_login', api_user: DEMO_API_USER, api_key: DEMO_API_KEY });
	const { status, response: payload } = envelope(response.body);
	if (status !== 'success' || payload === '' || typeof payload.hash_key !== 'string') {
		throw new Error(`Login failed: ${response.body}`);
	}
	return payload.hash_key;
}
