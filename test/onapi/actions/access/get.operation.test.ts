/** Access → Get: one access, in every version. */
import { jsonOf, onApiRequests, runOnApi, useOnApiSandbox, VERSIONS } from '../../onApiTestKit';

const env = useOnApiSandbox();

describe.each(VERSIONS)('ON-API %s: Access → Get', (version) => {
	it('gets one access', async () => {
		const one = await runOnApi(env(), { version, parameters: { resource: 'access', operation: 'get', accessId: 'SNDEMO-A0001' } });
		expect(jsonOf(one)).toEqual([expect.objectContaining({ accessId: 'SNDEMO-A0001', streetName: 'Storgatan', city: 'Demostad' })]);
	});
});

describe('ON-API 2.6: Access → Get checks', () => {
	it.each(['..', '.'])('refuses the ID %p, which would name the API root, before any request', async (accessId) => {
		const result = await runOnApi(env(), { parameters: { resource: 'access', operation: 'get', accessId } });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(
			`Invalid field "accessId": accessId must be an ON-API ID: 1 to 36 characters, only letters, digits, '-' and '.' (not only dots) (got "${accessId}")`,
		);
		expect(await onApiRequests(env())).toEqual([]);
	});
});
