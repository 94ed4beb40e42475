/**
 * Several items through one Tjänsteguiden node run side by side (Concurrent Items), and the
 * output keeps the input order and pairing.
 */
import type { RunningSandbox } from '../../sandbox/src';
import { runAction, startTjansteguidenSandbox } from './context';

let sandbox: RunningSandbox;
beforeEach(async () => (sandbox = await startTjansteguidenSandbox()));
afterEach(async () => await sandbox.close());

async function threeOrders() {
	const ids: number[] = [];
	for (let i = 0; i < 3; i++) ids.push((await sandbox.admin.tjansteguiden.createOrder({ date: '2026-11-27 08:00:00' })).id);
	return ids;
}

/** The sandbox numbers log entries in the order it writes them. */
async function statusChangeOrder(ids: number[]) {
	const entries = await Promise.all(
		ids.map(async (id) => ({ id, logId: (await sandbox.admin.tjansteguiden.order(id)).log!.at(-1)!.id })),
	);
	return entries.sort((a, b) => a.logId - b.logId).map((entry) => entry.id);
}

const setReceived = (itemConcurrency: number) => ({
	resource: 'order',
	operation: 'setStatus',
	orderId: '={{ $json.id }}',
	status: 'received',
	itemConcurrency,
});

test('a slow first item does not hold back the others, and output keeps input order', async () => {
	const ids = await threeOrders();
	// The first set_status to arrive is answered late; the others finish before it.
	await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'set_status', kind: 'slow', delayMs: 400 });
	const result = await runAction(sandbox, setReceived(3), { inputItems: ids.map((id) => ({ json: { id } })) });
	expect(result.error).toBeUndefined();
	expect(result.outputs[0].map((item) => [item.json.orderId, item.pairedItem])).toEqual(
		ids.map((id, item) => [String(id), { item }]),
	);
	expect((await statusChangeOrder(ids)).at(-1)).toBe(ids[0]);
});

test('Concurrent Items 1 handles one item after the other', async () => {
	const ids = await threeOrders();
	await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'set_status', kind: 'slow', delayMs: 400 });
	await runAction(sandbox, setReceived(1), { inputItems: ids.map((id) => ({ json: { id } })) });
	expect(await statusChangeOrder(ids)).toEqual(ids);
});
