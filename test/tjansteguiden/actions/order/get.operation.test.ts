/** Order → Get (`order_info`), once per side, through n8n's execution code against the sandbox. */
import type { RunningSandbox } from '../../../../sandbox/src';
import {
	API_SIDES,
	expectNoSecrets,
	jsonOf,
	runAction,
	secretsOf,
	seedOrder,
	SNDEMO_SOCKET,
	startTjansteguidenSandbox,
	type ApiSideFixture,
} from '../../nodeTestKit';

let sandbox: RunningSandbox;
beforeEach(async () => (sandbox = await startTjansteguidenSandbox()));
afterEach(async () => await sandbox.close());

describe.each(API_SIDES)('$name side', (side: ApiSideFixture) => {
	test('the order with its accessId, operator and service', async () => {
		const order = await seedOrder(sandbox, { message: 'Ring innan ni kommer' });
		const items = jsonOf(await runAction({ sandbox, side, parameters: { resource: 'order', operation: 'get', orderId: String(order.id) } }));
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			id: String(order.id),
			socket: SNDEMO_SOCKET,
			co: 'SNDEMO',
			service_uid: 'BB100100',
			status: 'new',
			date: '2026-11-27T08:15:00+01:00',
			message: 'Ring innan ni kommer',
		});
	});

	test('an unknown order is a NodeApiError with the API message', async () => {
		const result = await runAction({ sandbox, side, parameters: { resource: 'order', operation: 'get', orderId: '999999' } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toContain('999999 not found');
	});

	test.each([
		['an HTML error page', { kind: 'html', status: 503 }, /HTTP 503/],
		['a 502', { kind: 'http5xx', status: 502 }, /HTTP 502/],
		['malformed XML', { kind: 'malformedXml' }, /could not be read/],
		['an error envelope', { kind: 'errorEnvelope', message: 'Databasen är nere' }, /Databasen är nere/],
	])('%s becomes a NodeApiError without secrets', async (_name, fault, expected) => {
		const order = await seedOrder(sandbox);
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'order_info', ...fault });
		const result = await runAction({ sandbox, side, parameters: { resource: 'order', operation: 'get', orderId: String(order.id) } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(expected);
		expectNoSecrets({ error: result.error, run: result.run }, await secretsOf(sandbox));
	});
});
