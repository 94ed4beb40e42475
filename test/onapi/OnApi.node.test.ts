/**
 * What the node does with several items (the shared router): they are placed side by side
 * (bounded by Concurrent Items), each waits for its own order, the output keeps the input order,
 * and with Continue On Fail a bad item becomes an error item paired with its input.
 */
import { TAKEN_ACCESS_ID } from '../../sandbox/src';
import { FAST_WAIT, jsonOf, onApiRequests, runOnApi, statusesOf, useOnApiSandbox, whenRequested } from './onApiTestKit';

const env = useOnApiSandbox();

const accesses = ['SNDEMO-A0001', 'SNDEMO-A0002', 'SNDEMO-A0003', 'SNDEMO-A0004'];
const parameters = (itemConcurrency: number) => ({
	resource: 'order',
	operation: 'activate',
	accessId: '={{ $json.accessId }}',
	service: 'BB-100-100',
	additionalFields: { spReference: '={{ $json.ref }}' },
	waitForCompletion: true,
	waitOptions: FAST_WAIT,
	itemConcurrency,
});
const inputItems = accesses.map((accessId, i) => ({ json: { accessId, ref: `TG-${i}` } }));

async function finishWhenPosted(count: number) {
	await whenRequested(env(), /^POST .*\/orders?\/$/, count);
	env().sandbox.clock.advance(60_000);
}

test('all orders are placed before any is waited for, and output keeps input order', async () => {
	const credentialReads: Record<string, number> = {};
	const [result] = await Promise.all([runOnApi(env(), { parameters: parameters(4), inputItems, credentialReads }), finishWhenPosted(4)]);
	expect(result.error).toBeUndefined();
	expect(jsonOf(result).map((json) => [json.accessId, json.finalState])).toEqual(
		accesses.map((accessId) => [accessId, 'DONE_SUCCESS']),
	);
	expect(result.outputs[0].map((item) => item.pairedItem)).toEqual(accesses.map((_, item) => ({ item })));
	const requests = await onApiRequests(env());
	const posts = requests.map((request, index) => (request.startsWith('POST') ? index : -1)).filter((index) => index >= 0);
	const firstOrderRead = requests.findIndex((request) => /^GET .*\/orders?\/[^/]+$/.test(request));
	expect(posts).toHaveLength(4);
	expect(Math.max(...posts)).toBeLessThan(firstOrderRead);
	// Four items started together share one discovery of the operator's endpoints (the API root),
	// and the run reads the credential once for its many requests.
	expect(requests.filter((request) => request === 'GET /onapi/SNDEMO/2.6/')).toHaveLength(1);
	expect(requests.length).toBeGreaterThan(8);
	expect(credentialReads).toEqual({ onApi: 1 });
});

test('Concurrent Items 1 places one order at a time', async () => {
	const result = await (async () => {
		const run = runOnApi(env(), { parameters: parameters(1), inputItems: inputItems.slice(0, 2) });
		for (let posted = 1; posted <= 2; posted++) await finishWhenPosted(posted);
		return await run;
	})();
	expect(jsonOf(result).map((json) => json.finalState)).toEqual(['DONE_SUCCESS', 'DONE_SUCCESS']);
	const requests = await onApiRequests(env());
	const secondPost = requests.map((request, index) => (request.startsWith('POST') ? index : -1)).filter((i) => i >= 0)[1];
	const firstOrderRead = requests.findIndex((request) => /^GET .*\/orders?\/[^/]+$/.test(request));
	expect(firstOrderRead).toBeLessThan(secondPost);
});

test('continues on fail item by item, each output paired with its input', async () => {
	const result = await runOnApi(env(), {
		continueOnFail: true,
		parameters: {
			resource: 'order',
			operation: 'activate',
			accessId: '={{ $json.accessId }}',
			service: 'BB-100-100',
		},
		inputItems: [{ json: { accessId: 'SNDEMO-A0020' } }, { json: { accessId: 'bad id' } }, { json: { accessId: TAKEN_ACCESS_ID } }],
	});
	expect(result.error).toBeUndefined();
	const items = result.outputs[0];
	expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(items[0].json).toMatchObject({ accessId: 'SNDEMO-A0020', state: 'RECEIVED', duplicate: false });
	expect(String(items[1].json.error)).toMatch(/^Invalid field "accessId"/);
	expect(items[2].json).toMatchObject({ error: 'ServiceType is already claimed by other Service Provider.', httpCode: '409' });
	expect(await statusesOf(env(), 'POST orders/')).toEqual([201, 409]);
});
