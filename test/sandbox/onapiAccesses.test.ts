import { TAKEN_ACCESS_ID } from '../../sandbox/src';
import { activation, harness } from './onapiTestKit';

const ADDRESS_FIELDS = ['accessId', 'streetName', 'postalCode', 'city', 'countryCode', 'premisesType', 'accessState'];

describe('ON-API simulator: accesses and services', () => {
	it('lists the 30 demo accesses of each operator with Swedish addresses and a Last-Modified header', async () => {
		const { call } = harness();
		const sndemo = await call('GET', '/onapi/SNDEMO/2.6/accesses/');
		expect(sndemo.status).toBe(200);
		expect(sndemo.headers['Last-Modified']).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
		const ids = sndemo.json.map((access: { accessId: string }) => access.accessId);
		expect(ids).toHaveLength(30);
		expect(ids[0]).toBe('SNDEMO-A0001');
		expect(ids[29]).toBe('SNDEMO-A0030');
		for (const access of sndemo.json) {
			for (const field of ADDRESS_FIELDS) expect(access[field]).toBeTruthy();
			expect(access.postalCode).toMatch(/^[1-9][0-9]{4}$/);
			expect(access.countryCode).toBe('SE');
			if (access.streetNumber !== undefined) expect(access.streetNumber).toMatch(/^(([0-9]+)|([0-9]{1,4}-[0-9]{1,4}))$/);
			if (access.premisesType === 'MDU_APARTMENT') expect(access.mduApartmentNumber).toMatch(/^[0-9]{4}$/);
		}

		const fibnorr = await call('GET', '/onapi/FIBNORR/2.4/accesses/');
		const fibIds = fibnorr.json.map((access: { accessId: string }) => access.accessId);
		expect(fibIds).toHaveLength(30);
		expect(fibIds[0]).toBe('FIBNORR-1001');
		expect(fibIds[29]).toBe('FIBNORR-1030');
	});

	it('2.4 accesses carry services with date or YES/NO values, coNetworkAgreement, and subscriptions only when single', async () => {
		const { call } = harness();
		const list = await call('GET', '/onapi/FIBNORR/2.4/accesses/');
		const item = list.json.find((access: { accessId: string }) => access.accessId === 'FIBNORR-1001');
		expect(item.coNetworkAgreement).toBe('NOT_REQUIRED');
		expect(item.subscriptions).toBeUndefined();
		expect(item.priceGroup).toBeUndefined();
		expect(item.services.map((service: { service: string }) => service.service)).toEqual(['BB-100-100', 'BB-250-250', 'BB-1000-1000']);
		expect(item.services[0]).toEqual({
			service: 'BB-100-100',
			connection: '2018-06-01',
			available: 'YES',
			disconnection: '',
			forcedTakeoverPossible: false,
		});
		// characteristics are "available with single access" only.
		expect(item.services[2].characteristics).toBeUndefined();

		const single = await call('GET', '/onapi/FIBNORR/2.4/accesses/FIBNORR-1001');
		expect(single.status).toBe(200);
		expect(single.json.subscriptions).toEqual([]);
		expect(single.json.services[2].characteristics.SLA).toEqual({ required: false, values: ['SLA-1', 'SLA-2', 'SLA-3'] });
	});

	it('2.4 shows a future available date as a date and an unknown one as NO; 2.5 shows the dateTimes', async () => {
		const { call, sim } = harness();
		sim.upsertAccesses('FIBNORR', [
			{
				accessId: 'FIBNORR-1002',
				services: [
					{ service: 'BB-100-100', serviceType: 'Broadband', connectionDateTime: '1990-01-01T00:00:01Z', availableDateTime: '2030-05-01T00:00:00Z', disconnectionDateTime: '', forcedTakeoverPossible: false },
					{ service: 'IPTV', serviceType: 'TV', connectionDateTime: '3030-12-12T00:00:01Z', availableDateTime: '', disconnectionDateTime: '2031-01-31T00:00:00Z', forcedTakeoverPossible: false },
				],
			},
		]);
		const v24 = await call('GET', '/onapi/FIBNORR/2.4/accesses/FIBNORR-1002');
		expect(v24.json.services.map((s: Record<string, unknown>) => [s.connection, s.available, s.disconnection])).toEqual([
			['YES', '2030-05-01', ''],
			['NO', 'NO', '2031-01-31'],
		]);
		const v25 = await call('GET', '/onapi/FIBNORR/2.5/accesses/FIBNORR-1002');
		expect(v25.json.services[1]).toEqual({
			service: 'IPTV',
			connectionDateTime: '3030-12-12T00:00:01Z',
			availableDateTime: '',
			disconnectionDateTime: '2031-01-31T00:00:00Z',
			forcedTakeoverPossible: false,
		});
		expect(v25.json.services[0].connection).toBeUndefined();
	});

	it('2.6 accesses have priceGroup and nationalAddressUUID but no services, subscriptions or CPE fields', async () => {
		const { call } = harness();
		const single = await call('GET', '/onapi/SNDEMO/2.6/accesses/SNDEMO-A0010');
		expect(single.status).toBe(200);
		expect(single.json.priceGroup).toBe(0);
		expect(single.json.nationalAddressUUID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		for (const removed of ['services', 'subscriptions', 'coNetworkAgreement', 'coFiberConverter', 'coCpeSwitch', 'coCpeRouter']) {
			expect(single.json[removed]).toBeUndefined();
		}
		const v25 = await call('GET', '/onapi/SNDEMO/2.5/accesses/SNDEMO-A0010');
		expect(v25.json.coFiberConverter).toBe('GENEXIS FIBERTWIST P2410');
		expect(v25.json.priceGroup).toBeUndefined();
	});

	it('answers 404 with a cause for an unknown access', async () => {
		const { call } = harness();
		for (const version of ['2.4', '2.5', '2.6']) {
			const response = await call('GET', `/onapi/SNDEMO/${version}/accesses/SNDEMO-A9999`);
			expect(response.status).toBe(404);
			expect(response.json.cause).toContain('SNDEMO-A9999');
		}
		expect((await call('GET', '/onapi/SNDEMO/2.6/services/SNDEMO-A9999')).status).toBe(404);
	});

	it('2.4/2.5 single access lists the caller’s subscriptions, never another SP’s', async () => {
		const { call, clock } = harness();
		const taken = await call('GET', `/onapi/SNDEMO/2.5/accesses/${TAKEN_ACCESS_ID}`);
		expect(taken.json.subscriptions).toEqual([]);
		await call('POST', '/onapi/SNDEMO/2.5/orders/', { body: activation('SNDEMO-A0002') });
		clock.advance(10_000);
		const own = await call('GET', '/onapi/SNDEMO/2.5/accesses/SNDEMO-A0002');
		expect(own.json.subscriptions).toHaveLength(1);
		expect(own.json.subscriptions[0]).toMatchObject({ accessId: 'SNDEMO-A0002', service: 'BB-100-100', operationalState: 'ACTIVATED', spReference: 'CUST-1001' });
	});

	it('2.6 services endpoint: single with characteristics, list without, 501 in older versions', async () => {
		const { call } = harness();
		const single = await call('GET', `/onapi/SNDEMO/2.6/services/${TAKEN_ACCESS_ID}`);
		expect(single.status).toBe(200);
		expect(single.json.accessId).toBe(TAKEN_ACCESS_ID);
		expect(single.json.services).toHaveLength(3);
		expect(single.json.services[0]).toEqual({
			service: 'BB-100-100',
			connectionDateTime: '2016-04-12T08:00:00Z',
			availableDateTime: '2016-04-12T08:00:00Z',
			disconnectionDateTime: '',
			forcedTakeoverPossible: true,
		});
		expect(single.json.services[2].characteristics.fixedIp).toEqual({ required: false, values: [true, false] });

		const list = await call('GET', '/onapi/SNDEMO/2.6/services/');
		expect(list.status).toBe(200);
		expect(list.headers['Last-Modified']).toBeDefined();
		expect(list.json).toHaveLength(30);
		expect(list.json[0].services[2].characteristics).toBeUndefined();

		expect((await call('GET', `/onapi/SNDEMO/2.5/services/${TAKEN_ACCESS_ID}`)).status).toBe(501);
	});

	it('If-Modified-Since returns only accesses changed since, 304 when none, with a Last-Modified to continue from', async () => {
		const { call, clock, sim } = harness();
		const full = await call('GET', '/onapi/SNDEMO/2.6/accesses/');
		const lastModified = full.headers['Last-Modified'];
		const unchanged = await call('GET', '/onapi/SNDEMO/2.6/accesses/', { headers: { 'if-modified-since': lastModified } });
		expect(unchanged.status).toBe(304);
		expect(unchanged.body).toBe('');

		clock.advance(60_000);
		sim.upsertAccesses('SNDEMO', [
			{ accessId: 'SNDEMO-A0005', accessState: 'DISCONNECTED' },
			{ accessId: 'SNDEMO-A0031', streetName: 'Nygatan', streetNumber: '2', postalCode: '54130', city: 'Demostad', premisesType: 'RESIDENTIAL_HOUSE' },
		]);
		clock.advance(1_000);
		const delta = await call('GET', '/onapi/SNDEMO/2.6/accesses/', { headers: { 'if-modified-since': lastModified } });
		expect(delta.status).toBe(200);
		expect(delta.json.map((access: { accessId: string }) => access.accessId)).toEqual(['SNDEMO-A0005', 'SNDEMO-A0031']);
		expect(delta.json[0].accessState).toBe('DISCONNECTED');
		// A delta item is always complete, not just the changed field.
		expect(delta.json[0].streetName).toBe('Storgatan');
		const next = delta.headers['Last-Modified'];
		expect(Date.parse(next)).toBeGreaterThan(Date.parse(lastModified));

		const again = await call('GET', '/onapi/SNDEMO/2.6/accesses/', { headers: { 'if-modified-since': next } });
		expect(again.status).toBe(304);

		// The new access got the operator's standard services.
		const services = await call('GET', '/onapi/SNDEMO/2.6/services/SNDEMO-A0031');
		expect(services.json.services.map((s: { service: string }) => s.service)).toEqual(['BB-100-100', 'BB-250-250', 'BB-1000-1000']);
		const servicesDelta = await call('GET', '/onapi/SNDEMO/2.6/services/', { headers: { 'if-modified-since': lastModified } });
		expect(servicesDelta.json.map((entry: { accessId: string }) => entry.accessId)).toEqual(['SNDEMO-A0005', 'SNDEMO-A0031']);
	});

	it('never loses a change made in the same second as a Last-Modified it handed out', async () => {
		const { call, clock, sim } = harness();
		clock.advance(500);
		sim.upsertAccesses('SNDEMO', [{ accessId: 'SNDEMO-A0001', outlet: 'X-1' }]);
		const first = await call('GET', '/onapi/SNDEMO/2.6/accesses/');
		// Still the same second: a second change now must show up in the next delta.
		clock.advance(200);
		sim.upsertAccesses('SNDEMO', [{ accessId: 'SNDEMO-A0002', outlet: 'X-2' }]);
		clock.advance(2_000);
		const delta = await call('GET', '/onapi/SNDEMO/2.6/accesses/', { headers: { 'if-modified-since': first.headers['Last-Modified'] } });
		expect(delta.status).toBe(200);
		expect(delta.json.map((access: { accessId: string }) => access.accessId)).toContain('SNDEMO-A0002');
	});

	it('answers 404 "no accesses" (with Last-Modified) for an operator without accesses', async () => {
		const { call } = harness([
			{ coId: 'EMPTY', name: 'Tomt Nät', preferredVersion: '2.5', users: [{ username: 'u', password: 'p', spId: 'SP' }], accesses: [] },
		]);
		const auth = `Basic ${Buffer.from('u:p').toString('base64')}`;
		const response = await call('GET', '/onapi/EMPTY/2.5/accesses/', { auth });
		expect(response.status).toBe(404);
		expect(response.headers['Last-Modified']).toBeDefined();
		expect(typeof response.json.cause).toBe('string');
	});

	it('rejects invalid admin access data without changing anything', async () => {
		const { sim } = harness();
		expect(() => sim.upsertAccesses('SNDEMO', [{ accessId: 'SNDEMO-A0001', postalCode: '0123' }])).toThrow(/postalCode/);
		expect(() => sim.upsertAccesses('SNDEMO', [{ accessId: 'NEW-1', city: 'Demostad' }])).toThrow(/needs streetName/);
		expect(() => sim.upsertAccesses('SNDEMO', [{ accessId: 'SNDEMO-A0001', premisesType: 'CASTLE' as never }])).toThrow(/premisesType/);
		expect(sim.state('SNDEMO').operators.SNDEMO.accessCount).toBe(30);
	});
});
