/**
 * The ON-API Trigger through n8n's poll code against the sandbox: orders placed with the ON-API
 * node, finished by the sandbox clock, heard by the trigger once each.
 */
import type { IDataObject } from 'n8n-workflow';

import { resetOnApiProcessState } from '../../nodes/OnApi/processState';
import { FAILING_ACCESS_ID, FAILING_ACCESS_MESSAGE } from '../../sandbox/src';
import { PORTAL_API_KEY, PORTAL_API_USER } from '../../sandbox/src/onapi';
import { PORTAL_PREFIX } from '../../sandbox/src/onapi/routePath';
import { onApiRequests, PASSWORDS, runOnApi, useOnApiSandbox } from './onApiTestKit';
import { directoryFor, placeActivation, pollTrigger, saveAndReload, triggerState } from './trigger/triggerTestKit';

const env = useOnApiSandbox();
const TIMING = { inProgressAfterMs: 60_000, doneAfterMs: 3_600_000 };

/** SNDEMO as reached through Stadsnätsportalen, as a directory entry. */
function portalEntry(): IDataObject {
	return { coId: 'SNPORTAL', baseUrl: `${env().sandbox.url}${PORTAL_PREFIX}SNDEMO`, version: '2.4', username: PORTAL_API_USER, password: PORTAL_API_KEY };
}

function finishEverything() {
	env().sandbox.clock.advance(TIMING.doneAfterMs + 1);
}

describe('ON-API Trigger, one operator (orderevents)', () => {
	beforeEach(() => {
		env().onapi.configure('SNDEMO', { timing: TIMING });
	});

	it('starts from now, then emits each finished order once, across a restart', async () => {
		await placeActivation(env(), { accessId: 'SNDEMO-A0001', spReference: 'CUST-1' });
		let staticData: IDataObject = {};
		expect(await pollTrigger(env(), { staticData })).toEqual([]);
		expect(triggerState(staticData)).toMatchObject({ version: 1, operators: { SNDEMO: { source: 'orderevents' } } });

		finishEverything();
		const [finished, ...rest] = await pollTrigger(env(), { staticData });
		expect(rest).toEqual([]);
		expect(finished).toMatchObject({
			event: 'orderFinished',
			operator: 'SNDEMO',
			source: 'orderevents',
			state: 'DONE_SUCCESS',
			previousState: 'IN_PROGRESS',
			spReference: 'CUST-1',
			accessId: 'SNDEMO-A0001',
			service: 'BB-100-100',
			operation: 'ACTIVATE',
		});
		expect(typeof finished.orderId).toBe('string');
		expect(typeof finished.subscriptionId).toBe('string');

		// A restart: static data through the database, the process memory gone.
		staticData = saveAndReload(staticData);
		resetOnApiProcessState();
		expect(await pollTrigger(env(), { staticData })).toEqual([]);
	});

	it('does not emit again while n8n has not stored the last poll\'s state yet', async () => {
		await placeActivation(env(), { accessId: 'SNDEMO-A0006', spReference: 'CUST-6' });
		const staticData: IDataObject = {};
		await pollTrigger(env(), { staticData });
		finishEverything();
		const notYetStored = saveAndReload(staticData);
		expect(await pollTrigger(env(), { staticData })).toHaveLength(1);
		// The next poll reads the old state (n8n stores it only when the execution is saved): nothing twice.
		expect(await pollTrigger(env(), { staticData: notYetStored })).toEqual([]);
	});

	it('one poll at a time: a poll that starts while another runs does nothing', async () => {
		await placeActivation(env(), { accessId: 'SNDEMO-A0007', spReference: 'CUST-7' });
		const staticData: IDataObject = {};
		await pollTrigger(env(), { staticData });
		finishEverything();
		const [one, two] = await Promise.all([pollTrigger(env(), { staticData }), pollTrigger(env(), { staticData })]);
		expect([one.length, two.length].sort()).toEqual([0, 1]);
	});

	it('emits an order placed after the first poll, not one placed before', async () => {
		await placeActivation(env(), { accessId: 'SNDEMO-A0001', spReference: 'BEFORE' });
		const staticData: IDataObject = {};
		await pollTrigger(env(), { staticData });
		await placeActivation(env(), { accessId: 'SNDEMO-A0002', spReference: 'AFTER' });
		finishEverything();
		const emitted = await pollTrigger(env(), { staticData });
		expect(emitted.map((item) => item.spReference).sort()).toEqual(['AFTER', 'BEFORE']);
		// Both finished after the first poll: the first poll only skipped what had happened before it.
	});

	it('Order State Changed: RECEIVED → IN_PROGRESS, then the finish, with previous states', async () => {
		const staticData: IDataObject = {};
		const parameters = { event: 'orderStateChanged' };
		await pollTrigger(env(), { staticData, parameters });
		await placeActivation(env(), { accessId: 'SNDEMO-A0003', spReference: 'CUST-3' });
		env().sandbox.clock.advance(TIMING.inProgressAfterMs + 1);
		const moved = await pollTrigger(env(), { staticData, parameters });
		expect(moved.map((item) => [item.event, item.previousState, item.state])).toEqual([
			['orderStateChanged', null, 'RECEIVED'],
			['orderStateChanged', 'RECEIVED', 'IN_PROGRESS'],
		]);
		finishEverything();
		const done = await pollTrigger(env(), { staticData, parameters });
		expect(done.map((item) => [item.event, item.previousState, item.state])).toEqual([['orderFinished', 'IN_PROGRESS', 'DONE_SUCCESS']]);
	});

	it('skips orders without an spReference by default', async () => {
		const staticData: IDataObject = {};
		await pollTrigger(env(), { staticData });
		await placeActivation(env(), { accessId: 'SNDEMO-A0004' });
		finishEverything();
		expect(await pollTrigger(env(), { staticData })).toEqual([]);
	});

	it('Fetch Test Event shows a real event and leaves the state alone', async () => {
		await placeActivation(env(), { accessId: 'SNDEMO-A0005', spReference: 'CUST-5' });
		finishEverything();
		const staticData: IDataObject = {};
		const [sample] = await pollTrigger(env(), { staticData, mode: 'manual' });
		expect(sample).toMatchObject({ event: 'orderFinished', state: 'DONE_SUCCESS', spReference: 'CUST-5' });
		expect(staticData).toEqual({});
	});

	it('reads its parameters before the first wait, so an Operator given as an expression survives a sibling poll releasing the isolate', async () => {
		await placeActivation(env(), { accessId: 'SNDEMO-A0002', spReference: 'CUST-2' });
		const staticData: IDataObject = {};
		const parameters = { coId: '={{ "SND" + "EMO" }}' };
		await pollTrigger(env(), { staticData, parameters, isolateReleasedBySiblingPoll: true });
		finishEverything();
		const emitted = await pollTrigger(env(), { staticData, parameters, isolateReleasedBySiblingPoll: true });
		expect(emitted.map((item) => [item.operator, item.spReference])).toEqual([['SNDEMO', 'CUST-2']]);
	});

	it('an idle poll costs one request', async () => {
		const staticData: IDataObject = {};
		await pollTrigger(env(), { staticData });
		const before = (await onApiRequests(env())).length;
		await pollTrigger(env(), { staticData });
		expect((await onApiRequests(env())).slice(before)).toEqual([expect.stringMatching(/^GET \/onapi\/SNDEMO\/2\.6\/orderevents\//)]);
	});
});

describe('ON-API Trigger, one operator without orderevents (the unfinished-orders list)', () => {
	beforeEach(async () => {
		env().onapi.configure('SNDEMO', { timing: TIMING, orderEvents: false });
	});

	it('starts from now, reads each order that left the list once, and emits it once across a restart', async () => {
		await placeActivation(env(), { accessId: 'SNDEMO-A0001', spReference: 'CUST-1' });
		let staticData: IDataObject = {};
		expect(await pollTrigger(env(), { staticData })).toEqual([]);
		expect(triggerState(staticData)).toMatchObject({ operators: { SNDEMO: { source: 'orders' } } });

		finishEverything();
		const before = (await onApiRequests(env())).length;
		const [finished, ...rest] = await pollTrigger(env(), { staticData });
		expect(rest).toEqual([]);
		expect(finished).toMatchObject({
			event: 'orderFinished',
			operator: 'SNDEMO',
			source: 'orders',
			state: 'DONE_SUCCESS',
			previousState: 'RECEIVED',
			spReference: 'CUST-1',
			accessId: 'SNDEMO-A0001',
		});
		expect((await onApiRequests(env())).slice(before)).toEqual([
			'GET /onapi/SNDEMO/2.6/orders/',
			`GET /onapi/SNDEMO/2.6/orders/${String(finished.orderId)}`,
		]);

		staticData = saveAndReload(staticData);
		resetOnApiProcessState();
		expect(await pollTrigger(env(), { staticData })).toEqual([]);
	});

	it('Order State Changed: RECEIVED → IN_PROGRESS and a new expectedCompletionDate', async () => {
		const staticData: IDataObject = {};
		const parameters = { event: 'orderStateChanged' };
		const order = await placeActivation(env(), { accessId: 'SNDEMO-A0002', spReference: 'CUST-2' });
		await pollTrigger(env(), { staticData, parameters });

		const later = new Date(env().sandbox.clock.now().getTime() + 3 * 24 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const updated = await runOnApi(env(), { parameters: { resource: 'order', operation: 'update', orderId: order.orderId, updateFields: { requestedDateTime: later } } });
		expect(updated.error).toBeUndefined();
		const [rescheduled, ...none] = await pollTrigger(env(), { staticData, parameters });
		expect(none).toEqual([]);
		expect(rescheduled).toMatchObject({ event: 'orderStateChanged', state: 'RECEIVED', previousState: 'RECEIVED' });
		expect(rescheduled.expectedCompletionDate).not.toBe(order.expectedCompletionDate);

		env().sandbox.clock.set(new Date(Date.parse(later) + TIMING.inProgressAfterMs + 1));
		const moved = await pollTrigger(env(), { staticData, parameters });
		expect(moved.map((item) => [item.previousState, item.state])).toEqual([['RECEIVED', 'IN_PROGRESS']]);
	});

	it('an idle poll costs one request', async () => {
		const staticData: IDataObject = {};
		await placeActivation(env(), { accessId: 'SNDEMO-A0003', spReference: 'CUST-3' });
		await pollTrigger(env(), { staticData });
		const before = (await onApiRequests(env())).length;
		expect(await pollTrigger(env(), { staticData })).toEqual([]);
		expect((await onApiRequests(env())).slice(before)).toEqual(['GET /onapi/SNDEMO/2.6/orders/']);
	});
});

describe('ON-API Trigger, a directory of operators', () => {
	beforeEach(() => {
		for (const coId of ['SNDEMO', 'FIBNORR']) env().onapi.configure(coId, { timing: TIMING });
	});

	it('hears every operator, and gives a DONE_FAILED with the operator\'s reason', async () => {
		const staticData: IDataObject = {};
		const directory = directoryFor(env());
		await pollTrigger(env(), { staticData, directory });
		await placeActivation(env(), { coId: 'SNDEMO', accessId: 'SNDEMO-A0001', spReference: 'CUST-S' });
		await placeActivation(env(), { coId: 'FIBNORR', accessId: FAILING_ACCESS_ID, spReference: 'CUST-F' });
		finishEverything();
		const emitted = await pollTrigger(env(), { staticData, directory });
		expect(emitted.map((item) => [item.operator, item.spReference, item.state, item.message])).toEqual([
			['SNDEMO', 'CUST-S', 'DONE_SUCCESS', null],
			['FIBNORR', 'CUST-F', 'DONE_FAILED', FAILING_ACCESS_MESSAGE],
		]);
	});

	it('one operator\'s outage holds back no other; it is caught up at the next poll', async () => {
		const staticData: IDataObject = {};
		const directory = directoryFor(env());
		await pollTrigger(env(), { staticData, directory });
		await placeActivation(env(), { coId: 'SNDEMO', accessId: 'SNDEMO-A0001', spReference: 'CUST-S' });
		await placeActivation(env(), { coId: 'FIBNORR', accessId: 'FIBNORR-1001', spReference: 'CUST-F' });
		finishEverything();
		await env().sandbox.admin.addFault({ simulator: 'onapi', match: '/onapi/FIBNORR/', kind: 'http5xx', status: 503, times: 1000 });
		const during = await pollTrigger(env(), { staticData, directory });
		expect(during.map((item) => item.operator)).toEqual(['SNDEMO']);
		await env().sandbox.admin.clearFaults();
		const after = await pollTrigger(env(), { staticData, directory });
		expect(after.map((item) => [item.operator, item.spReference])).toEqual([['FIBNORR', 'CUST-F']]);
	});

	it('hears every operator when another poll trigger of the workflow ends first (n8n 2.41 then releases the expression isolate)', async () => {
		// The life-cycle template has both triggers in one workflow, polling every minute, on the same tick.
		const staticData: IDataObject = {};
		const directory = directoryFor(env());
		await pollTrigger(env(), { staticData, directory, isolateReleasedBySiblingPoll: true });
		await placeActivation(env(), { coId: 'SNDEMO', accessId: 'SNDEMO-A0001', spReference: 'CUST-S' });
		await placeActivation(env(), { coId: 'FIBNORR', accessId: 'FIBNORR-1001', spReference: 'CUST-F' });
		finishEverything();
		const emitted = await pollTrigger(env(), { staticData, directory, isolateReleasedBySiblingPoll: true });
		expect(emitted.map((item) => [item.operator, item.spReference]).sort()).toEqual([
			['FIBNORR', 'CUST-F'],
			['SNDEMO', 'CUST-S'],
		]);
	});

	it('leaves out operators reached through Stadsnätsportalen (read-only, no orders): no request to the portal', async () => {
		const staticData: IDataObject = {};
		const portal = portalEntry();
		const directory = JSON.stringify([...(JSON.parse(directoryFor(env())) as IDataObject[]), portal]);
		await pollTrigger(env(), { staticData, directory });
		await placeActivation(env(), { coId: 'SNDEMO', accessId: 'SNDEMO-A0001', spReference: 'CUST-S' });
		finishEverything();
		const emitted = await pollTrigger(env(), { staticData, directory });
		expect(emitted.map((item) => [item.operator, item.spReference])).toEqual([['SNDEMO', 'CUST-S']]);
		expect((await onApiRequests(env())).filter((request) => request.includes(PORTAL_PREFIX))).toEqual([]);
		expect(Object.keys(triggerState(staticData).operators as IDataObject).sort()).toEqual(['FIBNORR', 'SNDEMO']);
	});

	it('refuses a directory of portal operators only, saying why', async () => {
		const portal = portalEntry();
		const failure = await pollTrigger(env(), { staticData: {}, directory: JSON.stringify([portal]) }).then(
			() => undefined,
			(error: Error) => error,
		);
		expect(failure?.message).toBe("Stadsnätsportalen's ON-API has no orders for the ON-API Trigger to hear");
		expect((await onApiRequests(env())).filter((request) => request.includes(PORTAL_PREFIX))).toEqual([]);
	});

	it('a poll in which every operator fails throws, naming them, without passwords', async () => {
		const staticData: IDataObject = {};
		const directory = directoryFor(env());
		await pollTrigger(env(), { staticData, directory });
		const stateBefore = JSON.stringify(staticData);
		await env().sandbox.admin.addFault({ simulator: 'onapi', kind: 'http5xx', status: 503, times: 1000 });
		const failure = await pollTrigger(env(), { staticData, directory }).then(
			() => undefined,
			(error: Error & { description?: string }) => error,
		);
		expect(failure?.message).toBe('No operator could be read (2 of 2)');
		expect(failure?.description).toMatch(/^SNDEMO: .*\nFIBNORR: /);
		for (const password of Object.values(PASSWORDS)) expect(JSON.stringify(failure)).not.toContain(password);
		expect(JSON.stringify(staticData)).toBe(stateBefore);
	});

	it('refuses a bad operator list before any request', async () => {
		const before = (await onApiRequests(env())).length;
		const failure = await pollTrigger(env(), { staticData: {}, directory: '[{"coId": "SNDEMO"' }).then(
			() => undefined,
			(error: Error) => error,
		);
		expect(failure?.message).toMatch(/^The operator list is not valid JSON at line 1, column \d+$/);
		expect((await onApiRequests(env())).length).toBe(before);
	});

	it('an idle poll of N operators costs N requests', async () => {
		const staticData: IDataObject = {};
		const directory = directoryFor(env());
		await pollTrigger(env(), { staticData, directory });
		const before = (await onApiRequests(env())).length;
		await pollTrigger(env(), { staticData, directory });
		expect((await onApiRequests(env())).slice(before).sort()).toEqual([
			expect.stringMatching(/^GET \/onapi\/FIBNORR\/2\.6\/orderevents\//),
			expect.stringMatching(/^GET \/onapi\/SNDEMO\/2\.6\/orderevents\//),
		]);
	});
});
