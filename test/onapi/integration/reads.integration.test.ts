/**
 * The read operations in every version: endpoints, accesses (full, limited, incremental), services
 * with orderableNow, and the read-only Stadsnätsportalen variant.
 */
import type { IDataObject } from 'n8n-workflow';
import { OnApi as OnApiCredential } from '../../../credentials/OnApi.credentials';
import { OnApi } from '../../../nodes/OnApi/OnApi.node';
import { startSandbox } from '../../../sandbox/src';
import { createOnApiSimulator } from '../../../sandbox/src/onapi';
import { executeNode } from '../../harness/n8n';
import {
	jsonOf,
	onApiRequests,
	runOnApi,
	useOnApiSandbox,
	VERSIONS,
} from './onApiTestKit';

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

describe.each(VERSIONS)('ON-API %s: reads', (version) => {
	it('lists the operator\'s endpoints', async () => {
		const result = await runOnApi(env(), { version, parameters: { resource: 'endpoint', operation: 'getMany', returnAll: true } });
		expect(result.error).toBeUndefined();
		const names = jsonOf(result).map((entry) => entry.name);
		expect(names).toEqual(expect.arrayContaining(['accesses', 'order', 'subscriptions', 'orderevents']));
		expect(result.outputs[0].every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	it('gets one access and many accesses with a limit', async () => {
		const one = await runOnApi(env(), { version, parameters: { resource: 'access', operation: 'get', accessId: 'SNDEMO-A0001' } });
		expect(jsonOf(one)).toEqual([expect.objectContaining({ accessId: 'SNDEMO-A0001', streetName: 'Storgatan', city: 'Demostad' })]);

		const limited = await runOnApi(env(), { version, parameters: { resource: 'access', operation: 'getMany', limit: 5 } });
		expect(jsonOf(limited)).toHaveLength(5);
		const all = await runOnApi(env(), { version, parameters: { resource: 'access', operation: 'getMany', returnAll: true } });
		expect(jsonOf(all)).toHaveLength(30);
	});

	it('fetches only changes with If-Modified-Since; 304 gives no items', async () => {
		const now = env().sandbox.clock.now();
		const unchanged = await runOnApi(env(), {
			version,
			parameters: { resource: 'access', operation: 'getMany', returnAll: true, options: { ifModifiedSince: now.toISOString() } },
		});
		expect(unchanged.error).toBeUndefined();
		expect(jsonOf(unchanged)).toEqual([]);

		env().sandbox.clock.advance(2000);
		env().onapi.upsertAccesses('SNDEMO', [{ accessId: 'SNDEMO-A0007', outlet: 'A-02' }]);
		env().sandbox.clock.advance(2000);
		const changed = await runOnApi(env(), {
			version,
			parameters: { resource: 'access', operation: 'getMany', returnAll: true, options: { ifModifiedSince: now.toUTCString() } },
		});
		expect(jsonOf(changed).map((access) => [access.accessId, access.outlet])).toEqual([['SNDEMO-A0007', 'A-02']]);
	});

	it('remembers Last-Modified between fetches in incremental mode', async () => {
		const result = await runOnApi(env(), {
			version,
			parameters: { resource: 'access', operation: 'getMany', limit: 1, options: { incremental: true } },
			inputItems: [{ json: { run: 1 } }, { json: { run: 2 } }],
		});
		expect(result.error).toBeUndefined();
		const items = result.outputs[0];
		// All 30 on the first item (Limit does not apply), nothing new on the second.
		expect(items).toHaveLength(30);
		expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		const requests = await env().sandbox.admin.requests({ simulator: 'onapi', operation: 'GET accesses/' });
		expect(requests.entries.map((entry) => entry.status)).toEqual([200, 304]);
	});

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

describe('Stadsnätsportalen', () => {
	const portal = { baseUrl: '', username: '1234', password: 'sandbox-api-key' };
	const portalOptions = () => ({ ...portal, baseUrl: `${env().sandbox.url}/plain/onapi/SNDEMO` });

	it('reads endpoints, accesses and services without a version segment', async () => {
		const endpoints = await runOnApi(env(), { ...portalOptions(), parameters: { resource: 'endpoint', operation: 'getMany', returnAll: true } });
		expect(jsonOf(endpoints).map((entry) => entry.name)).toEqual(['accesses']);
		const accesses = await runOnApi(env(), { ...portalOptions(), parameters: { resource: 'access', operation: 'getMany', limit: 3 } });
		expect(jsonOf(accesses).map((access) => access.coId)).toEqual(['SNDEMO', 'SNDEMO', 'SNDEMO']);
		const services = await runOnApi(env(), {
			...portalOptions(),
			parameters: { resource: 'service', operation: 'getMany', accessId: 'SNDEMO-A0001', returnAll: true },
		});
		expect(jsonOf(services).map((service) => service.orderableNow)).toEqual([true, true, true]);
		// Get Many on endpoints refreshed the node's cached endpoint list, so no second discovery.
		expect(await onApiRequests(env())).toEqual([
			'GET /plain/onapi/SNDEMO/endpoints',
			'GET /plain/onapi/SNDEMO/accesses',
			'GET /plain/onapi/SNDEMO/accesses/SNDEMO-A0001',
		]);
	});

	it('refuses orders and subscriptions before sending anything', async () => {
		for (const parameters of [
			{ resource: 'order', operation: 'activate', accessId: 'SNDEMO-A0001', service: 'BB-100-100' },
			{ resource: 'subscription', operation: 'getMany' },
		]) {
			const result = await runOnApi(env(), { ...portalOptions(), parameters });
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toMatch(/^Stadsnätsportalen's ON-API does not offer/);
		}
		expect(await onApiRequests(env())).toEqual([]);
	});
});

describe('an operator without accesses', () => {
	it('answers 404 for the list, which means no items', async () => {
		const empty = await startSandbox({
			extraSimulators: [
				({ clock }) =>
					createOnApiSimulator({
						clock,
						operators: [
							{
								coId: 'EMPTY',
								name: 'Tomma Stadsnät',
								preferredVersion: '2.6',
								users: [{ username: 'sp', password: 'pw-empty', spId: 'SP1' }],
								accesses: [],
							},
						],
					}),
			],
		});
		try {
			const result = await executeNode({
				nodeType: new OnApi(),
				parameters: { resource: 'access', operation: 'getMany', returnAll: true },
				credentialTypes: [new OnApiCredential()],
				credentials: { onApi: { baseUrl: `${empty.url}/onapi/EMPTY`, version: '2.6', username: 'sp', password: 'pw-empty' } },
			});
			expect(result.error).toBeUndefined();
			expect(result.outputs).toEqual([[]]);
			const log = await empty.admin.requests({ simulator: 'onapi', operation: 'GET accesses/' });
			expect(log.entries.map((entry) => entry.status)).toEqual([404]);
		} finally {
			await empty.close();
		}
	});
});
