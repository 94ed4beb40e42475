/**
 * A call refused with "Missing argument(s)" naming api_user, which the package can supply (it is
 * not secret), is sent again once with it, and later calls with that credential carry it from the
 * start (issue 14, item 15). Against a scripted API in the back end's (Zend_Rest_Server) style.
 */
import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { API_USER, runAction, serviceProviderSide } from '../nodeTestKit';
import { startScriptedApi, successXml, type ScriptedApi } from '../scriptedApi';

let api: ScriptedApi;
let required: string;
beforeEach(async () => {
	resetProcessState();
	required = 'api_user';
	api = await startScriptedApi((call) => {
		if (call.method !== 'add_message') return undefined;
		if (call.query[required] === undefined) {
			return {
				status: 400,
				body: `<add_message generator="zend" version="1.0"><response><message>Invalid Method Call to add_message. Missing argument(s): ${required}</message></response><status>failed</status></add_message>`,
			};
		}
		return { body: successXml('add_message', '<message>Message added to order 7</message>') };
	});
});
afterEach(async () => await api.close());

const addMessage = { resource: 'order', operation: 'addMessage', orderId: '7', messageType: 'log', message: 'Hej' };
const run = async () => await runAction({ sandbox: api, side: serviceProviderSide, parameters: addMessage });
const addMessageCalls = () => api.calls.filter((call) => call.method === 'add_message');

test('the call is repeated once with api_user, and the credential sends it from then on', async () => {
	const first = await run();
	expect(first.error).toBeUndefined();
	expect(first.outputs[0][0].json).toMatchObject({ success: true, apiMessage: 'Message added to order 7' });
	expect(addMessageCalls().map((call) => call.query.api_user)).toEqual([undefined, String(API_USER)]);

	expect((await run()).error).toBeUndefined();
	expect(addMessageCalls().map((call) => call.query.api_user)).toEqual([undefined, String(API_USER), String(API_USER)]);
	// The key still goes to api_login only.
	expect(addMessageCalls().every((call) => call.query.api_key === undefined)).toBe(true);
});

test('a missing argument the package cannot supply is reported, not repeated', async () => {
	required = 'foo';
	const result = await run();
	expect(result.error?.message).toMatch(/Missing argument\(s\): foo/);
	expect(addMessageCalls()).toHaveLength(1);
});
