import { FAILING_ACCESS_ID, FAILING_ACCESS_MESSAGE, OTHER_SP_ID, PORTAL_API_KEY, SNDEMO_PASSWORD, TAKEN_ACCESS_ID } from '../../sandbox/src';
import { activation, harness } from './onapiTestKit';

describe('ON-API simulator: admin routes (/__admin/onapi/...)', () => {
	it('GET state shows orders with full history, subscriptions and create calls, without passwords', async () => {
		const { call, clock, admin } = harness();
		const created = await call('POST', '/onapi/FIBNORR/2.4/orders/', { body: activation(FAILING_ACCESS_ID) });
		await call('POST', '/onapi/FIBNORR/2.4/orders/', { body: activation(FAILING_ACCESS_ID) });
		clock.advance(5_000);
		const state = await admin('GET', 'state');
		expect(state?.status).toBe(200);
		expect(state?.body).not.toContain(SNDEMO_PASSWORD);
		expect(state?.body).not.toContain(PORTAL_API_KEY);
		const fibnorr = state?.json.operators.FIBNORR;
		expect(fibnorr.behaviour.failingAccesses).toEqual({ [FAILING_ACCESS_ID]: FAILING_ACCESS_MESSAGE });
		expect(fibnorr.createCalls[FAILING_ACCESS_ID]).toEqual({ total: 2, created: 1, duplicates: 1, alreadyInState: 0, rejected: 0 });
		expect(fibnorr.orders).toHaveLength(1);
		expect(fibnorr.orders[0]).toMatchObject({
			orderId: created.json.orderId,
			state: 'DONE_FAILED',
			message: FAILING_ACCESS_MESSAGE,
			duplicateCreates: 1,
			request: { operation: 'ACTIVATE', accessId: FAILING_ACCESS_ID, service: 'BB-100-100', spReference: 'CUST-1001' },
			history: [
				{ state: 'RECEIVED', at: '2025-03-03T09:00:00Z' },
				{ state: 'IN_PROGRESS', at: '2025-03-03T09:00:02Z' },
				{ state: 'DONE_FAILED', at: '2025-03-03T09:00:05Z', message: FAILING_ACCESS_MESSAGE },
			],
		});
		const sndemo = (await admin('GET', 'state?coId=SNDEMO'))?.json;
		expect(Object.keys(sndemo.operators)).toEqual(['SNDEMO']);
		expect(sndemo.operators.SNDEMO.subscriptions).toEqual([
			expect.objectContaining({ accessId: TAKEN_ACCESS_ID, service: 'BB-100-100', spId: OTHER_SP_ID, ended: false }),
		]);
		expect(sndemo.now).toBe('2025-03-03T09:00:05Z');
	});

	it('POST config changes delays, failures, refused versions and unsupportedFields per operator', async () => {
		const { call, admin } = harness();
		const changed = await admin('POST', 'config', {
			coId: 'SNDEMO',
			timing: { doneAfterMs: 9_000 },
			failingAccesses: { 'SNDEMO-A0004': 'No signal' },
			refusedVersions: ['2.4'],
			unsupportedFields: ['requestedDateTime', 'equipment'],
		});
		expect(changed?.status).toBe(200);
		expect(changed?.json.behaviour).toMatchObject({
			timing: { inProgressAfterMs: 2_000, doneAfterMs: 9_000 },
			failingAccesses: { 'SNDEMO-A0004': 'No signal' },
			refusedVersions: ['2.4'],
			unsupportedFields: ['requestedDateTime', 'equipment'],
		});
		expect((await call('GET', '/onapi/SNDEMO/2.4/')).status).toBe(404);
		const created = await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation('SNDEMO-A0004') });
		expect(created.json.expectedCompletionDate).toBe('2025-03-03T09:00:09Z');

		const viaPath = await admin('POST', 'config/FIBNORR', { refusedVersions: ['2.6'] });
		expect(viaPath?.json.behaviour.refusedVersions).toEqual(['2.6']);
		const configs = await admin('GET', 'config');
		expect(Object.keys(configs?.json)).toEqual(['SNDEMO', 'FIBNORR']);
	});

	it('rejects invalid config with 400 and unknown operators with 404', async () => {
		const { admin, sim } = harness();
		expect((await admin('POST', 'config', { coId: 'SNDEMO', timing: { doneAfterMs: -1 } }))?.status).toBe(400);
		expect((await admin('POST', 'config', { coId: 'SNDEMO', refusedVersions: ['3.0'] }))?.status).toBe(400);
		expect((await admin('POST', 'config', { coId: 'SNDEMO', colour: 'blue' }))?.status).toBe(400);
		expect((await admin('POST', 'config', { timing: {} }))?.status).toBe(400);
		expect((await admin('POST', 'config', { coId: 'NOPE' }))?.status).toBe(404);
		expect(sim.state('SNDEMO').operators.SNDEMO.behaviour.timing).toEqual({ inProgressAfterMs: 2_000, doneAfterMs: 5_000 });
	});

	it('POST accesses adds and modifies accesses and bumps Last-Modified', async () => {
		const { call, clock, admin } = harness();
		const before = await call('GET', '/onapi/FIBNORR/2.5/accesses/');
		clock.advance(120_000);
		const response = await admin('POST', 'accesses', {
			coId: 'FIBNORR',
			accesses: [
				{ accessId: 'FIBNORR-1031', streetName: 'Nyvägen', streetNumber: '1', postalCode: '93239', city: 'Norrby', premisesType: 'RESIDENTIAL_HOUSE' },
				{ accessId: 'FIBNORR-1001', coCpeRouter: 'ZYXEL EX5601' },
			],
		});
		expect(response?.status).toBe(200);
		expect(response?.json.accesses.map((access: { accessId: string }) => access.accessId)).toEqual(['FIBNORR-1031', 'FIBNORR-1001']);
		clock.advance(1_000);
		const delta = await call('GET', '/onapi/FIBNORR/2.5/accesses/', { headers: { 'if-modified-since': before.headers['Last-Modified'] } });
		expect(delta.json.map((access: { accessId: string }) => access.accessId)).toEqual(['FIBNORR-1001', 'FIBNORR-1031']);
		expect(delta.json[0].coCpeRouter).toBe('ZYXEL EX5601');
		expect(delta.json[0].streetName).toBe('Norrbyvägen');
		expect((await admin('POST', 'accesses', { coId: 'FIBNORR', accesses: [{ accessId: 'bad id' }] }))?.status).toBe(400);
	});

	it('POST subscriptions seeds a subscription (e.g. another SP’s) and reset brings back the demo world', async () => {
		const { call, admin } = harness();
		const seeded = await admin('POST', 'subscriptions', { coId: 'SNDEMO', accessId: 'SNDEMO-A0020', service: 'BB-250-250', spId: OTHER_SP_ID });
		expect(seeded?.status).toBe(201);
		expect((await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation('SNDEMO-A0020') })).status).toBe(409);
		expect((await admin('POST', 'subscriptions', { coId: 'SNDEMO', accessId: 'SNDEMO-A0020', service: 'IPTV', spId: 'X' }))?.status).toBe(400);

		await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation('SNDEMO-A0001') });
		expect((await admin('POST', 'reset'))?.status).toBe(200);
		const state = (await admin('GET', 'state'))?.json.operators.SNDEMO;
		expect(state.orders).toEqual([]);
		expect(state.createCalls).toEqual({});
		expect(state.subscriptions).toHaveLength(1);
		expect((await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation('SNDEMO-A0020') })).status).toBe(201);
	});

	it('returns undefined for unknown admin routes and 405 for wrong methods', async () => {
		const { admin } = harness();
		expect(await admin('GET', 'nothing-here')).toBeUndefined();
		expect((await admin('DELETE', 'state'))?.status).toBe(405);
		expect((await admin('GET', ''))?.status).toBe(200);
	});

	it('snapshot() is the admin state and survives JSON', () => {
		const { sim } = harness();
		const snapshot = sim.snapshot() as { operators: Record<string, unknown> };
		expect(Object.keys(snapshot.operators)).toEqual(['SNDEMO', 'FIBNORR']);
		expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
	});
});

describe('ON-API simulator: scale', () => {
	it('keeps thousands of accesses and over a thousand orders consistent', async () => {
		const { call, clock, sim } = harness();
		const extra = Array.from({ length: 3_000 }, (_, index) => ({
			accessId: `SNDEMO-B${String(index + 1).padStart(5, '0')}`,
			streetName: 'Långgatan',
			streetNumber: String(index + 1),
			postalCode: '54160',
			city: 'Demostad',
			premisesType: 'RESIDENTIAL_HOUSE' as const,
		}));
		sim.upsertAccesses('SNDEMO', extra);
		sim.configure('SNDEMO', { timing: { inProgressAfterMs: 30_000, doneAfterMs: 60_000 } });
		for (let index = 0; index < 1_200; index += 1) {
			const created = await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation(extra[index].accessId, 'BB-250-250', { spReference: `C${index}` }) });
			expect(created.status).toBe(201);
			clock.advance(10);
		}
		const pending = await call('GET', '/onapi/SNDEMO/2.6/orders/');
		expect(pending.json).toHaveLength(1_200);
		clock.advance(60_000);
		expect((await call('GET', '/onapi/SNDEMO/2.6/orders/')).json).toHaveLength(0);
		const subscriptions = await call('GET', '/onapi/SNDEMO/2.6/subscriptions/');
		expect(subscriptions.json).toHaveLength(1_200);
		const accesses = await call('GET', '/onapi/SNDEMO/2.4/accesses/');
		expect(accesses.json).toHaveLength(3_030);
		const events = await call('GET', '/onapi/SNDEMO/2.6/orderevents/');
		expect(events.json).toHaveLength(3_600);
	});
});
