/**
 * `output_format=json` of the operator API (spec §2). Its JSON is not documented; we assume what PHP's
 * json_encode makes of the XML answer (Atlas is PHP): an element with text becomes a string, one with
 * children an object, and a child name that repeats becomes an array.
 */
import type { XmlElement } from './xml';

export const OUTPUT_FORMATS = ['xml', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
	return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

export function renderJsonDocument(root: XmlElement): string {
	return JSON.stringify({ [root.name]: toJson(root) });
}

function toJson(node: XmlElement): unknown {
	if (node.children === undefined) return node.text ?? '';
	const result: Record<string, unknown> = {};
	const repeated = new Set<string>();
	for (const child of node.children) {
		const value = toJson(child);
		if (!Object.hasOwn(result, child.name)) {
			result[child.name] = value;
		} else if (repeated.has(child.name)) {
			(result[child.name] as unknown[]).push(value);
		} else {
			result[child.name] = [result[child.name], value];
			repeated.add(child.name);
		}
	}
	return result;
}
