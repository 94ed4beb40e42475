/**
 * What is particular to the service provider's side of the Tjänsteguiden node, through n8n-core's
 * WorkflowExecute over real HTTP against the sandbox: the login hash (reused, renewed after expiry,
 * replaced once when refused), a wrong API key, the raw customer_info envelope with its status, and
 * no hash or API key anywhere in a run. The behaviour shared with the network operator's side
 * (every operation, error handling, continue on fail) is in the operations' tests and Tjansteguiden.node.test.ts.
 */
import type { RunningSandbox } from '../../../sandbox/src';
import { expectNoSecrets, runAction, secretsOf, startTjansteguidenSandbox } from '../nodeTestKit';

let sandbox: RunningSandbox;

beforeEach(async () => {
	sandbox = await startTjansteguidenSandbox();
});

afterEach(async () => {
	await sandbox.close();
});

const seedOrder = async () => await sandbox.admin.tjansteguiden.createOrder({ date: '2026-11-27 08:15:00', socket: 'SNDEMO-A0001' });

describe('login hash', () => {
	test('is reused between calls and renewed without a visible error after it expires', async () => {
		const order = await seedOrder();
		for (let i = 0; i < 3; i++) {
			const result = await runAction({ sandbox, parameters: { resource: 'order', operation: 'get', orderId: String(order.id) } });
			expect(result.error).toBeUndefined();
		}
		expect((await sandbox.admin.counters()).bySimulator.tjansteguiden.logins).toBe(1);

		await sandbox.admin.advanceClock(21 * 60 * 1000);
		const afterExpiry = await runAction({ sandbox, parameters: { resource: 'order', operation: 'get', orderId: String(order.id) } });
		expect(afterExpiry.error).toBeUndefined();
		expect(afterExpiry.outputs[0][0].json.id).toBe(String(order.id));
		expect((await sandbox.admin.counters()).bySimulator.tjansteguiden.logins).toBe(2);
	});

	test('a hash the API suddenly refuses is replaced once', async () => {
		const order = await seedOrder();
		await runAction({ sandbox, parameters: { resource: 'order', operation: 'get', orderId: String(order.id) } });
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'set_status', kind: 'expiredHash' });
		const result = await runAction({
			sandbox,
			parameters: { resource: 'order', operation: 'setStatus', orderId: String(order.id), status: 'received' },
		});
		expect(result.error).toBeUndefined();
		expect((await sandbox.admin.tjansteguiden.order(order.id)).status).toBe('received');
	});
});

test('raw output of customer get is the customer_info envelope with its status', async () => {
	const order = await seedOrder();
	const result = await runAction({
		sandbox,
		parameters: { resource: 'customer', operation: 'get', customerId: String(order.customer), options: { rawOutput: true, includePersonalData: true } },
	});
	expect(result.outputs[0][0].json).toHaveProperty('customer_info.status', 'success');
});

describe('secrets', () => {
	test('a wrong API key is reported with the API message', async () => {
		const result = await runAction({
			sandbox,
			parameters: { resource: 'order', operation: 'getMany', since: '2026-11-27' },
			credentials: { apiKey: 'wrong-key-123456' },
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(JSON.stringify(result.error)).not.toContain('wrong-key-123456');
	});

	test('no hash or API key anywhere in a whole run, successful or not', async () => {
		const order = await seedOrder();
		const ok = await runAction({ sandbox, parameters: { resource: 'order', operation: 'getLog', orderId: String(order.id) } });
		const failed = await runAction({ sandbox, parameters: { resource: 'order', operation: 'get', orderId: '31337' } });
		expectNoSecrets([ok.run, failed.run, failed.error], await secretsOf(sandbox));
	});
});
