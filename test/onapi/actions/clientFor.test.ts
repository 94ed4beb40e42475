/**
 * The client each item gets (actions/clientFor.ts): Stadsnätsportalen's read-only ON-API serves
 * endpoints, accesses and services without a version segment, and everything else is refused
 * before a request is sent.
 */
import { PORTAL_API_KEY, PORTAL_API_USER } from '../../../sandbox/src';
import { jsonOf, onApiRequests, runOnApi, useOnApiSandbox } from '../onApiTestKit';

const env = useOnApiSandbox();

describe('Stadsnätsportalen', () => {
	const portal = { baseUrl: '', username: PORTAL_API_USER, password: PORTAL_API_KEY };
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
