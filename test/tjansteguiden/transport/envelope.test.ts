/** The envelope reader (transport/envelope.ts): error envelopes fail with the API's own words. */
import type { IDataObject } from 'n8n-workflow';

import { readEnvelope } from '../../../nodes/Tjansteguiden/transport/envelope';
import { parseXml } from '../../../nodes/Tjansteguiden/transport/xml';

const payloadOf = (xml: string) => readEnvelope(parseXml(xml)).payload as IDataObject;

describe('error envelopes', () => {
	test('an error envelope becomes an error with the API message', () => {
		const error = `<set_status><response><message>Order 99 not found</message></response><status>error</status></set_status>`;
		expect(() => payloadOf(error)).toThrow('Order 99 not found');
	});

	test('an error status without a message still fails, naming the status', () => {
		expect(() => payloadOf(`<orders><status>failure</status></orders>`)).toThrow('"failure"');
	});
});
