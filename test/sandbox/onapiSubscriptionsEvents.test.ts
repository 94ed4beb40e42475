import { FAILING_ACCESS_ID, FAILING_ACCESS_MESSAGE, TAKEN_ACCESS_ID } from '../../sandbox/src';
import { activation, harness } from './onapiTestKit';

describe('ON-API simulator: subscriptions', () => {
	it('2.4/2.5 list the SP’s subscriptions flat, with option82 and dhcpIdentifier as in the spec example', async () => {
		const { call, clock } = harness();
		const created = await call('POST', '/onapi/FIBNORR/2.4/orders/', {
			body: activation('FIBNORR-1001', 'BB-1000-1000', {
				spSubscriptionId: 'SUB-1',
				equipment: [{ vendorId: 'ACME-IPTV', macAddress: 'AA:BB:CC:11:22:33' }],
				characteristics: { SLA: 'SLA-2' },
			}),
		});
		expect((await call('GET', '/onapi/FIBNORR/2.4/subscriptions/')).json).toEqual([]);
		clock.advance(5_000);
		for (const version of ['2.4', '2.5']) {
			const list = await call('GET', `/onapi/FIBNORR/${version}/subscriptions/`);
			expect(list.status).toBe(200);
			expect(list.json).toEqual([
				{
					subscriptionId: created.json.subscriptionId,
					accessId: 'FIBNORR-1001',
					service: 'BB-1000-1000',
					operationalState: 'ACTIVATED',
					spReference: 'CUST-1001',
					spSubscriptionId: 'SUB-1',
					// 52 <len> 01 <len> "CO-FIBNORR-1001" 02 00, like the spec's example TLV.
					option82: `521301${'0F'}${Buffer.from('CO-FIBNORR-1001').toString('hex').toUpperCase()}0200`,
					dhcpIdentifier: { ipv4CircuitId: 'CO-FIBNORR-1001' },
					characteristics: { SLA: 'SLA-2' },
					equipment: [{ vendorId: 'ACME-IPTV', macAddress: 'AA:BB:CC:11:22:33' }],
				},
			]);
		}
		const single = await call('GET', `/onapi/FIBNORR/2.5/subscriptions/${created.json.subscriptionId}`);
		expect(single.json.subscriptionId).toBe(created.json.subscriptionId);
		expect((await call('GET', '/onapi/FIBNORR/2.5/subscriptions/unknown')).status).toBe(404);
	});

	it('2.6 groups subscriptions per access, adds connectionDate, and serves subscriptions/{accessId}', async () => {
		const { call, clock } = harness();
		await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation('SNDEMO-A0001') });
		await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation('SNDEMO-A0002', 'BB-250-250', { spReference: 'CUST-2' }) });
		clock.advance(5_000);
		const list = await call('GET', '/onapi/SNDEMO/2.6/subscriptions/');
		expect(list.json.map((group: { accessId: string }) => group.accessId)).toEqual(['SNDEMO-A0001', 'SNDEMO-A0002']);
		const item = list.json[0].subscriptions[0];
		expect(item.accessId).toBeUndefined();
		expect(item.connectionDate).toBe('2025-03-03');
		expect(item.disconnectionDate).toBeUndefined();

		const single = await call('GET', '/onapi/SNDEMO/2.6/subscriptions/SNDEMO-A0002');
		expect(single.json.accessId).toBe('SNDEMO-A0002');
		expect(single.json.subscriptions.map((s: { service: string }) => s.service)).toEqual(['BB-250-250']);
		// Another SP's subscription on A0013 is not shown.
		expect((await call('GET', `/onapi/SNDEMO/2.6/subscriptions/${TAKEN_ACCESS_ID}`)).json.subscriptions).toEqual([]);
		expect((await call('GET', '/onapi/SNDEMO/2.6/subscriptions/SNDEMO-X')).status).toBe(404);
	});

	it('If-Modified-Since: 304 without changes, else the changed ones; a 2.6 delta reports an ended subscription', async () => {
		const { call, clock } = harness();
		const created = await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation('SNDEMO-A0001') });
		clock.advance(5_000);
		await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation('SNDEMO-A0002') });
		clock.advance(1_000);
		const first = await call('GET', '/onapi/SNDEMO/2.6/subscriptions/');
		const since = first.headers['Last-Modified'];
		clock.advance(1_000);
		expect((await call('GET', '/onapi/SNDEMO/2.6/subscriptions/', { headers: { 'if-modified-since': since } })).status).toBe(304);

		clock.advance(10_000);
		const a2 = await call('GET', '/onapi/SNDEMO/2.6/subscriptions/', { headers: { 'if-modified-since': since } });
		expect(a2.status).toBe(200);
		expect(a2.json.map((group: { accessId: string }) => group.accessId)).toEqual(['SNDEMO-A0002']);

		const next = a2.headers['Last-Modified'];
		await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: { operation: 'DEACTIVATE', subscriptionId: created.json.subscriptionId } });
		clock.advance(6_000);
		const ended = await call('GET', '/onapi/SNDEMO/2.6/subscriptions/', { headers: { 'if-modified-since': next } });
		expect(ended.json).toEqual([
			{ accessId: 'SNDEMO-A0001', subscriptions: [expect.objectContaining({ subscriptionId: created.json.subscriptionId, disconnectionDate: '2025-03-03' })] },
		]);
		// 2.4 has no way to say "ended": its delta leaves it out, its full list no longer has it.
		const v24 = await call('GET', '/onapi/SNDEMO/2.4/subscriptions/', { headers: { 'if-modified-since': next } });
		expect(v24.status).toBe(304);
		const full = await call('GET', '/onapi/SNDEMO/2.6/subscriptions/');
		expect(full.json.map((group: { accessId: string }) => group.accessId)).toEqual(['SNDEMO-A0002']);
	});
});

describe('ON-API simulator: order events', () => {
	it('emits an event per state change, oldest first, and continues after the `since` event', async () => {
		const { call, clock } = harness();
		const ok = await call('POST', '/onapi/FIBNORR/2.4/orders/', { body: activation('FIBNORR-1001') });
		const failing = await call('POST', '/onapi/FIBNORR/2.4/orders/', { body: activation(FAILING_ACCESS_ID) });
		const early = await call('GET', '/onapi/FIBNORR/2.4/orderevents/');
		expect(early.json.map((e: { order: { state: string } }) => e.order.state)).toEqual(['RECEIVED', 'RECEIVED']);
		const cursor = early.json[1].event;

		expect((await call('GET', `/onapi/FIBNORR/2.4/orderevents/?since=${cursor}`)).json).toEqual([]);
		clock.advance(5_000);
		const later = await call('GET', `/onapi/FIBNORR/2.4/orderevents/?since=${cursor}`);
		expect(later.json.map((e: { order: { path: string; state: string } }) => [e.order.path, e.order.state])).toEqual([
			[ok.json.path, 'IN_PROGRESS'],
			[failing.json.path, 'IN_PROGRESS'],
			[ok.json.path, 'DONE_SUCCESS'],
			[failing.json.path, 'DONE_FAILED'],
		]);
		expect(later.json[3]).toEqual({
			event: expect.stringMatching(/^[0-9a-f]{32}$/),
			order: {
				path: failing.json.path,
				accessId: FAILING_ACCESS_ID,
				service: 'BB-100-100',
				operation: 'ACTIVATE',
				state: 'DONE_FAILED',
				message: FAILING_ACCESS_MESSAGE,
			},
		});
		const last = later.json[3].event;
		expect((await call('GET', `/onapi/FIBNORR/2.4/orderevents/?since=${last}`)).json).toEqual([]);
		// Paths follow the version asked with.
		const v26 = await call('GET', '/onapi/FIBNORR/2.6/orderevents/');
		expect(v26.json[0].order.path).toBe(`/onapi/FIBNORR/2.6/orders/${ok.json.orderId}`);
	});

	it('immediate operations emit a single final event; an unknown cursor is 400', async () => {
		const { call, clock } = harness();
		const created = await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation('SNDEMO-A0001') });
		clock.advance(5_000);
		const before = await call('GET', '/onapi/SNDEMO/2.6/orderevents/');
		const cursor = before.json[before.json.length - 1].event;
		await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: { operation: 'SUSPEND', subscriptionId: created.json.subscriptionId } });
		const after = await call('GET', `/onapi/SNDEMO/2.6/orderevents/?since=${cursor}`);
		expect(after.json.map((e: { order: { operation: string; state: string } }) => [e.order.operation, e.order.state])).toEqual([['SUSPEND', 'DONE_SUCCESS']]);

		const unknown = await call('GET', '/onapi/SNDEMO/2.6/orderevents/?since=doesnotexist');
		expect(unknown.status).toBe(400);
		expect(unknown.json.cause).toContain('doesnotexist');
	});

	it('keeps the order of transitions when the clock jumps over several of them at once', async () => {
		const { call, clock, sim } = harness();
		sim.configure('SNDEMO', { slowAccesses: { 'SNDEMO-A0001': { inProgressAfterMs: 1_000, doneAfterMs: 30_000 } } });
		await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation('SNDEMO-A0001') });
		clock.advance(500);
		await call('POST', '/onapi/SNDEMO/2.6/orders/', { body: activation('SNDEMO-A0002') });
		clock.advance(60_000);
		const events = await call('GET', '/onapi/SNDEMO/2.6/orderevents/');
		expect(events.json.map((e: { order: { accessId: string; state: string } }) => `${e.order.accessId.slice(-2)}:${e.order.state}`)).toEqual([
			'01:RECEIVED',
			'02:RECEIVED',
			'01:IN_PROGRESS',
			'02:IN_PROGRESS',
			'02:DONE_SUCCESS',
			'01:DONE_SUCCESS',
		]);
	});
});
