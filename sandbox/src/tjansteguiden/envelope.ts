/**
 * Orders 1.0 answer envelopes. Success is the documented `<METHOD><response>…</response><status>success</status></METHOD>`;
 * the error envelope is our assumption (spec §3): same shape, `<message>` in the response and status `error`.
 */
import { element, isXmlName, type XmlElement } from './xml';

export type TgOutcome = 'success' | 'error';

export interface TgReply {
	root: XmlElement;
	outcome: TgOutcome;
	/** For error replies: the message, so the request log can tell errors apart. */
	message?: string;
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

export function failure(method: string | null, message: string): TgReply {
	return {
		root: element(rootName(method), [element('response', [element('message', message)]), element('status', 'error')]),
		outcome: 'error',
		message,
	};
}
