/**
 * How an HTTP answer is read (transport/httpExchange.ts), through the node against a scripted API:
 * the documented failure is HTTP 400 with an error envelope, whose own message must reach the user.
 */
import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { API_SIDES, runAction } from '../nodeTestKit';
import { startScriptedApi, type ScriptedAnswer, type ScriptedApi } from '../scriptedApi';

let api: ScriptedApi;
let answer: ScriptedAnswer;
beforeEach(async () => {
	resetProcessState();
	api = await startScriptedApi((call) => (call.method === 'order_info' ? answer : undefined));
});
afterEach(async () => await api.close());

const getOrder = { resource: 'order', operation: 'get', orderId: '99' };

describe.each(API_SIDES)('$name side: a 4xx body is read as an envelope first (issue 14, item 13)', (side) => {
	test('HTTP 400 with the documented failed envelope: the API message, with the HTTP code', async () => {
		answer = {
			status: 400,
			body: '<order_info generator="zend" version="1.0"><response><message>Order 99 not found</message><log>lookup failed</log></response><status>failed</status></order_info>',
		};
		const result = await runAction({ sandbox: api, side, parameters: getOrder });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Order 99 not found');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toContain('HTTP 400');
	});

	test('HTTP 404 for an unknown method, in the same envelope', async () => {
		answer = { status: 404, body: '<order_info><response><message>Unknown method "order_info"</message></response><status>failed</status></order_info>' };
		const result = await runAction({ sandbox: api, side, parameters: getOrder });
		expect(result.error?.message).toBe('Unknown method "order_info"');
		expect(result.error?.httpCode).toBe('404');
	});

	test('a 4xx HTML page is still reported by its HTTP code', async () => {
		answer = { status: 400, headers: { 'Content-Type': 'text/html' }, body: '<html><body><h1>Bad Request</h1></body></html>' };
		const result = await runAction({ sandbox: api, side, parameters: getOrder });
		expect(result.error?.message).toMatch(/HTTP 400/);
		expect(result.error?.httpCode).toBe('400');
	});
});

describe("an error page's text is extracted in bounded time (issue 14, item 6)", () => {
	test.each([
		['unclosed <script tags', '<script'.repeat(30_000)],
		['unclosed <style tags', '<style>'.repeat(30_000)],
		['one endless tag', `<div ${'a'.repeat(600_000)}`],
	])('a 200 kB+ HTML page of %s fails quickly, with a readable error', async (_name, body) => {
		answer = { status: 500, headers: { 'Content-Type': 'text/html' }, body: `<html><body>Server error${body}</body></html>` };
		const started = Date.now();
		const result = await runAction({ sandbox: api, side: API_SIDES[0], parameters: getOrder });
		const elapsed = Date.now() - started;
		expect(result.error?.message).toMatch(/HTTP 500/);
		expect(result.error?.description).toContain('Server error');
		expect(elapsed).toBeLessThan(1_000);
	});
});
