/**
 * Every order operation once per version, on one subscription's life: activate, read it back,
 * suspend, resume, modify, change, schedule a deactivation, update and cancel that order, and
 * follow it all in the order events. This is where Subscription → Get / Get Many, Order → Get
 * Many, Suspend, Resume, Modify, Change, Deactivate and Order Event → Get Many are exercised; each
 * operation's own cases are in test/onapi/actions/<resource>/<operation>.operation.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	FAST_WAIT,
	jsonOf,
	runOnApi,
	useOnApiSandbox,
	VERSIONS,
	type Version,
} from '../onApiTestKit';

const env = useOnApiSandbox();
beforeEach(() => {
	// Orders pass through RECEIVED and IN_PROGRESS within a few polls.
	env().onapi.configure('SNDEMO', { timing: { inProgressAfterMs: 100, doneAfterMs: 300 } });
});

const ACCESS = 'SNDEMO-A0005';

async function run(version: Version, parameters: IDataObject): Promise<IDataObject> {
	const result = await runOnApi(env(), { version, parameters });
	if (result.error) throw new Error(`${String(parameters.resource)}.${String(parameters.operation)}: ${result.error.message}`);
	const items = jsonOf(result);
	expect(items).toHaveLength(1);
	expect(result.outputs[0][0].pairedItem).toEqual({ item: 0 });
	return items[0];
}

async function activate(version: Version): Promise<IDataObject> {
	return await run(version, {
		resource: 'order',
		operation: 'activate',
		accessId: ACCESS,
		service: 'BB-100-100',
		additionalFields: { spReference: 'CUST-2001', spSubscriptionId: 'SPSUB-1' },
		waitForCompletion: true,
		waitOptions: FAST_WAIT,
	});
}

function order(operation: string, subscriptionId: string, extra: IDataObject = {}): IDataObject {
	return { resource: 'order', operation, subscriptionId, waitForCompletion: true, waitOptions: FAST_WAIT, ...extra };
}

describe.each(VERSIONS)('ON-API %s: a subscription\'s life', (version) => {
	it('activates, reads, suspends, resumes, modifies, changes and deactivates', async () => {
		const activated = await activate(version);
		const subscriptionId = activated.subscriptionId as string;
		expect(activated).toMatchObject({ finalState: 'DONE_SUCCESS', spSubscriptionId: 'SPSUB-1' });

		const fetched = await run(version, { resource: 'subscription', operation: 'get', subscriptionId, accessId: ACCESS });
		expect(fetched).toMatchObject({ subscriptionId, accessId: ACCESS, service: 'BB-100-100', operationalState: 'ACTIVATED' });
		const withoutAccess = await run(version, { resource: 'subscription', operation: 'get', subscriptionId });
		expect(withoutAccess.subscriptionId).toBe(subscriptionId);

		const suspended = await run(version, order('suspend', subscriptionId, { additionalFields: { externalNote: 'Obetald faktura' } }));
		expect(suspended).toMatchObject({ operation: 'SUSPEND', finalState: 'DONE_SUCCESS', subscriptionId });
		const asSuspended = await run(version, {
			resource: 'subscription',
			operation: 'getMany',
			returnAll: true,
			filters: { accessId: ACCESS, operationalState: 'SUSPENDED' },
		});
		expect(asSuspended.subscriptionId).toBe(subscriptionId);

		const resumed = await run(version, order('resume', subscriptionId));
		expect(resumed).toMatchObject({ operation: 'RESUME', finalState: 'DONE_SUCCESS' });

		const modified = await run(version, order('modify', subscriptionId, { additionalFields: { spReference: 'CUST-2002' } }));
		expect(modified).toMatchObject({ operation: 'MODIFY', finalState: 'DONE_SUCCESS' });
		expect((await run(version, { resource: 'subscription', operation: 'get', subscriptionId, accessId: ACCESS })).spReference).toBe(
			'CUST-2002',
		);

		const changed = await run(version, order('change', subscriptionId, { service: 'BB-250-250' }));
		expect(changed).toMatchObject({ operation: 'CHANGE', finalState: 'DONE_SUCCESS', service: 'BB-250-250' });

		// A deactivation at the end of a notice period stays RECEIVED: it can be updated and cancelled.
		const now = env().sandbox.clock.now().getTime();
		const inAMonth = new Date(now + 30 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const scheduled = await run(version, {
			resource: 'order',
			operation: 'deactivate',
			subscriptionId,
			additionalFields: { requestedDateTime: inAMonth },
		});
		expect(scheduled).toMatchObject({ operation: 'DEACTIVATE', state: 'RECEIVED', duplicate: false, requestedDateTime: inAMonth });

		const pending = await runOnApi(env(), {
			version,
			parameters: { resource: 'order', operation: 'getMany', returnAll: true, filters: { accessId: ACCESS, state: 'RECEIVED' } },
		});
		expect(jsonOf(pending).map((entry) => entry.orderId)).toEqual([scheduled.orderId]);

		const inTwoMonths = new Date(now + 60 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const updated = await run(version, {
			resource: 'order',
			operation: 'update',
			orderId: scheduled.orderId,
			updateFields: { requestedDateTime: inTwoMonths },
		});
		expect(updated).toMatchObject({ orderId: scheduled.orderId, updated: true, requestedDateTime: inTwoMonths, state: 'RECEIVED' });

		const cancelled = await run(version, { resource: 'order', operation: 'cancel', orderId: scheduled.orderId });
		expect(cancelled).toEqual({ success: true, orderId: scheduled.orderId, cancelled: true, operation: 'DEACTIVATE' });
		const gone = await runOnApi(env(), { version, parameters: { resource: 'order', operation: 'get', orderId: scheduled.orderId } });
		expect(gone.error?.httpCode).toBe('404');

		const deactivated = await run(version, order('deactivate', subscriptionId));
		expect(deactivated).toMatchObject({ operation: 'DEACTIVATE', finalState: 'DONE_SUCCESS', subscriptionId });
		const left = await runOnApi(env(), {
			version,
			parameters: { resource: 'subscription', operation: 'getMany', returnAll: true, filters: { accessId: ACCESS } },
		});
		expect(jsonOf(left)).toEqual([]);

		const events = await runOnApi(env(), { version, parameters: { resource: 'orderEvent', operation: 'getMany', returnAll: true } });
		const states = jsonOf(events).map((event) => `${(event.order as IDataObject).operation} ${(event.order as IDataObject).state}`);
		expect(states).toEqual(expect.arrayContaining(['ACTIVATE DONE_SUCCESS', 'SUSPEND DONE_SUCCESS', 'DEACTIVATE DONE_SUCCESS']));
		const cursor = jsonOf(events)[1].event;
		const since = await runOnApi(env(), {
			version,
			parameters: { resource: 'orderEvent', operation: 'getMany', since: cursor, returnAll: true },
		});
		expect(jsonOf(since)).toEqual(jsonOf(events).slice(2));
	});
});
