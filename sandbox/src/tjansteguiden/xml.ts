/** A minimal XML writer: elements hold either text or child elements, which is all Atlas XML uses. */

export interface XmlElement {
	name: string;
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

/** Renders with string concatenation (V8 ropes): listings can have 100k elements. */
export function renderXmlDocument(root: XmlElement): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '')}`;
}

function render(node: XmlElement, indent: string): string {
	if (node.children === undefined) return `${indent}<${node.name}>${escapeXmlText(node.text ?? '')}</${node.name}>\n`;
	if (node.children.length === 0) return `${indent}<${node.name}/>\n`;
	const inner = `${indent}  `;
	let out = `${indent}<${node.name}>\n`;
	for (const child of node.children) out += render(child, inner);
	return `${out}${indent}</${node.name}>\n`;
}
