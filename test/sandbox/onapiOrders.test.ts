import { DEMO_SP_ID, FAILING_ACCESS_ID, FAILING_ACCESS_MESSAGE, OTHER_SP_ID, TAKEN_ACCESS_ID } from '../../sandbox/src';
import { activation, harness, type Harness } from './onapiTestKit';

const ORDERS_26 = '/onapi/SNDEMO/2.6/orders/';
const ORDERS_24 = '/onapi/FIBNORR/2.4/orders/';

async function activeSubscription(h: Harness, accessId: string, service = 'BB-100-100'): Promise<string> {
	const created = await h.call('POST', ORDERS_26, { body: activation(accessId, service) });
	expect(created.status).toBe(201);
	h.clock.advance(5_000);
	const order = await h.call('GET', created.json.path);
	expect(order.json.state).toBe('DONE_SUCCESS');
	return created.json.subscriptionId;
}

describe('ON-API simulator: creating orders', () => {
	it('answers a new ACTIVATE with 201, a Location and the order echoed with orderId, path, state RECEIVED', async () => {
		const { call } = harness();
		const body = activation('SNDEMO-A0001', 'BB-1000-1000', {
			forcedTakeover: false,
			equipment: [{ vendorId: 'ACME-ROUTER', macAddress: 'AA:BB:CC:11:22:33' }],
			spSubscriptionId: 'd02925f0083b4f64993b365accfbb1ac',
			characteristics: { fixedIp: true, ipAddress: ['1.2.3.4'], SLA: 'SLA-3' },
		});
		const response = await call('POST', ORDERS_26, { body });
		expect(response.status).toBe(201);
		expect(response.outcome).toBe('created');
		const order = response.json;
		expect(order.orderId).toMatch(/^[0-9a-f]{32}$/);
		expect(order.path).toBe(`/onapi/SNDEMO/2.6/orders/${order.orderId}`);
		expect(response.headers.Location).toBe(order.path);
		expect(order).toMatchObject({
			accessId: 'SNDEMO-A0001',
			service: 'BB-1000-1000',
			operation: 'ACTIVATE',
			state: 'RECEIVED',
			forcedTakeover: false,
			equipment: [{ vendorId: 'ACME-ROUTER', macAddress: 'AA:BB:CC:11:22:33' }],
			spReference: 'CUST-1001',
			spSubscriptionId: 'd02925f0083b4f64993b365accfbb1ac',
			characteristics: { fixedIp: true, ipAddress: ['1.2.3.4'], SLA: 'SLA-3' },
			message: '',
		});
		expect(order.subscriptionId).toMatch(/^[0-9a-f]{32}$/);
		expect(order.expectedCompletionDate).toBe('2025-03-03T09:00:05Z');
		expect(Object.keys(order).slice(0, 7)).toEqual(['path', 'orderId', 'accessId', 'subscriptionId', 'service', 'operation', 'state']);
	});

	it('uses the version of the request path in path and Location', async () => {
		const { call } = harness();
		const response = await call('POST', '/onapi/FIBNORR/2.4/order/', { body: activation('FIBNORR-1001') });
		expect(response.status).toBe(201);
		expect(response.headers.Location).toBe(`/onapi/FIBNORR/2.4/orders/${response.json.orderId}`);
		const read = await call('GET', `/onapi/FIBNORR/2.5/orders/${response.json.orderId}`);
		expect(read.json.path).toBe(`/onapi/FIBNORR/2.5/orders/${response.json.orderId}`);
	});

	it.each([
		['not JSON', '{"accessId": ', /JSON/],
		['an array', '[]', /object/],
		['no operation', { accessId: 'SNDEMO-A0001', service: 'BB-100-100' }, /operation/],
		['an unknown operation', { accessId: 'SNDEMO-A0001', service: 'BB-100-100', operation: 'UPGRADE' }, /operation/],
		['ACTIVATE without service', { accessId: 'SNDEMO-A0001', operation: 'ACTIVATE' }, /service/],
		['ACTIVATE without accessId', { service: 'BB-100-100', operation: 'ACTIVATE' }, /accessId/],
		['a bad accessId', activation('SNDEMO A0001'), /accessId/],
		['a bad MAC address', activation('SNDEMO-A0001', 'BB-100-100', { equipment: [{ vendorId: 'X', macAddress: 'AABBCC' }] }), /macAddress/],
		['a non-boolean forcedTakeover', activation('SNDEMO-A0001', 'BB-100-100', { forcedTakeover: 'no' }), /forcedTakeover/],
		['a local-time requestedDateTime', activation('SNDEMO-A0001', 'BB-100-100', { requestedDateTime: '2025-03-04 10:00' }), /requestedDateTime/],
		['DEACTIVATE without subscriptionId (2.5+)', { operation: 'DEACTIVATE', accessId: 'SNDEMO-A0001', service: 'BB-100-100' }, /subscriptionId/],
		['SUSPEND without subscriptionId', { operation: 'SUSPEND' }, /subscriptionId/],
		['CHANGE without service', { operation: 'CHANGE', subscriptionId: 'abc' }, /service/],
		['forcedTakeover on DEACTIVATE', { operation: 'DEACTIVATE', subscriptionId: 'abc', forcedTakeover: true }, /forcedTakeover/],
		['an SLA outside the offered values', activation('SNDEMO-A0001', 'BB-1000-1000', { characteristics: { SLA: 'SLA-9' } }), /SLA/],
		['a characteristic the service does not offer', activation('SNDEMO-A0001', 'BB-100-100', { characteristics: { fixedIp: true } }), /fixedIp/],
	])('answers 400 with a cause for %s', async (_label, body, cause) => {
		const { call } = harness();
		const response = await call('POST', ORDERS_26, { body });
		expect(response.status).toBe(400);
		expect(response.json.cause).toMatch(cause);
	});

	it('requires spReference on ACTIVATE in 2.4 but not in 2.5/2.6', async () => {
		const { call } = harness();
		const body = { accessId: 'FIBNORR-1001', service: 'BB-100-100', operation: 'ACTIVATE' };
		const v24 = await call('POST', ORDERS_24, { body });
		expect(v24.status).toBe(400);
		expect(v24.json.cause).toContain('spReference');
		expect((await call('POST', '/onapi/FIBNORR/2.5/orders/', { body })).status).toBe(201);
	});

	it('answers 404 for an unknown access (configurable to 400) and 400 for a service not offered there', async () => {
		const { call, sim } = harness();
		const unknown = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0999') });
		expect(unknown.status).toBe(404);
		expect(unknown.json.cause).toContain('SNDEMO-A0999');
		sim.configure('SNDEMO', { unknownReferenceStatus: 400 });
		expect((await call('POST', ORDERS_26, { body: activation('SNDEMO-A0999') })).status).toBe(400);

		const service = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0001', 'INTERNET') });
		expect(service.status).toBe(400);
		expect(service.json.cause).toContain("Unknown service: 'INTERNET'");
	});

	it('answers 409 when another SP holds the service type, unless forcedTakeover (which takes it over)', async () => {
		const h = harness();
		const conflict = await h.call('POST', ORDERS_26, { body: activation(TAKEN_ACCESS_ID) });
		expect(conflict.status).toBe(409);
		expect(conflict.json.cause).toBe('ServiceType is already claimed by other Service Provider.');
		// Another broadband speed is the same service type: still taken.
		expect((await h.call('POST', ORDERS_26, { body: activation(TAKEN_ACCESS_ID, 'BB-250-250') })).status).toBe(409);

		const forced = await h.call('POST', ORDERS_26, { body: activation(TAKEN_ACCESS_ID, 'BB-100-100', { forcedTakeover: true }) });
		expect(forced.status).toBe(201);
		h.clock.advance(5_000);
		expect((await h.call('GET', forced.json.path)).json.state).toBe('DONE_SUCCESS');
		const subscriptions = h.sim.state('SNDEMO').operators.SNDEMO.subscriptions.filter((s) => s.accessId === TAKEN_ACCESS_ID);
		expect(subscriptions.map((s) => [s.spId, s.ended])).toEqual([
			[OTHER_SP_ID, true],
			[DEMO_SP_ID, false],
		]);
	});

	it('answers 400 for forcedTakeover where the access does not allow it', async () => {
		const { call } = harness();
		const response = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0001', 'BB-100-100', { forcedTakeover: true }) });
		expect(response.status).toBe(400);
		expect(response.json.cause).toContain('forcedTakeover');
	});

	it('answers 200 with the pending order for an identical create, and counts it as a duplicate', async () => {
		const { call, sim } = harness();
		const first = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0003') });
		const again = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0003') });
		expect(again.status).toBe(200);
		expect(again.outcome).toBe('duplicate');
		expect(again.json.orderId).toBe(first.json.orderId);
		expect(again.json.path).toBe(first.json.path);
		expect(again.json.state).toBe('RECEIVED');
		// Same spReference, other speed: the same customer's order again, not a second order.
		const sameReference = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0003', 'BB-250-250') });
		expect(sameReference.status).toBe(200);
		expect(sameReference.json.orderId).toBe(first.json.orderId);

		const state = sim.state('SNDEMO').operators.SNDEMO;
		expect(state.createCalls['SNDEMO-A0003']).toEqual({ total: 3, created: 1, duplicates: 2, alreadyInState: 0, rejected: 0 });
		expect(state.orders.filter((order) => order.accessId === 'SNDEMO-A0003')).toHaveLength(1);
		expect(state.orders[0].duplicateCreates).toBe(2);
	});

	it('answers 409 for a second broadband order with another spReference while one is pending', async () => {
		const { call } = harness();
		await call('POST', ORDERS_26, { body: activation('SNDEMO-A0003') });
		const other = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0003', 'BB-250-250', { spReference: 'CUST-2002' }) });
		expect(other.status).toBe(409);
	});

	it('answers 200 DONE_SUCCESS without a path when the service is already active for this SP', async () => {
		const h = harness();
		const subscriptionId = await activeSubscription(h, 'SNDEMO-A0004');
		const again = await h.call('POST', ORDERS_26, { body: activation('SNDEMO-A0004') });
		expect(again.status).toBe(200);
		expect(again.json).toEqual({
			accessId: 'SNDEMO-A0004',
			subscriptionId,
			service: 'BB-100-100',
			operation: 'ACTIVATE',
			state: 'DONE_SUCCESS',
			message: '',
		});
		const otherSpeed = await h.call('POST', ORDERS_26, { body: activation('SNDEMO-A0004', 'BB-250-250') });
		expect(otherSpeed.status).toBe(409);
		expect(otherSpeed.json.cause).toBe("Another Service of ServiceType 'Broadband' is already active.");
		expect(h.sim.createCallCounts('SNDEMO')['SNDEMO-A0004']).toMatchObject({ total: 3, created: 1, alreadyInState: 1, rejected: 1 });
	});

	it('refuses fields listed in unsupportedFields', async () => {
		const { call, sim } = harness();
		sim.configure('SNDEMO', { unsupportedFields: ['requestedDateTime'] });
		const response = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0001', 'BB-100-100', { requestedDateTime: '2025-04-01T00:00:00Z' }) });
		expect(response.status).toBe(400);
		expect(response.json.cause).toContain('requestedDateTime');
		expect((await call('POST', ORDERS_26, { body: activation('SNDEMO-A0001') })).status).toBe(201);
	});

	it('refuses services not yet available and accesses that are not connected', async () => {
		const { call, sim } = harness();
		sim.upsertAccesses('SNDEMO', [
			{ accessId: 'SNDEMO-A0006', accessState: 'PLANNED' },
			{
				accessId: 'SNDEMO-A0007',
				services: [{ service: 'BB-100-100', connectionDateTime: '2025-01-01T00:00:00Z', availableDateTime: '2025-04-01T00:00:00Z' }],
			},
		]);
		const planned = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0006') });
		expect(planned.status).toBe(400);
		expect(planned.json.cause).toContain('PLANNED');
		expect((await call('POST', ORDERS_26, { body: activation('SNDEMO-A0007') })).status).toBe(400);
		// Scheduled after the available date it is fine.
		const scheduled = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0007', 'BB-100-100', { requestedDateTime: '2025-04-02T00:00:00Z' }) });
		expect(scheduled.status).toBe(201);
	});
});

describe('ON-API simulator: order state machine', () => {
	it('moves RECEIVED → IN_PROGRESS → DONE_SUCCESS with the clock and then has a subscription', async () => {
		const { call, clock } = harness();
		const created = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0001') });
		const path = created.json.path;
		clock.advance(1_999);
		expect((await call('GET', path)).json.state).toBe('RECEIVED');
		clock.advance(1);
		expect((await call('GET', path)).json.state).toBe('IN_PROGRESS');
		clock.advance(2_999);
		expect((await call('GET', path)).json.state).toBe('IN_PROGRESS');
		expect((await call('GET', '/onapi/SNDEMO/2.6/subscriptions/SNDEMO-A0001')).json.subscriptions).toEqual([]);
		clock.advance(1);
		const done = await call('GET', path);
		expect(done.json.state).toBe('DONE_SUCCESS');
		expect(done.json.expectedCompletionDate).toBeUndefined();
		const subscriptions = await call('GET', '/onapi/SNDEMO/2.6/subscriptions/SNDEMO-A0001');
		expect(subscriptions.json.subscriptions.map((s: { subscriptionId: string }) => s.subscriptionId)).toEqual([created.json.subscriptionId]);
	});

	it('fails the failing access at the operator with its message', async () => {
		const { call, clock, sim } = harness();
		const created = await call('POST', ORDERS_24, { body: activation(FAILING_ACCESS_ID) });
		expect(created.status).toBe(201);
		clock.advance(5_000);
		const order = await call('GET', created.json.path);
		expect(order.json.state).toBe('DONE_FAILED');
		expect(order.json.message).toBe(FAILING_ACCESS_MESSAGE);
		expect((await call('GET', '/onapi/FIBNORR/2.4/subscriptions/')).json).toEqual([]);
		const history = sim.state('FIBNORR').operators.FIBNORR.orders[0].history.map((entry) => entry.state);
		expect(history).toEqual(['RECEIVED', 'IN_PROGRESS', 'DONE_FAILED']);
	});

	it('uses per-operator delays and per-access overrides to fail or slow orders', async () => {
		const { call, clock, sim } = harness();
		sim.configure('SNDEMO', {
			timing: { inProgressAfterMs: 10_000, doneAfterMs: 60_000 },
			failingAccesses: { 'SNDEMO-A0002': 'Port blocked by landlord' },
			slowAccesses: { 'SNDEMO-A0003': { inProgressAfterMs: 3_600_000, doneAfterMs: 7_200_000 } },
		});
		const normal = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0001') });
		const failing = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0002') });
		const slow = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0003') });
		expect(slow.json.expectedCompletionDate).toBe('2025-03-03T11:00:00Z');
		clock.advance(60_000);
		expect((await call('GET', normal.json.path)).json.state).toBe('DONE_SUCCESS');
		expect((await call('GET', failing.json.path)).json).toMatchObject({ state: 'DONE_FAILED', message: 'Port blocked by landlord' });
		expect((await call('GET', slow.json.path)).json.state).toBe('RECEIVED');
		clock.advance(7_200_000);
		expect((await call('GET', slow.json.path)).json.state).toBe('DONE_SUCCESS');

		sim.configure('SNDEMO', { failingAccesses: { 'SNDEMO-A0002': null } });
		expect(sim.state('SNDEMO').operators.SNDEMO.behaviour.failingAccesses).toEqual({});
	});

	it('a failure configured while an order waits applies to it; one configured after it finished does not', async () => {
		const { call, clock, sim } = harness();
		const early = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0001') });
		clock.advance(6_000);
		const waiting = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0002') });
		sim.configure('SNDEMO', { failingAccesses: { 'SNDEMO-A0001': 'late', 'SNDEMO-A0002': 'No free port' } });
		clock.advance(6_000);
		expect((await call('GET', early.json.path)).json.state).toBe('DONE_SUCCESS');
		expect((await call('GET', waiting.json.path)).json.message).toBe('No free port');
	});

	it('waits for a future requestedDateTime before starting', async () => {
		const { call, clock } = harness();
		const created = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0001', 'BB-100-100', { requestedDateTime: '2025-03-10T00:00:00Z' }) });
		expect(created.json.requestedDateTime).toBe('2025-03-10T00:00:00Z');
		expect(created.json.expectedCompletionDate).toBe('2025-03-10T00:00:05Z');
		clock.set(new Date('2025-03-09T23:59:59Z'));
		expect((await call('GET', created.json.path)).json.state).toBe('RECEIVED');
		clock.set(new Date('2025-03-10T00:00:05Z'));
		expect((await call('GET', created.json.path)).json.state).toBe('DONE_SUCCESS');
	});

	it('executes SUSPEND, RESUME, MODIFY and CHANGE at once (DONE_SUCCESS in the 201) and DEACTIVATE through the queue', async () => {
		const h = harness();
		const subscriptionId = await activeSubscription(h, 'SNDEMO-A0005');
		const subscription = async () => (await h.call('GET', '/onapi/SNDEMO/2.6/subscriptions/SNDEMO-A0005')).json.subscriptions[0];

		const suspend = await h.call('POST', ORDERS_26, { body: { operation: 'SUSPEND', subscriptionId, externalNote: 'Abuse block' } });
		expect(suspend.status).toBe(201);
		expect(suspend.json).toMatchObject({ operation: 'SUSPEND', state: 'DONE_SUCCESS', subscriptionId, accessId: 'SNDEMO-A0005', externalNote: 'Abuse block' });
		expect((await subscription()).operationalState).toBe('SUSPENDED');
		const suspendAgain = await h.call('POST', ORDERS_26, { body: { operation: 'SUSPEND', subscriptionId } });
		expect(suspendAgain.status).toBe(200);
		expect(suspendAgain.json.path).toBeUndefined();

		const resume = await h.call('POST', ORDERS_26, { body: { operation: 'RESUME', subscriptionId } });
		expect(resume.json.state).toBe('DONE_SUCCESS');
		expect((await subscription()).operationalState).toBe('ACTIVATED');

		const modify = await h.call('POST', ORDERS_26, { body: { operation: 'MODIFY', subscriptionId, spReference: 'CUST-9', spSubscriptionId: 'SUB-9' } });
		expect(modify.json.state).toBe('DONE_SUCCESS');
		expect(await subscription()).toMatchObject({ spReference: 'CUST-9', spSubscriptionId: 'SUB-9' });

		const change = await h.call('POST', ORDERS_26, { body: { operation: 'CHANGE', subscriptionId, service: 'BB-1000-1000' } });
		expect(change.json).toMatchObject({ state: 'DONE_SUCCESS', service: 'BB-1000-1000', subscriptionId });
		expect((await subscription()).service).toBe('BB-1000-1000');

		const deactivate = await h.call('POST', ORDERS_26, { body: { operation: 'DEACTIVATE', subscriptionId } });
		expect(deactivate.status).toBe(201);
		expect(deactivate.json.state).toBe('RECEIVED');
		// 2.6 announces the coming end as disconnectionDate.
		expect((await subscription()).disconnectionDate).toBe('2025-03-03');
		h.clock.advance(5_000);
		expect((await h.call('GET', deactivate.json.path)).json.state).toBe('DONE_SUCCESS');
		expect(await subscription()).toBeUndefined();

		const deactivateAgain = await h.call('POST', ORDERS_26, { body: { operation: 'DEACTIVATE', subscriptionId } });
		expect(deactivateAgain.status).toBe(200);
		expect(deactivateAgain.json).toMatchObject({ state: 'DONE_SUCCESS', operation: 'DEACTIVATE' });
		expect(deactivateAgain.json.path).toBeUndefined();
		const suspendEnded = await h.call('POST', ORDERS_26, { body: { operation: 'SUSPEND', subscriptionId } });
		expect(suspendEnded.status).toBe(409);
	});

	it('2.4 DEACTIVATE may name the service by accessId + service instead of subscriptionId', async () => {
		const { call, clock } = harness();
		const created = await call('POST', ORDERS_24, { body: activation('FIBNORR-1002') });
		clock.advance(5_000);
		const deactivate = await call('POST', ORDERS_24, { body: { operation: 'DEACTIVATE', accessId: 'FIBNORR-1002', service: 'BB-100-100' } });
		expect(deactivate.status).toBe(201);
		expect(deactivate.json.subscriptionId).toBe(created.json.subscriptionId);
		clock.advance(5_000);
		const inactive = await call('POST', ORDERS_24, { body: { operation: 'DEACTIVATE', accessId: 'FIBNORR-1002', service: 'BB-100-100' } });
		expect(inactive.status).toBe(200);
		expect(inactive.json.state).toBe('DONE_SUCCESS');
	});

	it('answers 409 for an operation on a subscription whose ACTIVATE is still pending', async () => {
		const { call } = harness();
		const created = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0011') });
		const early = await call('POST', ORDERS_26, { body: { operation: 'DEACTIVATE', subscriptionId: created.json.subscriptionId } });
		expect(early.status).toBe(409);
		expect(early.json.cause).toContain(created.json.orderId);
	});

	it('treats another SP’s subscriptionId as unknown (404)', async () => {
		const { call, sim } = harness();
		const other = sim.state('SNDEMO').operators.SNDEMO.subscriptions.find((s) => s.spId === OTHER_SP_ID);
		const response = await call('POST', ORDERS_26, { body: { operation: 'DEACTIVATE', subscriptionId: other?.subscriptionId } });
		expect(response.status).toBe(404);
	});

	it('fails a queued ACTIVATE when another SP took the service meanwhile', async () => {
		const { call, clock, sim } = harness();
		const created = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0008') });
		sim.addSubscription('SNDEMO', { accessId: 'SNDEMO-A0008', service: 'BB-250-250', spId: OTHER_SP_ID });
		clock.advance(5_000);
		const order = await call('GET', created.json.path);
		expect(order.json).toMatchObject({ state: 'DONE_FAILED', message: 'ServiceType is already claimed by other Service Provider.' });
	});
});

describe('ON-API simulator: reading, updating and cancelling orders', () => {
	it('lists unfinished orders by default and filters by accessId and state (quotes tolerated)', async () => {
		const { call, clock } = harness();
		const a = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0001') });
		clock.advance(5_000);
		const b = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0002') });
		const c = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0003') });
		const ids = (list: { json: Array<{ orderId: string }> }) => list.json.map((order) => order.orderId);

		expect(ids(await call('GET', ORDERS_26))).toEqual([b.json.orderId, c.json.orderId]);
		expect(ids(await call('GET', `${ORDERS_26}?accessId=SNDEMO-A0001`))).toEqual([a.json.orderId]);
		expect(ids(await call('GET', `${ORDERS_26}?state=%22DONE_SUCCESS%22`))).toEqual([a.json.orderId]);
		expect(ids(await call('GET', `${ORDERS_26}?state=RECEIVED&accessId=SNDEMO-A0003`))).toEqual([c.json.orderId]);
		expect((await call('GET', `${ORDERS_26}?state=DONE`)).status).toBe(400);
		// Another SP's orders stay invisible; FIBNORR orders live at FIBNORR.
		expect((await call('GET', ORDERS_24)).json).toEqual([]);
	});

	it('answers 404 for an unknown orderId', async () => {
		const { call } = harness();
		expect((await call('GET', `${ORDERS_26}0123456789abcdef0123456789abcdef`)).status).toBe(404);
		expect((await call('PATCH', `${ORDERS_26}nope`, { body: {} })).status).toBe(404);
		expect((await call('DELETE', `${ORDERS_26}nope`)).status).toBe(404);
	});

	it('PATCH changes a RECEIVED order (204) and moves its schedule; after RECEIVED it is 409', async () => {
		const { call, clock } = harness();
		const created = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0001') });
		const patch = await call('PATCH', created.json.path, { body: { requestedDateTime: '2025-03-05T00:00:00Z', spSubscriptionId: 'SUB-1' } });
		expect(patch.status).toBe(204);
		expect(patch.body).toBe('');
		const read = await call('GET', created.json.path);
		expect(read.json).toMatchObject({ requestedDateTime: '2025-03-05T00:00:00Z', spSubscriptionId: 'SUB-1', spReference: 'CUST-1001', state: 'RECEIVED' });
		clock.advance(10_000);
		expect((await call('GET', created.json.path)).json.state).toBe('RECEIVED');

		expect((await call('PATCH', created.json.path, { body: { requestedDateTime: null } })).status).toBe(204);
		clock.advance(2_000);
		expect((await call('GET', created.json.path)).json.state).toBe('IN_PROGRESS');
		const late = await call('PATCH', created.json.path, { body: { spSubscriptionId: 'SUB-2' } });
		expect(late.status).toBe(409);
		expect(late.json.cause).toContain('IN_PROGRESS');
	});

	it('PUT replaces a RECEIVED order with the complete object; bad or target-changing bodies are 400', async () => {
		const { call } = harness();
		const created = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0001', 'BB-100-100', { spSubscriptionId: 'SUB-1' }) });
		const complete = { ...created.json, service: 'BB-250-250', spSubscriptionId: undefined };
		const put = await call('PUT', created.json.path, { body: complete });
		expect(put.status).toBe(204);
		const read = await call('GET', created.json.path);
		expect(read.json.service).toBe('BB-250-250');
		expect(read.json.spSubscriptionId).toBeUndefined();

		expect((await call('PUT', created.json.path, { body: { ...complete, service: 'INTERNET' } })).status).toBe(400);
		expect((await call('PUT', created.json.path, { body: { ...complete, accessId: 'SNDEMO-A0002' } })).status).toBe(400);
		expect((await call('PUT', created.json.path, { body: { ...complete, operation: 'DEACTIVATE' } })).status).toBe(400);
		expect((await call('PUT', created.json.path, { body: { ...complete, orderId: 'other' } })).status).toBe(400);
		expect((await call('PUT', created.json.path, { body: 'nonsense' })).status).toBe(400);
	});

	it('DELETE cancels a RECEIVED order (204, then 404) and is 409 once it is in progress or done', async () => {
		const { call, clock, sim } = harness();
		const created = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0001') });
		expect((await call('DELETE', created.json.path)).status).toBe(204);
		expect((await call('GET', created.json.path)).status).toBe(404);
		clock.advance(10_000);
		expect((await call('GET', '/onapi/SNDEMO/2.6/subscriptions/SNDEMO-A0001')).json.subscriptions).toEqual([]);
		const cancelled = sim.state('SNDEMO').operators.SNDEMO.orders.find((order) => order.orderId === created.json.orderId);
		expect(cancelled?.cancelled).toBe(true);
		expect(cancelled?.history.map((entry) => entry.state)).toEqual(['RECEIVED', 'CANCELLED']);

		const second = await call('POST', ORDERS_26, { body: activation('SNDEMO-A0001') });
		clock.advance(2_000);
		expect((await call('DELETE', second.json.path)).status).toBe(409);
		clock.advance(3_000);
		expect((await call('DELETE', second.json.path)).status).toBe(409);
	});

	it('cancelling a pending DEACTIVATE keeps the subscription and clears its disconnectionDate', async () => {
		const h = harness();
		const subscriptionId = await activeSubscription(h, 'SNDEMO-A0009');
		const deactivate = await h.call('POST', ORDERS_26, { body: { operation: 'DEACTIVATE', subscriptionId, requestedDateTime: '2025-04-03T00:00:00Z' } });
		const before = await h.call('GET', '/onapi/SNDEMO/2.6/subscriptions/SNDEMO-A0009');
		expect(before.json.subscriptions[0].disconnectionDate).toBe('2025-04-03');
		expect((await h.call('DELETE', deactivate.json.path)).status).toBe(204);
		h.clock.set(new Date('2025-05-01T00:00:00Z'));
		const after = await h.call('GET', '/onapi/SNDEMO/2.6/subscriptions/SNDEMO-A0009');
		expect(after.json.subscriptions).toHaveLength(1);
		expect(after.json.subscriptions[0].disconnectionDate).toBeUndefined();
	});
});
