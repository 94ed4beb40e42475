/**
 * One order whose details always fail must not block the others (issue 14, item 2), through the
 * trigger's poll against a scripted API: a permanent failure for one order (the API's own "not
 * found") emits that order with what is known and a `detailsError`; a transient one (5xx,
 * timeouts, unreadable answers) still fails the poll so that the next one tries again.
 */
import type { IDataObject } from 'n8n-workflow';

import { stockholmToday } from '../../../nodes/Tjansteguiden/helpers/dates';
import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { API_SIDES, pollTrigger, type ApiSideFixture } from '../nodeTestKit';
import { startScriptedApi, successXml, type ScriptedAnswer, type ScriptedApi, type ScriptedCall } from '../scriptedApi';

const today = stockholmToday();
const listing = (ids: string[]) =>
	successXml(
		'orders',
		ids.map((id) => `<order><id>${id}</id><date>${today} 08:0${id.slice(-1)}:00</date><status>new</status><customer>${id === '101' ? '999' : '500'}</customer></order>`).join(''),
	);
const orderInfo = (id: string) => successXml('order_info', `<order><id>${id}</id><socket>SN-${id}</socket><customer>${id === '101' ? '999' : '500'}</customer></order>`);
const failed = (method: string, message: string, status = 400): ScriptedAnswer => ({
	status,
	body: `<${method}><response><message>${message}</message></response><status>failed</status></${method}>`,
});

let api: ScriptedApi;
let override: (call: ScriptedCall) => ScriptedAnswer | undefined;
beforeEach(async () => {
	resetProcessState();
	override = () => undefined;
	api = await startScriptedApi((call) => {
		const scripted = override(call);
		if (scripted) return scripted;
		if (call.method === 'orders') return { body: listing(['101', '102']) };
		if (call.method === 'order_info') return { body: orderInfo(call.query.id) };
		if (call.method === 'customer_info') {
			return call.query.id === '999'
				? failed('customer_info', 'Customer 999 not found')
				: { body: successXml('customer_info', '<customer><id>500</id><firstname>Astrid</firstname></customer>') };
		}
		return undefined;
	});
});
afterEach(async () => await api.close());

describe.each(API_SIDES)('$name side', (side: ApiSideFixture) => {
	const poll = async (staticData: IDataObject) =>
		await pollTrigger({ sandbox: api, side, staticData, parameters: { options: { backfillDays: 1 } } });

	test('a customer the API never finds: that order comes with a detailsError, the other in full, and neither again', async () => {
		const staticData: IDataObject = {};
		const items = await poll(staticData);
		expect(items.map((item) => item.id)).toEqual(['101', '102']);
		expect(items[0]).toMatchObject({ socket: 'SN-101', detailsError: expect.stringContaining('Customer 999 not found') });
		expect(items[0]).not.toHaveProperty('customerInfo');
		expect(items[1]).toMatchObject({ socket: 'SN-102', customerInfo: { firstname: 'Astrid' } });
		expect(items[1]).not.toHaveProperty('detailsError');
		expect(await poll(staticData)).toEqual([]);
	});

	test('an order the API never finds: emitted with its listing fields and a detailsError', async () => {
		override = (call) => (call.method === 'order_info' && call.query.id === '101' ? failed('order_info', 'Order 101 not found') : undefined);
		const items = await poll({});
		expect(items.map((item) => item.id)).toEqual(['101', '102']);
		expect(items[0]).toMatchObject({ status: 'new', detailsError: expect.stringContaining('Order 101 not found') });
		expect(items[0]).not.toHaveProperty('socket');
	});

	test('a transient failure for one order still fails the poll, and the next poll emits both', async () => {
		let failures = 1;
		override = (call) =>
			call.method === 'order_info' && call.query.id === '101' && failures-- > 0 ? failed('order_info', 'Database busy', 503) : undefined;
		const staticData: IDataObject = {};
		await expect(poll(staticData)).rejects.toThrow(/Database busy/);
		expect((staticData['node:Node Under Test'] as IDataObject | undefined)?.state).toBeUndefined();
		expect((await poll(staticData)).map((item) => item.id)).toEqual(['101', '102']);
	});
});

describe('where order_info lacks the access, the operator or the service (issue 14, item 18)', () => {
	const poll = async () =>
		await pollTrigger({ sandbox: api, side: API_SIDES[0], staticData: {}, parameters: { options: { backfillDays: 1 } } });

	test('they come from customer_info and the listing, and the item says which source was used', async () => {
		override = (call) => {
			if (call.method === 'orders') {
				return { body: successXml('orders', `<order><id>102</id><date>${today} 08:02:00</date><status>new</status><customer>500</customer><service_uid>BB100100</service_uid></order>`) };
			}
			if (call.method === 'order_info') return { body: successXml('order_info', '<order><id>102</id><customer>500</customer></order>') };
			if (call.method === 'customer_info') {
				return { body: successXml('customer_info', '<customer><id>500</id><socket>SNDEMO-A0004</socket><co>SNDEMO</co></customer>') };
			}
			return undefined;
		};
		const [item] = await poll();
		expect(item).toMatchObject({
			socket: 'SNDEMO-A0004',
			co: 'SNDEMO',
			service_uid: 'BB100100',
			fieldSources: { socket: 'customer_info', co: 'customer_info', service_uid: 'orders' },
		});
	});

	test('names that differ (access_id, operator) are read as the same fields', async () => {
		override = (call) =>
			call.method === 'order_info'
				? { body: successXml('order_info', '<order><id>102</id><customer>500</customer><access_id>SN-102</access_id><operator>SNDEMO</operator><service_uid>X1</service_uid></order>') }
				: undefined;
		const items = await poll();
		expect(items.find((item) => item.id === '102')).toMatchObject({
			socket: 'SN-102',
			co: 'SNDEMO',
			service_uid: 'X1',
			fieldSources: { socket: 'order_info', co: 'order_info', service_uid: 'order_info' },
		});
	});

	test('a field found nowhere is marked missing, so that a workflow can route on it', async () => {
		const items = await poll();
		expect(items.find((item) => item.id === '102')).toMatchObject({ socket: 'SN-102', fieldSources: { socket: 'order_info', co: 'missing', service_uid: 'missing' } });
	});
});
