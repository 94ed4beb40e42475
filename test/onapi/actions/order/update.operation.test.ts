/** Order → Update: only while the order is RECEIVED (its success is in scenarios/subscriptionLifecycle.test.ts). */
import { expectFinishedOrderRefused, useOnApiSandbox, VERSIONS } from '../../onApiTestKit';

const env = useOnApiSandbox();

describe.each(VERSIONS)('ON-API %s: Order → Update', (version) => {
	it('refuses to update an order the operator has finished', async () => {
		await expectFinishedOrderRefused(env(), { version, operation: 'update' });
	});
});
