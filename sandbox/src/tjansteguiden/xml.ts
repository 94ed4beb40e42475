/** A minimal XML writer: elements hold either text or child elements, which is all Atlas XML uses. */

export interface XmlElement {
	name: string;
	/** Only the documented error style's root uses attributes (`generator`, `version`). */
	attributes?: Record<string, string>;
	text?: string;
	children?: XmlElement[];
}

export function element(name: string, content: string | number | XmlElement[]): XmlElement {
	return Array.isArray(content) ? { name, children: content } : { name, text: String(content) };
}

/** Characters XML 1.0 cannot carry at all; they are dropped rather than escaped. */
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const NEEDS_ESCAPING = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXmlText(text: string): string {
	if (!NEEDS_ESCAPING.test(text)) return text;
	return text.replace(FORBIDDEN_CHARACTERS, '').replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Whether `name` can be used as an element name as is (used for roots named after the called method). */
export function isXmlName(name: string): boolean {
	return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) && !/^xml/i.test(name);
}

/**
 * How the document's characters are written: UTF-8 (the default); ISO-8859-1, with characters beyond
 * Latin-1 as numeric references; or UTF-8 with every non-ASCII character as a numeric reference.
 */
export type XmlCharset = 'UTF-8' | 'ISO-8859-1' | 'ASCII-references';

const BEYOND: Record<XmlCharset, RegExp | undefined> = {
	'UTF-8': undefined,
	'ISO-8859-1': /[^\u0000-\u00FF]/gu,
	'ASCII-references': /[^\u0000-\u007F]/gu,
};

/** Renders with string concatenation (V8 ropes): listings can have 100k elements. */
export function renderXmlDocument(root: XmlElement, charset: XmlCharset = 'UTF-8'): string {
	const declared = charset === 'ISO-8859-1' ? 'ISO-8859-1' : 'UTF-8';
	const document = `<?xml version="1.0" encoding="${declared}"?>\n${render(root, '')}`;
	const beyond = BEYOND[charset];
	return beyond === undefined ? document : document.replace(beyond, (character) => `&#${character.codePointAt(0) as number};`);
}

function render(node: XmlElement, indent: string): string {
	const attributes = Object.entries(node.attributes ?? {})
		.map(([name, value]) => ` ${name}="${escapeXmlText(value)}"`)
		.join('');
	const open = `${node.name}${attributes}`;
	if (node.children === undefined) return `${indent}<${open}>${escapeXmlText(node.text ?? '')}</${node.name}>\n`;
	if (node.children.length === 0) return `${indent}<${open}/>\n`;
	const inner = `${indent}  `;
	let out = `${indent}<${open}>\n`;
	for (const child of node.children) out += render(child, inner);
	return `${out}${indent}</${node.name}>\n`;
}
