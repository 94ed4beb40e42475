/**
 * The envelope reader (transport/envelope.ts): error envelopes fail with the API's own words, and a
 * write counts as done only when its answer says success (through the node, against a scripted API).
 */
import type { IDataObject } from 'n8n-workflow';

import { readEnvelope } from '../../../nodes/Tjansteguiden/transport/envelope';
import { parseXml } from '../../../nodes/Tjansteguiden/transport/xml';
import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { API_SIDES, runAction } from '../nodeTestKit';
import { SCRIPTED_HASH, startScriptedApi, type ScriptedApi } from '../scriptedApi';

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

describe('a write is done only when the API says success (issue 14, item 4)', () => {
	let api: ScriptedApi;
	let answer: string;
	beforeEach(async () => {
		resetProcessState();
		api = await startScriptedApi((call) => (call.method === 'set_status' || call.method === 'add_message' ? { body: answer } : undefined));
	});
	afterEach(async () => await api.close());

	const setStatus = { resource: 'order', operation: 'setStatus', orderId: '1234', status: 'received' };
	const addMessage = { resource: 'order', operation: 'addMessage', orderId: '1234', messageType: 'log', message: 'Hej' };

	describe.each(API_SIDES)('$name side', (side) => {
		test.each([
			['an <error> child and no <status>', '<set_status><response><error>Order 1234 not found</error></response></set_status>', /Order 1234 not found/],
			['an <errormessage> child and no <status>', '<set_status><response><errormessage>Status change refused for this order</errormessage></response></set_status>', /Status change refused for this order/],
			['an empty <status/>', '<set_status><response><message>Done</message></response><status/></set_status>', /did not confirm|status/i],
			['a <status> with only an attribute', '<set_status><response><message>Done</message></response><status code="1"/></set_status>', /did not confirm|status/i],
			['an <Error> root', '<Error><message>Order 1234 is locked</message></Error>', /Order 1234 is locked/],
			['no <status> at all', '<set_status><response><message>Status changed</message></response></set_status>', /did not confirm/],
		])('%s is a failure, not a success', async (_name, body, expected) => {
			answer = body;
			const result = await runAction({ sandbox: api, side, parameters: setStatus });
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toMatch(expected);
			expect(JSON.stringify(result.run)).not.toContain(SCRIPTED_HASH);
		});

		test('add_message without success fails as well', async () => {
			answer = '<add_message><response><error>Message type unknown</error></response></add_message>';
			const result = await runAction({ sandbox: api, side, parameters: addMessage });
			expect(result.error?.message).toMatch(/Message type unknown/);
		});

		test('a write answered with success still succeeds', async () => {
			answer = '<set_status><response><message>Status changed to received for order 1234</message></response><status>success</status></set_status>';
			const result = await runAction({ sandbox: api, side, parameters: setStatus });
			expect(result.error).toBeUndefined();
			expect(result.outputs[0][0].json).toMatchObject({ success: true, message: 'Status changed to received for order 1234' });
		});
	});
});
