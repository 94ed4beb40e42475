/** Order → Get Log (`order_log`), once per side, through n8n's execution code against the sandbox. */
import type { RunningSandbox } from '../../../../sandbox/src';
import { API_SIDES, jsonOf, runAction, seedOrder, startTjansteguidenSandbox, type ApiSideFixture } from '../../nodeTestKit';

let sandbox: RunningSandbox;
beforeEach(async () => (sandbox = await startTjansteguidenSandbox()));
afterEach(async () => await sandbox.close());

describe.each(API_SIDES)('$name side', (side: ApiSideFixture) => {
	test('reads back what Set Status and Add Message wrote, oldest first, each entry naming its order', async () => {
		const order = await seedOrder(sandbox);
		const orderId = String(order.id);
		jsonOf(await runAction({ sandbox, side, parameters: { resource: 'order', operation: 'setStatus', orderId, status: 'active' } }));
		jsonOf(
			await runAction({
				sandbox,
				side,
				parameters: { resource: 'order', operation: 'addMessage', orderId, messageType: 'error', message: 'Porten finns ej – kontakta KO & kund' },
			}),
		);

		const log = jsonOf(await runAction({ sandbox, side, parameters: { resource: 'order', operation: 'getLog', orderId } }));
		expect(log.map((entry) => [entry.orderId, entry.type, entry.message])).toEqual([
			[orderId, 'system', 'Status changed to active'],
			[orderId, 'error', 'Porten finns ej – kontakta KO & kund'],
		]);
		expect(log[0]).toEqual({
			orderId,
			id: expect.any(String),
			date: expect.stringMatching(/^2026-11-27T\d\d:\d\d:\d\d\+01:00$/),
			type: 'system',
			message: 'Status changed to active',
			user: expect.any(String),
		});
	});
});
