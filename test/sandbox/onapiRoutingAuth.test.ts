import { DEMO_SP_ID, DEMO_USERNAME, FIBNORR_PASSWORD, SNDEMO_PASSWORD } from '../../sandbox/src';
import { basicAuth, harness, makeRequest } from './onapiTestKit';

describe('ON-API simulator: paths, auth and endpoints discovery', () => {
	it('claims the versioned and the Stadsnätsportalen paths only', () => {
		const { sim } = harness();
		expect(sim.name).toBe('onapi');
		expect(sim.matches('/onapi/SNDEMO/2.6/accesses/')).toBe(true);
		expect(sim.matches('/plain/onapi/SNDEMO/accesses')).toBe(true);
		expect(sim.matches('/plain/serviceguide_log')).toBe(false);
		expect(sim.matches('/__admin/onapi/state')).toBe(false);
	});

	it('answers 401 with a Basic challenge and a cause when credentials are missing or wrong', async () => {
		const { call } = harness();
		const missing = await call('GET', '/onapi/SNDEMO/2.6/accesses/', { auth: null });
		expect(missing.status).toBe(401);
		expect(missing.headers['WWW-Authenticate']).toMatch(/^Basic realm="[^"]+"/);
		expect(typeof missing.json.cause).toBe('string');

		const wrong = await call('GET', '/onapi/SNDEMO/2.6/accesses/', { auth: basicAuth(DEMO_USERNAME, 'not-the-password') });
		expect(wrong.status).toBe(401);
		expect(wrong.body).not.toContain('not-the-password');

		// Each operator has its own password: FIBNORR's does not open SNDEMO.
		const otherOperator = await call('GET', '/onapi/SNDEMO/2.6/accesses/', { auth: basicAuth(DEMO_USERNAME, FIBNORR_PASSWORD) });
		expect(otherOperator.status).toBe(401);

		const malformed = await call('GET', '/onapi/SNDEMO/2.6/accesses/', { auth: 'Bearer abc' });
		expect(malformed.status).toBe(401);

		const right = await call('GET', '/onapi/SNDEMO/2.6/accesses/');
		expect(right.status).toBe(200);
	});

	it('accepts a password containing colons (RFC 7617 splits at the first colon)', async () => {
		const { sim, call } = harness();
		sim.reset();
		const operators = sim.state().operators;
		expect(operators.SNDEMO.users).toEqual([{ username: DEMO_USERNAME, spId: DEMO_SP_ID }]);
		const custom = harness([
			{
				coId: 'COLON',
				name: 'Colon Net',
				preferredVersion: '2.6',
				users: [{ username: 'u', password: 'a:b:c', spId: 'SP1' }],
				accesses: [],
			},
		]);
		const ok = await custom.call('GET', '/onapi/COLON/2.6/', { auth: basicAuth('u', 'a:b:c') });
		expect(ok.status).toBe(200);
		const bad = await call('GET', '/onapi/SNDEMO/2.6/', { auth: basicAuth(`${DEMO_USERNAME}:${SNDEMO_PASSWORD}`, '') });
		expect(bad.status).toBe(401);
	});

	it('answers 404 for unknown operators, unknown versions and versions the operator refuses', async () => {
		const { call, sim } = harness();
		expect((await call('GET', '/onapi/NOPE/2.6/accesses/', { auth: null })).status).toBe(404);
		const unknownVersion = await call('GET', '/onapi/SNDEMO/2.3/accesses/');
		expect(unknownVersion.status).toBe(404);
		expect(unknownVersion.json.cause).toContain('2.3');
		expect((await call('GET', '/onapi/SNDEMO')).status).toBe(404);

		sim.configure('SNDEMO', { refusedVersions: ['2.4'] });
		expect((await call('GET', '/onapi/SNDEMO/2.4/accesses/')).status).toBe(404);
		expect((await call('GET', '/onapi/SNDEMO/2.5/accesses/')).status).toBe(200);
	});

	it('answers every operator in all three versions', async () => {
		const { call } = harness();
		for (const coId of ['SNDEMO', 'FIBNORR']) {
			for (const version of ['2.4', '2.5', '2.6']) {
				const response = await call('GET', `/onapi/${coId}/${version}/`);
				expect(response.status).toBe(200);
			}
		}
	});

	it('lists the endpoints per version: 2.4 advertises order/, 2.5 and 2.6 orders/, services only in 2.6', async () => {
		const { call } = harness();
		const v24 = await call('GET', '/onapi/FIBNORR/2.4/');
		expect(v24.headers.Location).toBe('/onapi/FIBNORR/2.4/');
		const byName24 = Object.fromEntries(v24.json.map((entry: { name: string }) => [entry.name, entry]));
		expect(byName24.accesses).toEqual({
			name: 'accesses',
			endpoint: '/onapi/FIBNORR/2.4/accesses/',
			version: '2.4',
			documentation: 'https://github.com/on-api/on-api/blob/master/2.4.0/spec/accesses.md',
		});
		expect(byName24.order.endpoint).toBe('/onapi/FIBNORR/2.4/order/');
		expect(byName24.services).toBeUndefined();
		expect(byName24.order.unsupportedFields).toBeUndefined();

		const v25 = await call('GET', '/onapi/FIBNORR/2.5');
		const byName25 = Object.fromEntries(v25.json.map((entry: { name: string }) => [entry.name, entry]));
		expect(byName25.order.endpoint).toBe('/onapi/FIBNORR/2.5/orders/');

		const v26 = await call('GET', '/onapi/SNDEMO/2.6/');
		const names26 = v26.json.map((entry: { name: string }) => entry.name);
		expect(names26).toEqual(['accesses', 'services', 'order', 'subscriptions', 'orderevents']);
		for (const entry of v26.json) expect(entry.version).toBe('2.6');
	});

	it('shows unsupportedFields and a note on the order endpoint when configured', async () => {
		const { call, sim } = harness();
		sim.configure('SNDEMO', { unsupportedFields: ['requestedDateTime'], orderEndpointNote: 'Only supports direct activation, no scheduled orders' });
		const list = await call('GET', '/onapi/SNDEMO/2.6/');
		const order = list.json.find((entry: { name: string }) => entry.name === 'order');
		expect(order.unsupportedFields).toEqual(['requestedDateTime']);
		expect(order.note).toBe('Only supports direct activation, no scheduled orders');
	});

	it('serves both order/ and orders/ as the order collection', async () => {
		const { call } = harness();
		expect((await call('GET', '/onapi/FIBNORR/2.4/order/')).status).toBe(200);
		expect((await call('GET', '/onapi/FIBNORR/2.4/orders/')).status).toBe(200);
	});

	it('answers 501 with a cause for unknown endpoints and unsupported methods', async () => {
		const { call } = harness();
		const unknown = await call('GET', '/onapi/SNDEMO/2.6/tickets/');
		expect(unknown.status).toBe(501);
		expect(unknown.json.cause).toContain('tickets');
		expect((await call('DELETE', '/onapi/SNDEMO/2.6/accesses/SNDEMO-A0001')).status).toBe(501);
		expect((await call('GET', '/onapi/SNDEMO/2.5/services/')).status).toBe(501);
		expect((await call('POST', '/onapi/SNDEMO/2.6/', { body: {} })).status).toBe(501);
	});

	it('names requests for the request log without ids or versions', () => {
		const { sim } = harness();
		expect(sim.classify?.(makeRequest('POST', '/onapi/SNDEMO/2.6/orders/')).operation).toBe('POST orders/');
		expect(sim.classify?.(makeRequest('GET', '/onapi/FIBNORR/2.4/order/abc')).operation).toBe('GET orders/{id}');
		expect(sim.classify?.(makeRequest('GET', '/onapi/FIBNORR/2.4/')).operation).toBe('GET endpoints');
		expect(sim.classify?.(makeRequest('GET', '/plain/onapi/FIBNORR/accesses')).operation).toBe('GET portal accesses/');
	});
});
