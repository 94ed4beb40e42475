/** Endpoint → Get Many: the operator's Endpoints list, in every version. */
import { jsonOf, runOnApi, useOnApiSandbox, VERSIONS } from '../../onApiTestKit';

const env = useOnApiSandbox();

describe.each(VERSIONS)('ON-API %s: Endpoint → Get Many', (version) => {
	it('lists the operator\'s endpoints', async () => {
		const result = await runOnApi(env(), { version, parameters: { resource: 'endpoint', operation: 'getMany', returnAll: true } });
		expect(result.error).toBeUndefined();
		const names = jsonOf(result).map((entry) => entry.name);
		expect(names).toEqual(expect.arrayContaining(['accesses', 'order', 'subscriptions', 'orderevents']));
		expect(result.outputs[0].every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});
});
