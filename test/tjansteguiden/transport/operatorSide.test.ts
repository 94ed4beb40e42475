/**
 * What is particular to the network operator's side, through n8n-core's WorkflowExecute against
 * the sandbox: access by API user and IP address, one network's orders only, and the order flow
 * between a service provider (TL) and a network operator (KO) on the same orders.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunningSandbox } from '../../../sandbox/src';
import {
	SANDBOX_ERROR_STYLE,
	networkOperatorSide,
	operatorAdmin,
	OPERATOR_API_USER,
	runAction,
	serviceProviderSide,
	SNDEMO_SOCKET,
	startTjansteguidenSandbox,
	type ActionRun,
} from '../nodeTestKit';

let sandbox: RunningSandbox;

beforeEach(async () => {
	sandbox = await startTjansteguidenSandbox();
});

afterEach(async () => {
	await sandbox.close();
});

const asOperator = (parameters: INodeParameters, extra: Omit<ActionRun, 'sandbox' | 'parameters' | 'side'> = {}) =>
	runAction({ sandbox, parameters, side: networkOperatorSide, ...extra });
const asServiceProvider = (parameters: INodeParameters) => runAction({ sandbox, parameters, side: serviceProviderSide });

function itemsOf(result: Awaited<ReturnType<typeof runAction>>): IDataObject[] {
	expect(result.error).toBeUndefined();
	return result.outputs[0].map((item) => item.json);
}

async function operatorCalls(): Promise<number> {
	const { entries } = await sandbox.admin.requests({ simulator: 'tjansteguiden' });
	return entries.filter((entry) => entry.path === '/admin/edit/services/plain/orders').length;
}

describe('access by API user and IP address', () => {
	test('an IP address the operator has not allowed: a NodeApiError that says what to set up, after one call', async () => {
		await operatorAdmin(sandbox).setAccess({ apiUser: OPERATOR_API_USER, allowedAddresses: ['192.0.2.10'] });
		const result = await asOperator({ resource: 'order', operation: 'getMany', since: '2026-11-27' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('The Tjänsteguiden operator API does not accept calls from this IP address');
		expect(result.error?.description).toContain('IP address 127.0.0.1 is not allowed');
		expect(result.error?.description).toContain('API Credentials');
		expect(await operatorCalls()).toBe(1);
	});

	test('once the address is allowed, the same workflow works', async () => {
		await operatorAdmin(sandbox).setAccess({ apiUser: OPERATOR_API_USER, allowedAddresses: ['192.0.2.10'] });
		expect((await asOperator({ resource: 'order', operation: 'getMany', since: '2026-11-27' })).error).toBeDefined();
		await operatorAdmin(sandbox).setAccess({ apiUser: OPERATOR_API_USER, allowedAddresses: ['192.0.2.10', '127.0.0.1'] });
		expect((await asOperator({ resource: 'order', operation: 'getMany', since: '2026-11-27' })).error).toBeUndefined();
	});

	test('with continue on fail the refusal becomes an error item carrying the explanation', async () => {
		await operatorAdmin(sandbox).setAccess({ apiUser: OPERATOR_API_USER, allowedAddresses: ['192.0.2.10'] });
		const result = await asOperator({ resource: 'order', operation: 'get', orderId: '19530' }, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toEqual([
			{
				json: {
					error: 'The Tjänsteguiden operator API does not accept calls from this IP address',
					description: expect.stringContaining('API Credentials'),
					// The vendor's documented style refuses with HTTP 400; our reading of the spec with 200.
					...(SANDBOX_ERROR_STYLE === 'documented' ? { httpCode: '400' } : {}),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('an unknown API user: a NodeApiError about the API user', async () => {
		const result = await asOperator({ resource: 'order', operation: 'getMany', since: '2026-11-27' }, { credentials: { apiUser: 9999 } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('The Tjänsteguiden operator API refused the API user');
		expect(result.error?.description).toContain('unknown API user');
	});

	test('HTTP 403 from in front of the site is read as an address problem too', async () => {
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: '/admin/edit', kind: 'html', status: 403 });
		const result = await asOperator({ resource: 'order', operation: 'getMany', since: '2026-11-27' });
		expect(result.error?.message).toBe('The Tjänsteguiden operator API does not accept calls from this IP address');
		expect(result.error?.httpCode).toBe('403');
	});

	test('a credential without a usable site URL fails before any call', async () => {
		const result = await asOperator({ resource: 'order', operation: 'getMany', since: '2026-11-27' }, { credentials: { siteUrl: 'www.example.se' } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/Atlas Site URL must start with https:\/\//);
		expect(await operatorCalls()).toBe(0);
	});

	test('a site URL pasted with the endpoint path still works', async () => {
		const result = await asOperator(
			{ resource: 'order', operation: 'getMany', since: '2026-11-27' },
			{ credentials: { siteUrl: `${sandbox.url}/admin/edit/services/plain/orders/` } },
		);
		expect(result.error).toBeUndefined();
		expect(await operatorCalls()).toBe(1);
	});
});

test("an operator sees the orders and customers on its own network, and nobody else's", async () => {
	const own = await sandbox.admin.tjansteguiden.createOrder({ date: '2026-11-27 08:00:00', socket: SNDEMO_SOCKET });
	const other = await sandbox.admin.tjansteguiden.createOrder({ date: '2026-11-27 08:05:00', socket: 'FIBNORR-1004' });

	const listed = itemsOf(await asOperator({ resource: 'order', operation: 'getMany', since: '2026-11-27' }));
	expect(listed.map((order) => order.id)).toEqual([String(own.id)]);
	const customers = itemsOf(await asOperator({ resource: 'customer', operation: 'getMany', since: '2026-11-27' }));
	expect(customers.map((customer) => customer.id)).toEqual([String(own.customer)]);

	const hidden = await asOperator({ resource: 'order', operation: 'get', orderId: String(other.id) });
	expect(hidden.error?.message).toContain(`Order ${other.id} not found`);
	const hiddenCustomer = await asOperator({ resource: 'customer', operation: 'get', customerId: String(other.customer) });
	expect(hiddenCustomer.error?.message).toContain(`Customer ${other.customer} not found`);

	// The service provider serves both networks.
	const all = itemsOf(await asServiceProvider({ resource: 'order', operation: 'getMany', since: '2026-11-27' }));
	expect(all.map((order) => order.id)).toEqual([String(own.id), String(other.id)]);
});

describe('the order flow between service provider and network operator (docs/network-operators.md)', () => {
	test('the TL asks for activation, the KO reads it from the log and sets the order active', async () => {
		const order = await sandbox.admin.tjansteguiden.createOrder({ date: '2026-11-27 08:30:00', socket: SNDEMO_SOCKET });
		const orderId = String(order.id);

		// TL: imports the order and asks the network operator to activate the access.
		itemsOf(await asServiceProvider({ resource: 'order', operation: 'setStatus', orderId, status: 'waiting' }));
		itemsOf(
			await asServiceProvider({
				resource: 'order',
				operation: 'addMessage',
				orderId,
				messageType: 'alert',
				message: `Aktivering begärd för ${SNDEMO_SOCKET}`,
			}),
		);

		// KO: finds the waiting order, reads the TL's request, and activates.
		const waiting = itemsOf(await asOperator({ resource: 'order', operation: 'getMany', since: '2026-11-27', options: { statuses: ['waiting'] } }));
		expect(waiting.map((item) => item.id)).toEqual([orderId]);
		const log = itemsOf(await asOperator({ resource: 'order', operation: 'getLog', orderId }));
		expect(log.at(-1)).toMatchObject({ type: 'alert', message: `Aktivering begärd för ${SNDEMO_SOCKET}`, user: 'Sandbox User' });
		itemsOf(await asOperator({ resource: 'order', operation: 'setStatus', orderId, status: 'active' }));

		// TL: sees the operator's change and who made it.
		const [seen] = itemsOf(await asServiceProvider({ resource: 'order', operation: 'get', orderId }));
		expect(seen.status).toBe('active');
		const tlLog = itemsOf(await asServiceProvider({ resource: 'order', operation: 'getLog', orderId }));
		expect(tlLog.at(-1)).toMatchObject({ type: 'system', message: 'Status changed to active', user: 'Demostad Stadsnät API' });
	});

	test('when something is wrong, the KO cancels the order with an error message the TL can read', async () => {
		const order = await sandbox.admin.tjansteguiden.createOrder({ date: '2026-11-27 08:30:00', socket: SNDEMO_SOCKET });
		const orderId = String(order.id);
		itemsOf(await asOperator({ resource: 'order', operation: 'setStatus', orderId, status: 'cancelled' }));
		itemsOf(
			await asOperator({ resource: 'order', operation: 'addMessage', orderId, messageType: 'error', message: 'Fibern är inte skarvad' }),
		);

		const [seen] = itemsOf(await asServiceProvider({ resource: 'order', operation: 'get', orderId }));
		expect(seen.status).toBe('cancelled');
		const errors = itemsOf(await asServiceProvider({ resource: 'order', operation: 'getLog', orderId })).filter(
			(entry) => entry.type === 'error',
		);
		expect(errors).toEqual([expect.objectContaining({ message: 'Fibern är inte skarvad', user: 'Demostad Stadsnät API' })]);
	});
});
