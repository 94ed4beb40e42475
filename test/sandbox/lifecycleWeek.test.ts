/** The life-cycle week's world (sandbox/src/scenarios/lifecycleWeek.ts) behaves as its cases say. */
import { DEMO_SP_ID, FAILING_ACCESS_ID, TAKEN_ACCESS_ID } from '../../sandbox/src';
import {
	FIXED_ACCESS_ID,
	HELD_ACCESS_ID,
	LIFECYCLE_CASES,
	lifecycleOnApiOperators,
	mendFixedAccess,
	PORTAL_OPERATOR,
	portalDirectoryEntry,
	QUIET_OPERATOR,
	quietDirectoryEntry,
	setUpLifecycleWorld,
} from '../../sandbox/src/scenarios/lifecycleWeek';
import { activation, FIBNORR_AUTH, harness, PORTAL_AUTH } from './onapiTestKit';

describe('the life-cycle week world', () => {
	it('gives every case its own access', () => {
		const sockets = Object.values(LIFECYCLE_CASES).map((entry) => entry.order.socket);
		expect(new Set(sockets).size).toBe(sockets.length);
	});

	it('lists requestedDateTime as unsupported at FIBNORR, takes two hours on the slow access, and holds our subscriptions', async () => {
		const { sim, call, clock } = harness();
		setUpLifecycleWorld(sim);
		const fibnorr = sim.state('FIBNORR').operators.FIBNORR;
		expect(fibnorr.behaviour.unsupportedFields).toEqual(['requestedDateTime']);
		const ours = sim.state('SNDEMO').operators.SNDEMO.subscriptions.filter((subscription) => subscription.spId === DEMO_SP_ID);
		expect(ours.map(({ accessId, service }) => [accessId, service]).sort()).toEqual([
			[LIFECYCLE_CASES.ourOtherProduct.order.socket, 'BB-100-100'],
			[LIFECYCLE_CASES.sameProductActive.order.socket, 'BB-250-250'],
		]);
		const slow = await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation(LIFECYCLE_CASES.operatorTakesTwoHours.order.socket) });
		expect(slow.status).toBe(201);
		clock.advance(119 * 60_000);
		expect(sim.state('SNDEMO').operators.SNDEMO.orders.find((order) => order.orderId === slow.json.orderId)?.state).toBe('IN_PROGRESS');
		clock.advance(2 * 60_000);
		expect(sim.state('SNDEMO').operators.SNDEMO.orders.find((order) => order.orderId === slow.json.orderId)?.state).toBe('DONE_SUCCESS');
	});

	it('lets the taken access be taken over, but not the held one', async () => {
		const { sim, call } = harness();
		setUpLifecycleWorld(sim);
		const held = await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation(HELD_ACCESS_ID, 'BB-100-100', { forcedTakeover: true }) });
		expect(held.status).toBe(400);
		const plain = await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation(HELD_ACCESS_ID) });
		expect(plain.status).toBe(409);
		const taken = await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation(TAKEN_ACCESS_ID, 'BB-100-100', { forcedTakeover: true, spReference: 'CUST-2002' }) });
		expect(taken.status).toBe(201);
	});

	it('fails the access to be mended beside the demo world’s failing one, and mends only it', () => {
		const { sim } = harness();
		setUpLifecycleWorld(sim);
		expect(Object.keys(sim.state('FIBNORR').operators.FIBNORR.behaviour.failingAccesses).sort()).toEqual([FAILING_ACCESS_ID, FIXED_ACCESS_ID].sort());
		mendFixedAccess(sim);
		expect(Object.keys(sim.state('FIBNORR').operators.FIBNORR.behaviour.failingAccesses)).toEqual([FAILING_ACCESS_ID]);
	});

	it('has an operator reached only through Stadsnätsportalen: its Endpoints list offers accesses and no orders endpoint', async () => {
		const { call } = harness(lifecycleOnApiOperators());
		const base = new URL(portalDirectoryEntry('http://127.0.0.1:1').baseUrl).pathname;
		const endpoints = await call('GET', `${base}/endpoints`, { auth: PORTAL_AUTH });
		expect(endpoints.status).toBe(200);
		expect((endpoints.json as Array<{ name: string }>).map((entry) => entry.name)).toEqual(['accesses']);
		const socket = LIFECYCLE_CASES.portalOnly.order.socket;
		expect((await call('GET', `${base}/accesses/${socket}`, { auth: PORTAL_AUTH })).status).toBe(200);
		expect((await call('POST', `${base}/orders`, { auth: PORTAL_AUTH, body: activation(socket) })).status).toBe(501);
		expect(LIFECYCLE_CASES.portalOnly.order.co).toBe(PORTAL_OPERATOR.coId);
	});

	it('has an operator without orderevents/ whose orders are accepted, then done a fifth of a second later', async () => {
		const { sim, call, clock } = harness(lifecycleOnApiOperators());
		const base = `${new URL(quietDirectoryEntry('http://127.0.0.1:1').baseUrl).pathname}/2.4`;
		const endpoints = await call('GET', `${base}/`, { auth: FIBNORR_AUTH });
		const names = (endpoints.json as Array<{ name: string }>).map((entry) => entry.name);
		expect(names).toContain('order');
		expect(names).not.toContain('orderevents');
		const socket = LIFECYCLE_CASES.finishedUnheard.order.socket;
		expect(LIFECYCLE_CASES.finishedUnheard.order.co).toBe(QUIET_OPERATOR.coId);
		const placed = await call('POST', `${base}/orders/`, { auth: FIBNORR_AUTH, body: activation(socket) });
		expect(placed.status).toBe(201);
		expect(['RECEIVED', 'IN_PROGRESS']).toContain(placed.json.state);
		clock.advance(250);
		expect(sim.state(QUIET_OPERATOR.coId).operators[QUIET_OPERATOR.coId].orders.find((order) => order.orderId === placed.json.orderId)?.state).toBe('DONE_SUCCESS');
		expect(((await call('GET', `${base}/orders/`, { auth: FIBNORR_AUTH })).json as unknown[])).toEqual([]);
	});
});
