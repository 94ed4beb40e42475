/**
 * The XML reader (transport/xml.ts) refuses what is not one safe XML document, and a body is
 * decoded by its declared character encoding, strictly (transport/charset.ts).
 */
import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { parseXml, XmlFormatError } from '../../../nodes/Tjansteguiden/transport/xml';
import { jsonOf, runAction } from '../nodeTestKit';
import { startScriptedApi, type ScriptedAnswer, type ScriptedApi } from '../scriptedApi';

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

describe('character encoding, strictly (issue 14, item 5)', () => {
	let api: ScriptedApi;
	let answer: ScriptedAnswer;
	beforeEach(async () => {
		resetProcessState();
		api = await startScriptedApi((call) => (call.method === 'order_info' ? answer : undefined));
	});
	afterEach(async () => await api.close());

	const orderXml = (city: string, declaration = '') =>
		`${declaration}<order_info><response><order><id>7</id><city>${city}</city></order></response><status>success</status></order_info>`;
	const getOrder = async () => await runAction({ sandbox: api, parameters: { resource: 'order', operation: 'get', orderId: '7' } });

	test.each<[string, ScriptedAnswer]>([
		['by the Content-Type charset', { headers: { 'Content-Type': 'text/xml; charset=ISO-8859-1' }, body: Buffer.from(orderXml('Torshälla'), 'latin1') }],
		[
			'by the XML declaration when the Content-Type names none',
			{ headers: { 'Content-Type': 'text/xml' }, body: Buffer.from(orderXml('Torshälla', '<?xml version="1.0" encoding="ISO-8859-1"?>'), 'latin1') },
		],
		['as UTF-8 by default', { headers: { 'Content-Type': 'application/xml' }, body: Buffer.from(orderXml('Torshälla'), 'utf8') }],
		['with numeric character references decoded', { body: orderXml('Torsh&#228;lla &#xE4;&#x00E4; &#60;3 &amp;#228;') }],
	])('a Latin-1 or UTF-8 body is read %s', async (name, scripted) => {
		answer = scripted;
		const [item] = jsonOf(await getOrder());
		expect(item.city).toBe(name.startsWith('with numeric') ? 'Torshälla ää <3 &#228;' : 'Torshälla');
	});

	test.each<[string, ScriptedAnswer]>([
		['Latin-1 bytes in a body declared UTF-8', { headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body: Buffer.from(orderXml('Torshälla'), 'latin1') }],
		['Latin-1 bytes with no charset at all', { headers: { 'Content-Type': 'text/xml' }, body: Buffer.from(orderXml('Torshälla'), 'latin1') }],
		['an encoding the package does not know', { headers: { 'Content-Type': 'text/xml; charset=x-klingon' }, body: orderXml('Torshälla') }],
		['a character reference to no character', { body: orderXml('Torsh&#0;lla') }],
	])('%s is an error, never a replacement character', async (_name, scripted) => {
		answer = scripted;
		const result = await getOrder();
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/could not be read/);
		expect(JSON.stringify(result.run)).not.toContain('\uFFFD');
	});
});
