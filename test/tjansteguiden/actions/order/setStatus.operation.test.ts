/** Order → Set Status (`set_status`), once per side, through n8n's execution code against the sandbox. */
import type { RunningSandbox } from '../../../../sandbox/src';
import { API_SIDES, jsonOf, runAction, seedOrder, startTjansteguidenSandbox, type ApiSideFixture } from '../../nodeTestKit';

let sandbox: RunningSandbox;
beforeEach(async () => (sandbox = await startTjansteguidenSandbox()));
afterEach(async () => await sandbox.close());

describe.each(API_SIDES)('$name side', (side: ApiSideFixture) => {
	test('changes the order and returns the API message', async () => {
		const order = await seedOrder(sandbox);
		const status = jsonOf(
			await runAction({ sandbox, side, parameters: { resource: 'order', operation: 'setStatus', orderId: String(order.id), status: 'active' } }),
		);
		expect(status).toEqual([
			{ success: true, orderId: String(order.id), status: 'active', message: `Status changed to active for order ${order.id}` },
		]);
		expect((await sandbox.admin.tjansteguiden.order(order.id)).status).toBe('active');
	});

	test('bad input is a NodeOperationError naming the field, and no request is sent', async () => {
		const before = (await sandbox.admin.counters()).total;
		const result = await runAction({ sandbox, side, parameters: { resource: 'order', operation: 'setStatus', orderId: '12a', status: 'received' } });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain('Order ID must be a number');
		expect((await sandbox.admin.counters()).total).toBe(before);
	});
});
