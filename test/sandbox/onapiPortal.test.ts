import { DEMO_USERNAME, PORTAL_API_USER, SNDEMO_PASSWORD, TAKEN_ACCESS_ID } from '../../sandbox/src';
import { basicAuth, harness } from './onapiTestKit';

describe('ON-API simulator: Stadsnätsportalen variant (/plain/onapi/{coId})', () => {
	it('authenticates with the Atlas API user id and API key, not with the operator login', async () => {
		const { call } = harness();
		expect((await call('GET', '/plain/onapi/SNDEMO/accesses')).status).toBe(200);
		const none = await call('GET', '/plain/onapi/SNDEMO/accesses', { auth: null });
		expect(none.status).toBe(401);
		expect(none.headers['WWW-Authenticate']).toMatch(/^Basic realm=/);
		expect((await call('GET', '/plain/onapi/SNDEMO/accesses', { auth: basicAuth(DEMO_USERNAME, SNDEMO_PASSWORD) })).status).toBe(401);
		expect((await call('GET', '/plain/onapi/SNDEMO/accesses', { auth: basicAuth(PORTAL_API_USER, 'wrong') })).status).toBe(401);
	});

	it('lists its one endpoint (accesses, ON-API 2.4) at the base path and at endpoints', async () => {
		const { call } = harness();
		for (const path of ['/plain/onapi/FIBNORR', '/plain/onapi/FIBNORR/', '/plain/onapi/FIBNORR/endpoints']) {
			const response = await call('GET', path);
			expect(response.status).toBe(200);
			expect(response.json).toHaveLength(1);
			expect(response.json[0]).toMatchObject({ name: 'accesses', endpoint: '/plain/onapi/FIBNORR/accesses', version: '2.4' });
		}
	});

	it('answers accesses in the 2.4 shape with the Marknadsdatabasen coId field and premises values', async () => {
		const { call } = harness();
		const list = await call('GET', '/plain/onapi/SNDEMO/accesses');
		expect(list.json).toHaveLength(30);
		expect(list.headers['Last-Modified']).toBeDefined();
		const first = list.json[0];
		expect(Object.keys(first).slice(0, 3)).toEqual(['coId', 'accessId', 'streetName']);
		expect(first).toMatchObject({ coId: 'SNDEMO', accessId: 'SNDEMO-A0001', streetName: 'Storgatan', premisesType: 'RENTAL_APARTMENT' });
		expect(first.services[0]).toMatchObject({ service: 'BB-100-100', connection: '2016-04-12', available: 'YES' });

		const single = await call('GET', `/plain/onapi/SNDEMO/accesses/${TAKEN_ACCESS_ID}/`);
		expect(single.json).toMatchObject({ coId: 'SNDEMO', accessId: TAKEN_ACCESS_ID, premisesType: 'RESIDENTIAL_HOUSE' });
		expect(single.json.subscriptions).toBeUndefined();
		expect((await call('GET', '/plain/onapi/SNDEMO/accesses/NOPE')).status).toBe(404);
	});

	it('supports If-Modified-Since up to 14 days back (304 when nothing changed, 400 beyond)', async () => {
		const { call, clock, sim } = harness();
		const first = await call('GET', '/plain/onapi/SNDEMO/accesses');
		const since = first.headers['Last-Modified'];
		expect((await call('GET', '/plain/onapi/SNDEMO/accesses', { headers: { 'if-modified-since': since } })).status).toBe(304);
		clock.advance(60_000);
		sim.upsertAccesses('SNDEMO', [{ accessId: 'SNDEMO-A0020', outlet: 'B-2' }]);
		clock.advance(1_000);
		const delta = await call('GET', '/plain/onapi/SNDEMO/accesses', { headers: { 'if-modified-since': since } });
		expect(delta.json.map((access: { accessId: string }) => access.accessId)).toEqual(['SNDEMO-A0020']);

		const tooOld = new Date(clock.now().getTime() - 15 * 24 * 3600 * 1000).toUTCString();
		const old = await call('GET', '/plain/onapi/SNDEMO/accesses', { headers: { 'if-modified-since': tooOld } });
		expect(old.status).toBe(400);
		expect(old.json.cause).toContain('14 days');
	});

	it('is read-only and has no orders or subscriptions', async () => {
		const { call } = harness();
		for (const path of ['/plain/onapi/SNDEMO/orders', '/plain/onapi/SNDEMO/subscriptions', '/plain/onapi/SNDEMO/orderevents']) {
			expect((await call('GET', path)).status).toBe(501);
		}
		const post = await call('POST', '/plain/onapi/SNDEMO/accesses', { body: {} });
		expect(post.status).toBe(501);
		expect(post.json.cause).toContain('read-only');
	});

	it('answers 404 for unknown operators and for operators taken off the portal', async () => {
		const { call, sim } = harness();
		expect((await call('GET', '/plain/onapi/NOPE/accesses')).status).toBe(404);
		sim.configure('FIBNORR', { onPortal: false });
		expect((await call('GET', '/plain/onapi/FIBNORR/accesses')).status).toBe(404);
		expect((await call('GET', '/onapi/FIBNORR/2.4/accesses/')).status).toBe(200);
	});
});
