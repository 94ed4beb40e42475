/** Order → Cancel: only while the order is RECEIVED (its success is in scenarios/subscriptionLifecycle.test.ts). */
import { expectFinishedOrderRefused, useOnApiSandbox, VERSIONS } from '../../onApiTestKit';

const env = useOnApiSandbox();

describe.each(VERSIONS)('ON-API %s: Order → Cancel', (version) => {
	it('refuses to cancel an order the operator has finished', async () => {
		await expectFinishedOrderRefused(env(), { version, operation: 'cancel' });
	});
});
