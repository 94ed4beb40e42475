/** "Include Personal Data" off: the fields that identify or reach a person are left out. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { stockholmToday } from '../../../nodes/Tjansteguiden/helpers/dates';
import { withoutPersonalData } from '../../../nodes/Tjansteguiden/helpers/personalData';
import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { customerInfoFromPayload } from '../../../nodes/Tjansteguiden/transport/normalize';
import { readEnvelope } from '../../../nodes/Tjansteguiden/transport/envelope';
import { parseXml } from '../../../nodes/Tjansteguiden/transport/xml';
import { jsonOf, pollTrigger, runAction, serviceProviderSide } from '../nodeTestKit';
import { startScriptedApi, successXml, type ScriptedApi } from '../scriptedApi';
import { CUSTOMER_INFO } from '../specExamples';

const payloadOf = (xml: string) => readEnvelope(parseXml(xml)).payload as IDataObject;

test('personal data is removed unless asked for, also inside data', () => {
	const customer = customerInfoFromPayload(payloadOf(CUSTOMER_INFO));
	const stripped = withoutPersonalData(customer);
	expect(stripped).not.toHaveProperty('serial');
	expect(stripped).not.toHaveProperty('email');
	expect(stripped.data).toEqual({ premise: '1002' });
	expect(stripped.firstname).toBe('Susanne');
});

describe('"Include Personal Data" off holds for every output (issue 14, item 10)', () => {
	let api: ScriptedApi;
	beforeEach(async () => {
		resetProcessState();
		api = await startScriptedApi((call) => {
			if (call.method === 'customer_info') {
				return {
					body: successXml(
						'customer_info',
						'<customer><id>500</id><firstname>Astrid</firstname><serial>191212121212</serial></customer>' +
							'<data><personnummer>191212121212</personnummer><telefon>0701234567</telefon><epost>astrid@example.se</epost>' +
							'<mobilnummer>0731234567</mobilnummer><premise>1002</premise></data>',
					),
				};
			}
			if (call.method === 'order_info') {
				return {
					body: successXml(
						'order_info',
						'<order><id>7</id><status>new</status><customer>500</customer><socket>SN-7</socket><phone>0701234567</phone><contact><email>astrid@example.se</email><name>Astrid</name></contact></order>',
					),
				};
			}
			if (call.method === 'orders') {
				return { body: successXml('orders', `<order><id>7</id><date>${stockholmToday()} 08:00:00</date><status>new</status><customer>500</customer></order>`) };
			}
			return undefined;
		});
	});
	afterEach(async () => await api.close());

	const PERSONAL = ['191212121212', '0701234567', 'astrid@example.se', '0731234567'];
	const expectNone = (value: unknown) => {
		for (const text of PERSONAL) expect(JSON.stringify(value)).not.toContain(text);
	};

	test('Swedish keys under <data> (personnummer, telefon, epost, mobilnummer) are left out', async () => {
		const [customer] = jsonOf(await runAction({ sandbox: api, parameters: { resource: 'customer', operation: 'get', customerId: '500' } }));
		expectNone(customer);
		expect(customer).toMatchObject({ firstname: 'Astrid', data: { premise: '1002' } });
	});

	test('Raw Output is filtered too', async () => {
		const result = await runAction({ sandbox: api, parameters: { resource: 'customer', operation: 'get', customerId: '500', options: { rawOutput: true } } });
		expectNone(jsonOf(result));
		expect(jsonOf(result)[0]).toHaveProperty('customer_info.response.customer.firstname', 'Astrid');
	});

	test('order get filters order_info, unless asked, also in Raw Output', async () => {
		const get = (options: INodeParameters) => runAction({ sandbox: api, parameters: { resource: 'order', operation: 'get', orderId: '7', options } });
		const [plain] = jsonOf(await get({}));
		expectNone(plain);
		expect(plain).toMatchObject({ id: '7', socket: 'SN-7', contact: { name: 'Astrid' } });
		expectNone(jsonOf(await get({ rawOutput: true })));
		const [full] = jsonOf(await get({ includePersonalData: true }));
		expect(full).toMatchObject({ phone: '0701234567', contact: { email: 'astrid@example.se' } });
	});

	test("the trigger filters the order's details as well as the customer", async () => {
		const items = await pollTrigger({ sandbox: api, side: serviceProviderSide, staticData: {}, parameters: { options: { backfillDays: 1 } } });
		expect(items.map((item) => item.id)).toEqual(['7']);
		expectNone(items);
		expect(items[0]).toMatchObject({ socket: 'SN-7', customerInfo: { firstname: 'Astrid' } });
	});
});
