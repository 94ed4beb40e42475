import { XMLParser } from 'fast-xml-parser';

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
	let parsed: unknown;
	try {
		parsed = parser.parse(body, true);
	} catch (error) {
		throw new XmlFormatError(`The answer is not well-formed XML (${(error as Error).message})`);
	}
	if (parsed === null || typeof parsed !== 'object' || Object.keys(parsed).length === 0) {
		throw new XmlFormatError('The answer is empty');
	}
	return parsed as Record<string, unknown>;
}
