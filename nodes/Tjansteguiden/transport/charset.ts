/**
 * Turns an answer's bytes into text by the encoding the answer declares: the Content-Type's
 * charset first (HTTP wins, RFC 7303), then the XML declaration, else UTF-8 (XML's default).
 * Strictly: bytes that are not valid in that encoding are an error, never replacement characters,
 * so that `Torshälla` sent as Latin-1 without saying so is not silently read as `Torsh\uFFFDlla`.
 */
import { XmlFormatError } from './xml';

const XML_DECLARATION_ENCODING = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

function charsetOf(contentType: unknown): string | undefined {
	const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(String(contentType ?? ''));
	return match?.[1];
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
	// The declaration is ASCII in every encoding it may name (UTF-16 aside, which the API never uses).
	const start = Buffer.from(bytes.subarray(0, 200)).toString('latin1').replace(/^\uFEFF|^ï»¿/, '');
	return XML_DECLARATION_ENCODING.exec(start)?.[1];
}

/** A strict decoder for the encoding, or undefined when the runtime does not know it. */
function decoderFor(encoding: string): InstanceType<typeof TextDecoder> | undefined {
	try {
		return new TextDecoder(encoding, { fatal: true });
	} catch {
		return undefined;
	}
}

export function decodeBody(bytes: Uint8Array, contentType: unknown): string {
	const encoding = charsetOf(contentType) ?? declaredEncoding(bytes) ?? 'utf-8';
	const decoder = decoderFor(encoding);
	if (!decoder) throw new XmlFormatError(`the answer is in an encoding the package cannot read ("${encoding.slice(0, 40)}")`);
	let text: string | undefined;
	try {
		text = decoder.decode(bytes);
	} catch {
		text = undefined;
	}
	if (text === undefined) throw new XmlFormatError(`the answer is not valid ${encoding.slice(0, 40)} text (declare its charset)`);
	return text;
}
