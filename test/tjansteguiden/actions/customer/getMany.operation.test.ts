/** Customer → Get Many (`customers`), once per side, through n8n's execution code against the sandbox. */
import type { RunningSandbox } from '../../../../sandbox/src';
import { API_SIDES, jsonOf, runAction, seedOrder, SNDEMO_SOCKET, startTjansteguidenSandbox, type ApiSideFixture } from '../../nodeTestKit';

let sandbox: RunningSandbox;
beforeEach(async () => (sandbox = await startTjansteguidenSandbox()));
afterEach(async () => await sandbox.close());

describe.each(API_SIDES)('$name side', (side: ApiSideFixture) => {
	test('new customers and customers edited since the date', async () => {
		const old = await seedOrder(sandbox, { date: '2026-11-20 10:00:00', customer: { firstname: 'Olle', date: '2026-11-20 10:00:00' } });
		const fresh = await seedOrder(sandbox);
		const parameters = { resource: 'customer', operation: 'getMany', since: '2026-11-27' };
		const before = jsonOf(await runAction({ sandbox, side, parameters }));
		expect(before.map((customer) => customer.id)).toEqual([String(fresh.customer)]);

		await sandbox.admin.tjansteguiden.editCustomer(old.customer, { address: 'Nygatan 1' });
		const after = jsonOf(await runAction({ sandbox, side, parameters }));
		expect(after.map((customer) => customer.id)).toEqual([String(fresh.customer), String(old.customer)]);
		expect(after[1]).toEqual({
			id: String(old.customer),
			socket: SNDEMO_SOCKET,
			firstname: 'Olle',
			surname: expect.any(String),
			date: expect.stringMatching(/^2026-11-27T10:00:00\+01:00$/),
		});
	});
});
