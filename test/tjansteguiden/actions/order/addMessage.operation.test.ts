/** Order → Add Message (`add_message`), once per side, through n8n's execution code against the sandbox. */
import type { RunningSandbox } from '../../../../sandbox/src';
import { API_SIDES, jsonOf, runAction, seedOrder, startTjansteguidenSandbox, type ApiSideFixture } from '../../nodeTestKit';

let sandbox: RunningSandbox;
beforeEach(async () => (sandbox = await startTjansteguidenSandbox()));
afterEach(async () => await sandbox.close());

describe.each(API_SIDES)('$name side', (side: ApiSideFixture) => {
	test('logs the typed message on the order and returns the API message', async () => {
		const order = await seedOrder(sandbox);
		const message = jsonOf(
			await runAction({
				sandbox,
				side,
				parameters: {
					resource: 'order',
					operation: 'addMessage',
					orderId: String(order.id),
					messageType: 'error',
					message: 'Porten finns ej – kontakta KO & kund',
				},
			}),
		);
		expect(message).toEqual([
			{
				success: true,
				orderId: String(order.id),
				messageType: 'error',
				message: 'Porten finns ej – kontakta KO & kund',
				apiMessage: `Message added to order ${order.id}`,
			},
		]);
		const stored = await sandbox.admin.tjansteguiden.order(order.id);
		expect(stored.log?.map((entry) => [entry.type, entry.message])).toEqual(
			expect.arrayContaining([['error', 'Porten finns ej – kontakta KO & kund']]),
		);
	});
});
