/**
 * The client (transport/client.ts) warns when a listing may have been cut off: other Atlas APIs
 * cap answers at 100 rows, so a listing of exactly 100 is logged with the method and the day, so
 * that a user learns of a cap before orders are missed (issue 14, item 17).
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { pollTrigger, runAction, serviceProviderSide } from '../nodeTestKit';
import { startScriptedApi, successXml, type ScriptedApi } from '../scriptedApi';

let api: ScriptedApi;
let rows: number;
beforeEach(async () => {
	resetProcessState();
	api = await startScriptedApi((call) => {
		const row = (i: number) =>
			call.method === 'orders'
				? `<order><id>${1000 + i}</id><date>2026-11-27 08:00:00</date><status>delivered</status></order>`
				: `<customer><id>${2000 + i}</id></customer>`;
		if (call.method === 'orders' || call.method === 'customers') {
			return { body: successXml(call.method, Array.from({ length: rows }, (_, i) => row(i)).join('')) };
		}
		return undefined;
	});
});
afterEach(async () => await api.close());

/** What the nodes logged at warning level during `run`, through n8n's own logger (node contexts' `logger`). */
async function warningsDuring(run: () => Promise<unknown>): Promise<string[]> {
	const lines: string[] = [];
	const spy = jest.spyOn(Container.get(Logger), 'warn').mockImplementation((message: string) => void lines.push(message));
	try {
		await run();
	} finally {
		spy.mockRestore();
	}
	return lines.filter((line) => /100 rows/.test(line));
}

test.each([
	['orders', { resource: 'order', operation: 'getMany', since: '2026-11-27' }],
	['customers', { resource: 'customer', operation: 'getMany', since: '2026-11-27' }],
])('a %s listing of exactly 100 rows is logged as a warning naming the method and the day', async (method, parameters) => {
	rows = 100;
	const warnings = await warningsDuring(async () => expect((await runAction({ sandbox: api, parameters })).outputs[0]).toHaveLength(100));
	expect(warnings).toHaveLength(1);
	expect(warnings[0]).toContain(method);
	expect(warnings[0]).toContain('2026-11-27');
});

test('99 or 101 rows are no warning', async () => {
	for (rows of [99, 101]) {
		const warnings = await warningsDuring(async () => await runAction({ sandbox: api, parameters: { resource: 'order', operation: 'getMany', since: '2026-11-27' } }));
		expect(warnings).toEqual([]);
	}
});

test("the trigger's listing warns too", async () => {
	rows = 100;
	const warnings = await warningsDuring(async () => await pollTrigger({ sandbox: api, side: serviceProviderSide, staticData: {} }));
	expect(warnings).toHaveLength(1);
	expect(warnings[0]).toContain('orders');
});
