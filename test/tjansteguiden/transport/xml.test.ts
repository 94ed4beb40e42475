/** The XML reader (transport/xml.ts) refuses what is not one safe XML document. */
import { parseXml, XmlFormatError } from '../../../nodes/Tjansteguiden/transport/xml';

describe('bodies that are not a Tjänsteguiden XML document', () => {
	test.each([
		['an HTML error page', '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>'],
		['plain text', 'Internal Server Error'],
		['truncated XML', '<orders><response><order><id>1</id>'],
		['an empty body', ''],
		['a DTD with entities', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'],
	])('%s is refused', (_name, body) => {
		expect(() => parseXml(body)).toThrow(XmlFormatError);
	});
});
