import { XMLParser } from '../../../vendor/fast-xml-parser';

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	// Every value stays a string: IDs, personal numbers, phone numbers and postal codes keep
	// their leading zeros and are never rounded.
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
	// Only the five predefined XML entities are expanded; documents that declare their own are
	// refused before parsing (see parseXml).
	processEntities: true,
	htmlEntities: false,
});

export class XmlFormatError extends Error {}

const NUMERIC_REFERENCE = /&#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}));/g;
const PREDEFINED: Record<string, string> = { '<': '&lt;', '&': '&amp;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function isXmlChar(code: number): boolean {
	return (
		code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
	);
}

/**
 * Numeric character references (`&#228;`, `&#xE4;`) as the characters they stand for: the parser
 * expands only the five named entities. Markup characters stay escaped, so that `&#60;` is text.
 */
function withCharacterReferences(xml: string): string {
	return xml.replace(NUMERIC_REFERENCE, (_reference, hex: string | undefined, decimal: string | undefined) => {
		const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
		if (!isXmlChar(code)) throw new XmlFormatError(`The answer refers to a character XML does not allow (${code})`);
		const character = String.fromCodePoint(code);
		return PREDEFINED[character] ?? character;
	});
}

/** Parses an API answer. Throws XmlFormatError for anything that is not a single XML document. */
export function parseXml(text: string): Record<string, unknown> {
	const body = text.replace(/^\uFEFF/, '').trim();
	if (!body.startsWith('<')) {
		throw new XmlFormatError('The answer is not XML');
	}
	if (/<!DOCTYPE|<!ENTITY/i.test(body)) {
		// The API never sends a DTD; an HTML error page does, and a DTD is how entity-expansion
		// attacks arrive. Neither is parsed.
		throw new XmlFormatError(
			/<html[\s>]/i.test(body) ? 'The answer is an HTML page, not XML' : 'The answer declares a DTD',
		);
	}
	if (/^<html[\s>]/i.test(body) || /<body[\s>]/i.test(body)) {
		throw new XmlFormatError('The answer is an HTML page, not XML');
	}
	const expanded = withCharacterReferences(body);
	let parsed: unknown;
	let malformed: Error | undefined;
	try {
		parsed = parser.parse(expanded, true);
	} catch (error) {
		malformed = error as Error;
	}
	if (malformed) throw new XmlFormatError(`The answer is not well-formed XML (${malformed.message})`);
	if (parsed === null || typeof parsed !== 'object' || Object.keys(parsed).length === 0) {
		throw new XmlFormatError('The answer is empty');
	}
	return parsed as Record<string, unknown>;
}
