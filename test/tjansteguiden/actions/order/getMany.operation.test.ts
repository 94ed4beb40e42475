/** Order → Get Many (`orders`), once per side, through n8n's execution code against the sandbox. */
import { stockholmToday } from '../../../../nodes/Tjansteguiden/helpers/dates';
import type { RunningSandbox } from '../../../../sandbox/src';
import { API_SIDES, jsonOf, runAction, seedOrder, startTjansteguidenSandbox, type ApiSideFixture } from '../../nodeTestKit';

let sandbox: RunningSandbox;
beforeEach(async () => (sandbox = await startTjansteguidenSandbox()));
afterEach(async () => await sandbox.close());

describe.each(API_SIDES)('$name side', (side: ApiSideFixture) => {
	test('one item per order since the date, ISO dates, status filter', async () => {
		const first = await seedOrder(sandbox);
		const second = await seedOrder(sandbox, { date: '2026-11-26 23:59:00', status: 'delivered' });
		await seedOrder(sandbox, { date: '2026-11-20 10:00:00' });

		const allResult = await runAction({ sandbox, side, parameters: { resource: 'order', operation: 'getMany', since: '2026-11-26' } });
		const all = jsonOf(allResult);
		expect(allResult.outputs[0].every((item) => item.pairedItem !== undefined)).toBe(true);
		expect(all.map((order) => order.id).sort()).toEqual([String(first.id), String(second.id)].sort());
		expect(all.find((order) => order.id === String(second.id))).toEqual({
			id: String(second.id),
			type: 'order',
			date: '2026-11-26T23:59:00+01:00',
			status: 'delivered',
			service: '2440',
			xsp: '31420',
			delivery: 'asap',
			customer: String(second.customer),
		});

		const delivered = jsonOf(
			await runAction({
				sandbox,
				side,
				parameters: { resource: 'order', operation: 'getMany', since: '2026-11-26', options: { statuses: ['delivered'] } },
			}),
		);
		expect(delivered.map((order) => order.id)).toEqual([String(second.id)]);
	});

	test('a day without orders: no items, no error', async () => {
		await seedOrder(sandbox, { date: '2026-11-20 10:00:00' });
		expect(jsonOf(await runAction({ sandbox, side, parameters: { resource: 'order', operation: 'getMany', since: '2026-11-27' } }))).toEqual([]);
	});

	test('Since empty asks for today in Stockholm', async () => {
		jsonOf(await runAction({ sandbox, side, parameters: { resource: 'order', operation: 'getMany' } }));
		const requests = await sandbox.admin.requests({ simulator: 'tjansteguiden', operation: 'orders' });
		expect(requests.entries.at(-1)?.path).toBe(side.path);
		expect(requests.entries.at(-1)?.query.date).toBe(stockholmToday());
	});

	test("raw output returns the parsed answer as sent, the one place where the sides' envelopes show", async () => {
		await seedOrder(sandbox);
		const [raw] = jsonOf(
			await runAction({ sandbox, side, parameters: { resource: 'order', operation: 'getMany', since: '2026-11-27', options: { rawOutput: true } } }),
		);
		expect(Object.keys(raw)).toEqual([side.ordersRoot]);
	});
});
