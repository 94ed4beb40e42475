/**
 * The trigger's stored state is read field by field (issue 14, item 9), through a poll against a
 * scripted API: a damaged or unknown state fails loudly with what to do, instead of being taken
 * for a first poll (which drops every order that arrived meanwhile) or throwing on every poll.
 */
import type { IDataObject } from 'n8n-workflow';

import { stockholmToday } from '../../../nodes/Tjansteguiden/helpers/dates';
import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { pollTrigger, serviceProviderSide } from '../nodeTestKit';
import { startScriptedApi, successXml, type ScriptedApi } from '../scriptedApi';

const today = stockholmToday();
let api: ScriptedApi;
beforeEach(async () => {
	resetProcessState();
	api = await startScriptedApi((call) =>
		call.method === 'orders'
			? { body: successXml('orders', `<order><id>19531</id><date>${today} 08:00:00</date><status>new</status></order>`) }
			: call.method === 'order_info'
				? { body: successXml('order_info', '<order><id>19531</id></order>') }
				: undefined,
	);
});
afterEach(async () => await api.close());

const good = { version: 1, windowStart: today, seen: { [today]: 'ewa' }, prunedMaxId: 0 };
const withState = (state: unknown): IDataObject => ({ 'node:Node Under Test': { state } as IDataObject });
const poll = async (staticData: IDataObject) =>
	await pollTrigger({ sandbox: api, side: serviceProviderSide, staticData, parameters: { enrich: false } });

test('a good state is used: the order not seen yet is emitted', async () => {
	expect((await poll(withState(good))).map((item) => item.id)).toEqual(['19531']);
});

test.each<[string, unknown, RegExp]>([
	['a version written as text', { ...good, version: '1' }, /version/],
	['a version this package does not know', { ...good, version: 2 }, /version/],
	['a window start that is no date', { ...good, windowStart: '27/11/2026' }, /windowStart/],
	['seen IDs that are not text', { ...good, seen: { [today]: 19530 } }, /seen/],
	['seen IDs with a broken % escape', { ...good, seen: { [today]: 'ewa|%E0%A4%A' } }, /seen/],
	['seen IDs that are not base-36 gaps', { ...good, seen: { [today]: 'ewa.!!' } }, /seen/],
	['seen keyed by something other than a date', { ...good, seen: { yesterday: 'ewa' } }, /seen/],
	['a pruned ID that is no number', { ...good, prunedMaxId: 'x' }, /prunedMaxId/],
	['unfinished orders that are not text', { ...good, unfinished: 12 }, /unfinished/],
	['unfinished orders with a broken % escape', { ...good, unfinished: '%E0%A4%A:abc:1' }, /unfinished/],
	['a state that is not an object', 'state', /state/],
])('%s fails the poll with what to do, and the state is left as it was', async (_name, state, field) => {
	const staticData = withState(state);
	const before = JSON.stringify(staticData);
	const error = await poll(staticData).catch((caught: Error & { description?: string }) => caught);
	expect(error).toBeInstanceOf(Error);
	expect((error as Error).message).toMatch(/stored state/);
	expect((error as Error).message).toMatch(field);
	expect((error as { description?: string }).description).toMatch(/Rename the trigger node/);
	expect(JSON.stringify(staticData)).toBe(before);
});
