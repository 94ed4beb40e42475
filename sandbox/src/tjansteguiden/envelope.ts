/**
 * Orders 1.0 answer envelopes. Success is the documented `<METHOD><response>…</response><status>success</status></METHOD>`.
 * Errors come in two styles (TgConfig.errorStyle): 'assumed', our reading of spec §3 (HTTP 200, same
 * shape, `<message>` in the response and status `error`), and 'documented', what the vendor's public
 * pages show for Atlas XML, a Zend_Rest_Server back end: HTTP 400 (404 for an unknown method),
 * `<METHOD generator="zend" version="1.0"><response><message>…</message><log>…</log></response><status>failed</status></METHOD>`.
 */
import { element, isXmlName, type XmlElement } from './xml';

export type TgOutcome = 'success' | 'error';

export interface TgReply {
	root: XmlElement;
	outcome: TgOutcome;
	/** For error replies: the message, so the request log can tell errors apart. */
	message?: string;
	/** An error because the method does not exist (the documented style answers it with 404). */
	unknownMethod?: boolean;
}

/** Root used when the method name cannot be an element name (or is missing). */
const FALLBACK_ROOT = 'serviceguide';

export function rootName(method: string | null): string {
	return method !== null && isXmlName(method) ? method : FALLBACK_ROOT;
}

export function success(method: string, payload: XmlElement[]): TgReply {
	return { root: element(method, [element('response', payload), element('status', 'success')]), outcome: 'success' };
}

/** The operator API's listing envelope (spec §5.1, CO example): root `<serviceguide>`, no `<status>`. */
export function serviceguide(payload: XmlElement[]): TgReply {
	return { root: element('serviceguide', [element('response', payload)]), outcome: 'success' };
}

/** The operator API's customer_info (spec §5.4, CO variant): the payload right under the root, no wrapper. */
export function unwrapped(method: string, payload: XmlElement[]): TgReply {
	return { root: element(method, payload), outcome: 'success' };
}

export function unknownMethod(method: string): TgReply {
	return { ...failure(method, `Unknown method: ${method}`), unknownMethod: true };
}

/** The same error in the documented style, with the HTTP status that style answers it with. */
export function documentedFailure(reply: TgReply): { root: XmlElement; httpStatus: number } {
	const message = reply.message ?? '';
	const root = element(reply.root.name, [
		element('response', [element('message', message), element('log', message)]),
		element('status', 'failed'),
	]);
	return { root: { ...root, attributes: { generator: 'zend', version: '1.0' } }, httpStatus: reply.unknownMethod === true ? 404 : 400 };
}

export function failure(method: string | null, message: string): TgReply {
	return {
		root: element(rootName(method), [element('response', [element('message', message)]), element('status', 'error')]),
		outcome: 'error',
		message,
	};
}
