/** What each method's answer reads as (transport/normalize.ts), from the spec's own examples on. */
import type { IDataObject } from 'n8n-workflow';

import { readEnvelope } from '../../../nodes/Tjansteguiden/transport/envelope';
import { parseXml } from '../../../nodes/Tjansteguiden/transport/xml';
import {
	customerInfoFromPayload,
	customersFromPayload,
	logEntriesFromPayload,
	messageFromPayload,
	orderInfoFromPayload,
	ordersFromPayload,
} from '../../../nodes/Tjansteguiden/transport/normalize';
import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { API_SIDES, pollTrigger, runAction, serviceProviderSide } from '../nodeTestKit';
import { startScriptedApi, successXml, type ScriptedApi } from '../scriptedApi';
import { API_LOGIN, CO_ORDERS, CUSTOMER_INFO, CUSTOMERS, SET_STATUS } from '../specExamples';

const payloadOf = (xml: string) => readEnvelope(parseXml(xml)).payload as IDataObject;

describe('the spec examples parse to the documented JSON', () => {
	test('orders (CO example: <serviceguide> root, no <status>)', () => {
		expect(ordersFromPayload(payloadOf(CO_ORDERS))).toEqual([
			{
				id: '19530',
				type: 'order',
				date: '2015-10-06T11:48:00+02:00',
				status: 'new',
				service: '2440',
				xsp: '31420',
				delivery: '2015-10-06T00:00:00+02:00',
				customer: '16745',
			},
			{
				id: '19531',
				type: 'order',
				date: '2015-10-06T11:48:00+02:00',
				status: 'new',
				service: '2440',
				xsp: '31420',
				delivery: 'asap',
				customer: '16746',
			},
		]);
	});

	test('the same orders under the service-provider envelope (<orders> with <status>)', () => {
		const spVariant = CO_ORDERS.replace('<serviceguide>', '<orders>').replace(
			'</serviceguide>',
			'<status>success</status></orders>',
		);
		expect(ordersFromPayload(payloadOf(spVariant))).toEqual(ordersFromPayload(payloadOf(CO_ORDERS)));
	});

	test('one order is still a list of one', () => {
		const one = `<orders><response><order><id>7</id><status>new</status></order></response><status>success</status></orders>`;
		expect(ordersFromPayload(payloadOf(one))).toEqual([{ id: '7', status: 'new' }]);
	});

	test('customer_info keeps leading zeros and strings', () => {
		expect(customerInfoFromPayload(payloadOf(CUSTOMER_INFO))).toEqual({
			id: '10573',
			socket: 'KC0101A06',
			serial: '19700101010101',
			firstname: 'Susanne',
			surname: 'Testqvist',
			email: 'testqvist@epost.se',
			address: 'Testgatan10b',
			zip: '64430',
			city: 'Torshälla',
			data: { phone: '0708530013', premise: '1002' },
		});
	});

	test('customer_info without <response>/<status> (CO variant) gives the same shape', () => {
		const unwrapped = CUSTOMER_INFO.replace(/<\/?response>/g, '').replace('<status>success</status>', '');
		expect(customerInfoFromPayload(payloadOf(unwrapped))).toEqual(customerInfoFromPayload(payloadOf(CUSTOMER_INFO)));
	});

	test('customers: minute timestamps become ISO with the Stockholm offset', () => {
		const customers = customersFromPayload(payloadOf(CUSTOMERS));
		expect(customers).toHaveLength(2);
		expect(customers[1]).toEqual({
			id: '48962',
			socket: 'CCTW0151B87',
			serial: '190001010202',
			firstname: 'Anton',
			surname: 'Testblom',
			date: '2018-01-01T12:34:00+01:00',
		});
	});

	test('set_status message and api_login hash', () => {
		expect(messageFromPayload(payloadOf(SET_STATUS))).toBe('Status changed to delivered for order 1234');
		expect(payloadOf(API_LOGIN).hash_key).toBe('6a075bdba19b85170ae95666a240a2d1');
	});
});

describe('tolerant reading', () => {
	test('order_info: an <order> element or the fields directly under <response>', () => {
		const wrapped = `<order_info><response><order><id>5</id><socket>AB-1</socket></order></response><status>success</status></order_info>`;
		const bare = `<order_info><response><id>5</id><socket>AB-1</socket></response><status>success</status></order_info>`;
		expect(orderInfoFromPayload(payloadOf(wrapped))).toEqual({ id: '5', socket: 'AB-1' });
		expect(orderInfoFromPayload(payloadOf(bare))).toEqual({ id: '5', socket: 'AB-1' });
	});

	test('order_log entries, and an empty log', () => {
		const log = `<order_log><response><log><id>1</id><date>2026-03-29 02:30:00</date><type>system</type><message>Status changed to received</message></log></response><status>success</status></order_log>`;
		const entries = logEntriesFromPayload(payloadOf(log));
		expect(entries).toEqual([
			// 02:30 does not exist on the spring-forward night; luxon moves it to 03:30 summer time.
			{ id: '1', date: '2026-03-29T03:30:00+02:00', type: 'system', message: 'Status changed to received' },
		]);
		expect(logEntriesFromPayload(payloadOf(`<order_log><response/><status>success</status></order_log>`))).toEqual([]);
	});

	test('escaped characters and Swedish letters survive', () => {
		const xml = `<add_message><response><message>Port finns ej &amp; kund väntar &lt;3</message></response><status>success</status></add_message>`;
		expect(messageFromPayload(payloadOf(xml))).toBe('Port finns ej & kund väntar <3');
	});
});

describe('a listing that carries something, but no <order>/<customer>, is an error (issue 14, item 16)', () => {
	let api: ScriptedApi;
	let listing: string;
	beforeEach(async () => {
		resetProcessState();
		api = await startScriptedApi((call) => (['orders', 'customers', 'order_log'].includes(call.method) ? { body: listing } : undefined));
	});
	afterEach(async () => await api.close());

	const ROWS = '<row><id>19530</id><status>new</status></row><row><id>19531</id><status>new</status></row><total>2</total>';

	test.each(API_SIDES)('order getMany ($name side) names the elements that arrived, not their data', async (side) => {
		listing = successXml('orders', ROWS);
		const result = await runAction({ sandbox: api, side, parameters: { resource: 'order', operation: 'getMany', since: '2026-11-27' } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/no <order>/);
		expect(`${result.error?.message} ${result.error?.description}`).toMatch(/<row>.*<total>/);
		expect(JSON.stringify(result.error)).not.toContain('19530');
	});

	test('customer getMany, the same for <customer>', async () => {
		listing = successXml('customers', '<person><id>16745</id></person>');
		const result = await runAction({ sandbox: api, parameters: { resource: 'customer', operation: 'getMany', since: '2026-11-27' } });
		expect(result.error?.message).toMatch(/no <customer>/);
		expect(`${result.error?.message} ${result.error?.description}`).toContain('<person>');
	});

	test('the trigger fails its poll instead of seeing zero orders', async () => {
		listing = successXml('orders', ROWS);
		await expect(pollTrigger({ sandbox: api, side: serviceProviderSide, staticData: {} })).rejects.toThrow(/no <order>/);
	});

	test('an empty listing is still an empty list', async () => {
		listing = '<orders><response/><status>success</status></orders>';
		const result = await runAction({ sandbox: api, parameters: { resource: 'order', operation: 'getMany', since: '2026-11-27' } });
		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toEqual([]);
	});
});
