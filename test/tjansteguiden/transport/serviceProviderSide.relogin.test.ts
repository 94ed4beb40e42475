/**
 * The service provider's side logs in again, once, when the API refuses a hash with HTTP 400
 * (the only documented failure status), not only with 401/403 or an error envelope at 200.
 * Against a scripted API whose hashes it can withdraw (issue 14, item 14).
 */
import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { runAction, serviceProviderSide } from '../nodeTestKit';
import { startScriptedApi, successXml, type ScriptedAnswer, type ScriptedApi } from '../scriptedApi';

let api: ScriptedApi;
let logins: number;
/** Hashes the scripted API still accepts. */
let valid: Set<string>;
let refusal: (hash: string) => ScriptedAnswer;
/** The API refuses every hash, also ones it has just handed out. */
let refuseAll: boolean;

const ORDER = successXml('order_info', '<order><id>7</id><status>new</status></order>');

beforeEach(async () => {
	resetProcessState();
	logins = 0;
	valid = new Set();
	refuseAll = false;
	api = await startScriptedApi((call) => {
		if (call.method === 'api_login') {
			const hash = `hash${++logins}-0123456789abcdef`;
			valid.add(hash);
			return { body: successXml('api_login', `<message>Logged in</message><hash_key>${hash}</hash_key>`) };
		}
		return !refuseAll && valid.has(call.query.hash) ? { body: ORDER } : refusal(call.query.hash);
	});
});
afterEach(async () => await api.close());

const getOrder = { resource: 'order', operation: 'get', orderId: '7' };
const run = async () => await runAction({ sandbox: api, side: serviceProviderSide, parameters: getOrder });

describe.each<[string, (hash: string) => ScriptedAnswer]>([
	[
		'an error envelope',
		() => ({ status: 400, body: '<order_info><response><message>Invalid hash_key</message></response><status>failed</status></order_info>' }),
	],
	['a plain-text body', () => ({ status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'Bad request: hash expired' })],
])('HTTP 400 with %s about the hash', (_name, answer) => {
	beforeEach(() => (refusal = answer));

	test('a withdrawn hash is replaced by one new login and the call succeeds', async () => {
		expect((await run()).error).toBeUndefined();
		valid.clear();
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(result.outputs[0][0].json).toMatchObject({ id: '7' });
		expect(logins).toBe(2);
	});

	test('a hash refused again after the new login fails, after exactly one more login', async () => {
		expect((await run()).error).toBeUndefined();
		refuseAll = true;
		const result = await run();
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('400');
		expect(logins).toBe(2);
		expect(api.calls.filter((call) => call.method === 'order_info')).toHaveLength(3);
	});
});

test('an HTTP 400 that is not about the hash is not retried', async () => {
	refusal = () => ({ status: 400, body: '<order_info><response><message>Order 7 not found</message></response><status>failed</status></order_info>' });
	expect((await run()).error).toBeUndefined();
	valid.clear();
	const result = await run();
	expect(result.error?.message).toBe('Order 7 not found');
	expect(logins).toBe(1);
});
