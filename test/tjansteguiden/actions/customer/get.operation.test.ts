/** Customer → Get (`customer_info`), once per side, through n8n's execution code against the sandbox. */
import type { IDataObject } from 'n8n-workflow';

import type { RunningSandbox } from '../../../../sandbox/src';
import { API_SIDES, jsonOf, runAction, seedOrder, SNDEMO_SOCKET, startTjansteguidenSandbox, type ApiSideFixture } from '../../nodeTestKit';

let sandbox: RunningSandbox;
beforeEach(async () => (sandbox = await startTjansteguidenSandbox()));
afterEach(async () => await sandbox.close());

describe.each(API_SIDES)('$name side', (side: ApiSideFixture) => {
	test('personal data left out unless asked, leading zeros kept', async () => {
		const order = await seedOrder(sandbox);
		const customerId = String(order.customer);
		const plainResult = await runAction({ sandbox, side, parameters: { resource: 'customer', operation: 'get', customerId } });
		const [plain] = jsonOf(plainResult);
		expect(plain).toMatchObject({ id: customerId, socket: SNDEMO_SOCKET, firstname: 'Astrid', zip: '01234' });
		expect(plain).not.toHaveProperty('serial');
		expect(plain).not.toHaveProperty('email');
		expect(JSON.stringify(plainResult.outputs)).not.toContain('0701234567');

		const [full] = jsonOf(
			await runAction({ sandbox, side, parameters: { resource: 'customer', operation: 'get', customerId, options: { includePersonalData: true } } }),
		);
		expect(full).toMatchObject({ serial: '191212121212', email: 'astrid@example.se' });
		expect((full.data as IDataObject).phone).toBe('0701234567');
	});
});
