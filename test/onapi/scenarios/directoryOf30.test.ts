/**
 * A service provider with 30 operators (the sandbox's generated directory: every version, orders
 * taking minutes, hours or days, half without orderevents/): one ON-API node places an order at
 * each, one ON-API Trigger hears every one finish, once, whatever an operator's outage.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { OnApi as OnApiCredential } from '../../../credentials/OnApi.credentials';
import { OnApiOperatorsApi } from '../../../credentials/OnApiOperatorsApi.credentials';
import { OnApi } from '../../../nodes/OnApi/OnApi.node';
import { resetOnApiProcessState } from '../../../nodes/OnApi/processState';
import {
	DIRECTORY_SIZE,
	directoryEntries,
	directoryOnApiOperators,
	directoryOperators,
	startSandbox,
	type RunningSandbox,
} from '../../../sandbox/src';
import { createOnApiSimulator } from '../../../sandbox/src/onapi';
import { executeNode } from '../../harness/n8n';
import type { OnApiSandbox } from '../onApiTestKit';
import { pollTrigger, triggerState } from '../trigger/triggerTestKit';

const DAYS_3 = 3 * 24 * 3_600_000;
/** A poll budget small enough for a test, large enough for 30 local operators. */
const BUDGET_MS = 1500;
let sandbox: RunningSandbox;
let directory: string;
/** pollTrigger only needs the running sandbox. */
const env = () => ({ sandbox }) as unknown as OnApiSandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ clockStart: '2026-12-01T08:00:00Z', extraSimulators: [({ clock }) => createOnApiSimulator({ clock, operators: directoryOnApiOperators() })] });
	directory = JSON.stringify(directoryEntries(sandbox.url));
});
afterAll(async () => sandbox.close());
beforeEach(async () => {
	await sandbox.admin.reset();
	resetOnApiProcessState();
});

async function requestCount(): Promise<number> {
	return (await sandbox.admin.requests({ simulator: 'onapi', limit: 10_000 })).entries.length;
}

/** One ON-API node run: an activation at every operator, each item naming its operator. */
async function activateEverywhere(): Promise<IDataObject[]> {
	const items = directoryOperators().map((operator): INodeExecutionData => ({
		json: { co: operator.coId, accessId: operator.access(1), ref: `CUST-${operator.coId}` },
	}));
	const result = await executeNode({
		nodeType: new OnApi(),
		parameters: {
			authentication: 'onApiOperatorsApi',
			operator: '={{ $json.co }}',
			resource: 'order',
			operation: 'activate',
			accessId: '={{ $json.accessId }}',
			service: 'BB-100-100',
			additionalFields: { spReference: '={{ $json.ref }}' },
		},
		credentialTypes: [new OnApiCredential(), new OnApiOperatorsApi()],
		credentials: { onApiOperatorsApi: { operators: directory } },
		inputItems: items,
	});
	if (result.error) throw result.error;
	return (result.outputs[0] ?? []).map((item) => item.json);
}

/** The trigger started, an order placed at every operator and seen unfinished, then all finished (3 days on). */
async function placeEverywhereAndFinish(staticData: IDataObject): Promise<void> {
	await pollTrigger(env(), { staticData, directory });
	await activateEverywhere();
	await pollTrigger(env(), { staticData, directory });
	await sandbox.admin.advanceClock(DAYS_3);
}

test('one ON-API node places an order at each of 30 operators; one trigger hears all 30 finish, once', async () => {
	let staticData: IDataObject = {};
	expect(await pollTrigger(env(), { staticData, directory })).toEqual([]);
	const placed = await activateEverywhere();
	// Polls run every minute or so; orders take ten minutes or more: every poll sees them unfinished first.
	expect(await pollTrigger(env(), { staticData, directory })).toEqual([]);
	expect(placed.map((order) => order.spReference)).toEqual(directoryOperators().map((operator) => `CUST-${operator.coId}`));

	await sandbox.admin.advanceClock(DAYS_3);
	const heard = await pollTrigger(env(), { staticData, directory });
	expect(heard.map((event) => event.spReference).sort()).toEqual(placed.map((order) => order.spReference).sort());
	expect(new Set(heard.map((event) => event.state))).toEqual(new Set(['DONE_SUCCESS']));
	const sources = Object.fromEntries(heard.map((event) => [event.operator, event.source]));
	for (const operator of directoryOperators()) expect(sources[operator.coId]).toBe(operator.orderEvents ? 'orderevents' : 'orders');

	const stateBytes = Buffer.byteLength(JSON.stringify(triggerState(staticData)));
	console.log(`ON-API Trigger state for ${DIRECTORY_SIZE} operators after their orders finished: ${stateBytes} bytes`);
	expect(stateBytes).toBeLessThan(8 * 1024);

	staticData = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	resetOnApiProcessState();
	expect(await pollTrigger(env(), { staticData, directory })).toEqual([]);
});

test(`an idle poll of ${DIRECTORY_SIZE} operators costs ${DIRECTORY_SIZE} requests`, async () => {
	const staticData: IDataObject = {};
	await pollTrigger(env(), { staticData, directory });
	const before = await requestCount();
	expect(await pollTrigger(env(), { staticData, directory })).toEqual([]);
	expect((await requestCount()) - before).toBe(DIRECTORY_SIZE);
});

test('operators down or refusing hold back no other, and are caught up once they are back', async () => {
	const staticData: IDataObject = {};
	await placeEverywhereAndFinish(staticData);
	await sandbox.admin.onapi.setOutage('DIR01', { kind: 'down' });
	await sandbox.admin.onapi.setOutage('DIR02', { kind: 'unauthorized' });
	await sandbox.admin.onapi.setOutage('DIR03', { kind: 'http5xx', status: 502 });

	const during = await pollTrigger(env(), { staticData, directory });
	expect(during.map((event) => event.operator).sort()).toEqual(directoryOperators().slice(3).map((operator) => operator.coId).sort());

	for (const coId of ['DIR01', 'DIR02', 'DIR03']) await sandbox.admin.onapi.setOutage(coId, null);
	const after = await pollTrigger(env(), { staticData, directory });
	expect(after.map((event) => event.operator).sort()).toEqual(['DIR01', 'DIR02', 'DIR03']);
});

test('stays inside the poll budget: operators whose turn comes after it wait for the next poll', async () => {
	const staticData: IDataObject = {};
	await placeEverywhereAndFinish(staticData);
	// Every answer takes 400 ms; the poll may start reads for 60 % of 500 ms, so only the first batch goes.
	await sandbox.admin.addFault({ simulator: 'onapi', kind: 'slow', delayMs: 400, times: 10_000 });
	const before = await requestCount();
	const first = await pollTrigger(env(), { staticData, directory, pollBudgetMs: 500 });
	const asked = (await requestCount()) - before;
	expect(asked).toBeGreaterThan(0);
	expect(asked).toBeLessThan(DIRECTORY_SIZE);
	await sandbox.admin.clearFaults();
	const rest = await pollTrigger(env(), { staticData, directory });
	expect(first.length + rest.length).toBe(DIRECTORY_SIZE);
	expect(new Set([...first, ...rest].map((event) => event.operator)).size).toBe(DIRECTORY_SIZE);
});

test('returns inside the poll budget when an operator hangs: the others are heard now, the slow one at the next poll', async () => {
	const staticData: IDataObject = {};
	await placeEverywhereAndFinish(staticData);
	const [slow] = directoryOperators();
	// Every answer of one operator takes longer than n8n would wait for the whole poll.
	const hangMs = 4 * BUDGET_MS;
	await sandbox.admin.addFault({ simulator: 'onapi', kind: 'slow', match: `/${slow.coId}/`, delayMs: hangMs, times: 10_000 });
	const started = Date.now();
	const first = await pollTrigger(env(), { staticData, directory, pollBudgetMs: BUDGET_MS });
	expect(Date.now() - started).toBeLessThan(hangMs);
	expect(first.map((event) => event.operator).sort()).toEqual(directoryOperators().slice(1).map((operator) => operator.coId).sort());

	await sandbox.admin.clearFaults();
	// The abandoned answers of the slow operator arrive meanwhile and change nothing.
	await new Promise((resolve) => setTimeout(resolve, hangMs));
	const rest = await pollTrigger(env(), { staticData, directory, pollBudgetMs: BUDGET_MS });
	expect(rest.map((event) => event.operator)).toEqual([slow.coId]);
}, 30_000);
