/** Access → Get: one access, in every version. */
import { jsonOf, runOnApi, useOnApiSandbox, VERSIONS } from '../../onApiTestKit';

const env = useOnApiSandbox();

describe.each(VERSIONS)('ON-API %s: Access → Get', (version) => {
	it('gets one access', async () => {
		const one = await runOnApi(env(), { version, parameters: { resource: 'access', operation: 'get', accessId: 'SNDEMO-A0001' } });
		expect(jsonOf(one)).toEqual([expect.objectContaining({ accessId: 'SNDEMO-A0001', streetName: 'Storgatan', city: 'Demostad' })]);
	});
});
