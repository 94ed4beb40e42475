/** Service → Get Many in every version: one shape for services, with orderableNow. */
import type { IDataObject } from 'n8n-workflow';
import { jsonOf, onApiRequests, runOnApi, useOnApiSandbox, VERSIONS } from '../../onApiTestKit';

const env = useOnApiSandbox();

const SERVICE_FIELDS = [
	'accessId',
	'availableDateTime',
	'connectionDateTime',
	'disconnectionDateTime',
	'forcedTakeoverPossible',
	'orderableNow',
	'service',
];

describe.each(VERSIONS)('ON-API %s: Service → Get Many', (version) => {
	it('lists an access\'s services in one shape, with orderableNow', async () => {
		env().onapi.upsertAccesses('SNDEMO', [
			{
				accessId: 'SNDEMO-A0008',
				services: [
					{ service: 'BB-100-100', serviceType: 'Broadband', connectionDateTime: '2016-04-12T08:00:00Z', availableDateTime: '2016-04-12T08:00:00Z', disconnectionDateTime: '', forcedTakeoverPossible: false },
					{ service: 'IPTV', serviceType: 'TV', connectionDateTime: '2016-04-12T08:00:00Z', availableDateTime: '3030-12-12T00:00:01Z', disconnectionDateTime: '', forcedTakeoverPossible: false },
				],
			},
		]);
		const result = await runOnApi(env(), { version, parameters: { resource: 'service', operation: 'getMany', accessId: 'SNDEMO-A0008', returnAll: true } });
		expect(result.error).toBeUndefined();
		const services = jsonOf(result);
		expect(services.map((service) => Object.keys(service).sort())).toEqual([SERVICE_FIELDS, SERVICE_FIELDS]);
		expect(services.map((service) => [service.service, service.orderableNow])).toEqual([
			['BB-100-100', true],
			['IPTV', false],
		]);
		expect(services[0].connectionDateTime).toBe(version === '2.4' ? '2016-04-12T00:00:00Z' : '2016-04-12T08:00:00Z');

		const orderable = await runOnApi(env(), {
			version,
			parameters: { resource: 'service', operation: 'getMany', accessId: 'SNDEMO-A0008', onlyOrderableNow: true, returnAll: true },
		});
		expect(jsonOf(orderable).map((service) => service.service)).toEqual(['BB-100-100']);
		const paths = await onApiRequests(env());
		expect(paths).toContain(
			version === '2.6' ? 'GET /onapi/SNDEMO/2.6/services/SNDEMO-A0008' : `GET /onapi/SNDEMO/${version}/accesses/SNDEMO-A0008`,
		);
	});

	it('normalises offered characteristics (values → validValues, ipAddress → ipAddresses)', async () => {
		const result = await runOnApi(env(), { version, parameters: { resource: 'service', operation: 'getMany', accessId: 'SNDEMO-A0001', returnAll: true } });
		const gigabit = jsonOf(result).find((service) => service.service === 'BB-1000-1000') as IDataObject;
		expect(gigabit.characteristics).toEqual({
			fixedIp: { required: false, validValues: [true, false] },
			ipAddresses: { required: false },
			SLA: { required: false, validValues: ['SLA-1', 'SLA-2', 'SLA-3'] },
		});
	});
});
