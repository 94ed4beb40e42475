/** GET /__admin: the page a person reads (orders with status and log, operators, clock, faults), escaped and self-contained. */
import { DEMO_USERNAME, FAILING_ACCESS_ID, FIBNORR_PASSWORD, startSandbox, type RunningSandbox } from '../../sandbox/src';
import { createOnApiSimulator } from '../../sandbox/src/onapi';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startSandbox({
		clockStart: '2025-06-10T08:00:00Z',
		demo: { arrivals: 0 },
		extraSimulators: [({ clock }) => createOnApiSimulator({ clock })],
	});
});

afterAll(async () => {
	await sandbox.close();
});

afterEach(async () => {
	await sandbox.admin.reset();
});

async function page(query = ''): Promise<{ status: number; contentType: string; body: string }> {
	const response = await sandbox.admin.http.get<string>(`/__admin${query}`, {
		headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
		responseType: 'text',
		transformResponse: (data: string) => data,
	});
	return { status: response.status, contentType: String(response.headers['content-type']), body: response.data };
}

/** The row of the orders table for one order id. */
function rowOf(body: string, id: number): string | undefined {
	return body.split('<tr>').find((row) => row.startsWith(`<td>${id}</td>`));
}

describe('GET /__admin', () => {
	it('is an HTML page with the clock, the operators of both APIs, the faults and the requests', async () => {
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'orders', kind: 'malformedXml', times: 2 });
		const { status, contentType, body } = await page();
		expect(status).toBe(200);
		expect(contentType).toBe('text/html; charset=utf-8');
		expect(body).toMatch(/^<!DOCTYPE html>/);
		expect(body).toContain('Sandbox clock: <strong>2025-06-10T08:00:');
		expect(body).toContain('<td>SNDEMO</td><td>Demostad Stadsnät</td>');
		expect(body).toContain('<td>4712 from 127.0.0.1, ::1</td>');
		expect(body).toContain(`<td>${FAILING_ACCESS_ID}: Fibre not spliced</td>`);
		expect(body).toContain('<td>f1</td><td>tjansteguiden</td><td>orders</td><td>malformedXml</td><td>0 of 2</td><td>2</td>');
	});

	it('shows each order with its status and its log, newest first, and says why older demo orders stay new', async () => {
		const order = await sandbox.admin.tjansteguiden.createOrder({ socket: 'SNDEMO-A0007', service: 'BB250250' });
		await sandbox.admin.tjansteguiden.setOrderStatus(order.id, 'waiting', 'Kalle på stadsnätet');
		const { body } = await page();
		const row = rowOf(body, order.id);
		expect(row).toContain('<span class="status-waiting">waiting</span>');
		expect(row).toContain('<td>SNDEMO-A0007</td><td>BB250250</td>');
		expect(row).toMatch(/<li>2025-06-10 10:00:\d\d system, Kalle på stadsnätet: Status changed to waiting<\/li>/);
		expect(body.indexOf(`<td>${order.id}</td>`)).toBeLessThan(body.indexOf('<td>19530</td>'));
		expect(body).toContain('Why older demo orders stay <code>new</code>:</strong> the Tjänsteguiden Trigger starts from the moment it is');
		expect(body).toContain('11 arrived (new: 8, received: 0, active: 0, waiting: 1, cancelled: 1, delivered: 1)');
	});

	it('documents its filters and applies them: status, operator, ON-API state and rows per table', async () => {
		const waiting = await sandbox.admin.tjansteguiden.createOrder({ socket: 'FIBNORR-1007' });
		await sandbox.admin.tjansteguiden.setOrderStatus(waiting.id, 'waiting');
		const all = (await page()).body;
		expect(all).toContain('<td>status</td><td>/__admin?status=waiting</td>');
		expect(all).toContain('<td>co</td><td>/__admin?co=FIBNORR</td>');

		const onlyWaiting = (await page('?status=waiting')).body;
		expect(onlyWaiting).toContain('Showing 1 of 1 with status waiting');
		expect(rowOf(onlyWaiting, waiting.id)).toBeDefined();
		expect(rowOf(onlyWaiting, 19530)).toBeUndefined();

		const fibnorr = (await page('?co=FIBNORR&limit=2')).body;
		expect(fibnorr).toContain('Showing 2 of 5 with operator FIBNORR');
		expect(fibnorr).not.toContain('<td>SNDEMO</td><td>Demostad Stadsnät</td>');
		expect((await page('?status=lost')).body).toContain('<strong>Unknown status lost</strong>');

		const placed = await sandbox.admin.http.post<{ orderId: string }>(
			'/onapi/FIBNORR/2.4/orders/',
			{ operation: 'ACTIVATE', accessId: FAILING_ACCESS_ID, service: 'BB-100-100', spReference: 'CUST-1' },
			{ auth: { username: DEMO_USERNAME, password: FIBNORR_PASSWORD } },
		);
		expect(placed.status).toBe(201);
		await sandbox.admin.advanceClock(6_000);
		const failed = (await page('?state=DONE_FAILED')).body;
		expect(failed).toContain('Showing 1 of 1, newest first');
		expect(failed).toContain(`<td>FIBNORR</td><td>${placed.data.orderId}</td><td>ACTIVATE</td><td>${FAILING_ACCESS_ID}</td>`);
		expect(failed).toMatch(/<li>2025-06-10T08:00:0\dZ DONE_FAILED: Fibre not spliced<\/li>/);
		expect((await page('?state=RECEIVED')).body).toContain('Showing 0 of 0, newest first');
	});

	it('escapes what orders and customers carry, and loads nothing from elsewhere', async () => {
		const order = await sandbox.admin.tjansteguiden.createOrder({ customer: { firstname: '<script>alert(1)</script>', surname: 'O\'Brien & Co' } });
		await sandbox.admin.tjansteguiden.addLogEntry(order.id, { type: 'log', message: '<img src=x onerror=alert(2)>' });
		const { body } = await page();
		expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; Co');
		expect(body).toContain('&lt;img src=x onerror=alert(2)&gt;');
		expect(body).not.toMatch(/<(script|img|link|iframe|object|embed)\b|https?:\/\//i);
		expect(body).not.toMatch(/<[^>]+\s(src|href)=/i);
		expect((await page('?status=<b>')).body).toContain('Unknown status &lt;b&gt;');
	});

	it('still answers a JSON client with the list of routes, also at /__admin/routes', async () => {
		const json = await sandbox.admin.http.get<{ routes: string[]; simulators: string[] }>('/__admin', { headers: { Accept: 'application/json' } });
		expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(json.data.simulators).toEqual(['tjansteguiden', 'onapi']);
		const routes = await sandbox.admin.http.get<{ routes: string[] }>('/__admin/routes');
		expect(routes.data.routes).toEqual(json.data.routes);
		expect(routes.data.routes[0]).toMatch(/^GET {4}\/__admin {2}\(HTML page/);
	});
});
