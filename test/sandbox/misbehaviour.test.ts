/**
 * A sandbox that misbehaves on purpose, chosen through the admin API (issue 14): the vendor's
 * documented error style, Latin-1 and numeric references, redirects, pages that echo the URL, huge
 * bodies, HTTP-date Retry-After, a permanently failing order, an endpoint list naming another host.
 */
import {
	DEMO_API_KEY,
	DEMO_API_USER,
	DEMO_USERNAME,
	SNDEMO_PASSWORD,
	startSandbox,
	type RunningSandbox,
} from '../../sandbox/src';
import { createOnApiSimulator } from '../../sandbox/src/onapi';
import { call, envelope, isWellFormed, login, parseXml } from './tjansteguidenTestKit';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ clockStart: '2025-06-10T08:00:00Z', extraSimulators: [({ clock }) => createOnApiSimulator({ clock })] });
});

afterAll(async () => {
	await sandbox.close();
});

afterEach(async () => {
	await sandbox.admin.reset();
});

const TODAY = '2025-06-10';

async function raw(path: string, params: Record<string, string | number>): Promise<{ status: number; headers: Record<string, string>; bytes: Buffer }> {
	const response = await sandbox.admin.http.get<ArrayBuffer>(path, { params, responseType: 'arraybuffer', maxRedirects: 0 });
	return { status: response.status, headers: response.headers as Record<string, string>, bytes: Buffer.from(response.data) };
}

describe('the documented error style', () => {
	it('answers every error with HTTP 400 and status failed, the root named after the method, once errorStyle is documented', async () => {
		await sandbox.admin.tjansteguiden.updateConfig({ errorStyle: 'documented' });
		const refused = await call(sandbox, { method: 'orders', date: TODAY, hash: 'not-a-hash' });
		expect(refused.status).toBe(400);
		expect(refused.body).toContain('<orders generator="zend" version="1.0">');
		expect(envelope(refused.body)).toMatchObject({ root: 'orders', status: 'failed', message: 'Invalid or expired hash' });
		expect((parseXml(refused.body).orders?.response as Record<string, unknown>).log).toBe('Invalid or expired hash');

		const unknown = await call(sandbox, { method: 'no_such_method' });
		expect(unknown.status).toBe(404);
		expect(envelope(unknown.body)).toMatchObject({ root: 'no_such_method', status: 'failed', message: 'Unknown method: no_such_method' });

		const hash = await login(sandbox);
		const listed = await call(sandbox, { method: 'orders', date: TODAY, hash });
		expect([listed.status, envelope(listed.body).status]).toEqual([200, 'success']);

		await sandbox.admin.reset();
		expect((await call(sandbox, { method: 'orders', date: TODAY, hash: 'not-a-hash' })).status).toBe(200);
	});

	it('answers one call that way through a documentedError fault rule, with its message', async () => {
		const hash = await login(sandbox);
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'orders', kind: 'documentedError', message: 'Database error' });
		const failed = await call(sandbox, { method: 'orders', date: TODAY, hash });
		expect(failed.status).toBe(400);
		expect(envelope(failed.body)).toMatchObject({ root: 'orders', status: 'failed', message: 'Database error' });
		expect((await call(sandbox, { method: 'orders', date: TODAY, hash })).status).toBe(200);
	});

	it('refuses an unknown error style', async () => {
		await expect(sandbox.admin.tjansteguiden.updateConfig({ errorStyle: 'loud' as never })).rejects.toThrow('errorStyle must be one of assumed, documented');
	});
});

describe('character encodings', () => {
	async function customerWithUmlauts(): Promise<{ hash: string; customer: number }> {
		const order = await sandbox.admin.tjansteguiden.createOrder({ customer: { firstname: 'Åsa', surname: 'Öberg', city: 'Torshälla', address: 'Euroväg 1 €' } });
		return { hash: await login(sandbox), customer: order.customer };
	}

	it('latin1: the answer in ISO-8859-1, declared in the header and the XML declaration', async () => {
		const { hash, customer } = await customerWithUmlauts();
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'customer_info', kind: 'latin1' });
		const answer = await raw('/plain/serviceguide_log', { method: 'customer_info', id: customer, hash });
		expect(answer.headers['content-type']).toBe('application/xml; charset=ISO-8859-1');
		expect(answer.bytes.includes(Buffer.from('Torsh\u00e4lla', 'latin1'))).toBe(true);
		expect(answer.bytes.includes(Buffer.from('Torshälla', 'utf8'))).toBe(false);
		const text = answer.bytes.toString('latin1');
		expect(text).toMatch(/^<\?xml version="1.0" encoding="ISO-8859-1"\?>/);
		expect(text).toContain('<address>Euroväg 1 &#8364;</address>');
	});

	it('numericReferences: every non-ASCII character as &#NNN;', async () => {
		const { hash, customer } = await customerWithUmlauts();
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', match: 'customer_info', kind: 'numericReferences' });
		const answer = await call(sandbox, { method: 'customer_info', id: customer, hash });
		expect(answer.body).toContain('<city>Torsh&#228;lla</city>');
		expect(answer.body).toContain('<firstname>&#197;sa</firstname>');
		expect(answer.body).not.toMatch(/[^\x00-\x7F]/);
		expect(isWellFormed(answer.body)).toBe(true);
	});
});

describe('redirects, echoing error pages, huge bodies and Retry-After', () => {
	it('redirect: a 302 to another origin keeps the path and query; a full URL is sent as is', async () => {
		await sandbox.admin.addFaults([
			{ simulator: 'tjansteguiden', kind: 'redirect', location: 'http://127.0.0.1:9' },
			{ simulator: 'onapi', kind: 'redirect', status: 307, location: 'http://elsewhere.invalid/moved' },
		]);
		const moved = await raw('/plain/serviceguide_log', { method: 'api_login', api_user: DEMO_API_USER, api_key: DEMO_API_KEY });
		expect(moved.status).toBe(302);
		expect(moved.headers.location).toBe(`http://127.0.0.1:9/plain/serviceguide_log?method=api_login&api_user=${DEMO_API_USER}&api_key=${DEMO_API_KEY}`);
		const onApi = await sandbox.admin.http.get('/onapi/SNDEMO/2.6/', { maxRedirects: 0, auth: { username: DEMO_USERNAME, password: SNDEMO_PASSWORD } });
		expect([onApi.status, onApi.headers.location]).toEqual([307, 'http://elsewhere.invalid/moved']);
		await expect(sandbox.admin.addFault({ kind: 'redirect', status: 200 })).rejects.toThrow('redirect needs a status of 301, 302, 303, 307 or 308');
	});

	it('echoUrl: an error page that repeats the URL, the key in its query included, as text, in a link and encoded', async () => {
		await sandbox.admin.addFault({ simulator: 'tjansteguiden', kind: 'echoUrl' });
		const page = await call(sandbox, { method: 'api_login', api_user: DEMO_API_USER, api_key: DEMO_API_KEY });
		expect(page.status).toBe(404);
		expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(page.body).toContain(`api_user=${DEMO_API_USER}&amp;api_key=${DEMO_API_KEY}`);
		expect(page.body).toContain(encodeURIComponent(`&api_key=${DEMO_API_KEY}`));
	});

	it('hugeBody: the normal answer padded to the size asked for, still well-formed XML or JSON', async () => {
		const hash = await login(sandbox);
		await sandbox.admin.addFaults([
			{ simulator: 'tjansteguiden', match: 'orders', kind: 'hugeBody', sizeBytes: 3_000_000 },
			{ simulator: 'onapi', kind: 'hugeBody', sizeBytes: 1_000_000 },
		]);
		const xml = await call(sandbox, { method: 'orders', date: TODAY, hash });
		expect(Buffer.byteLength(xml.body)).toBeGreaterThanOrEqual(3_000_000);
		expect(isWellFormed(xml.body)).toBe(true);
		expect(envelope(xml.body)).toMatchObject({ root: 'orders', status: 'success' });
		const json = await sandbox.admin.http.get<string>('/onapi/SNDEMO/2.6/', {
			responseType: 'text',
			transformResponse: (data: string) => data,
			auth: { username: DEMO_USERNAME, password: SNDEMO_PASSWORD },
		});
		expect(json.data.length).toBeGreaterThanOrEqual(1_000_000);
		expect((JSON.parse(json.data) as unknown[]).length).toBeGreaterThan(3);
	});

	it('status429: Retry-After as an HTTP date on the sandbox clock, or any text as is', async () => {
		await sandbox.admin.addFaults([
			{ simulator: 'tjansteguiden', kind: 'status429', retryAfterSeconds: 120, retryAfterDate: true },
			{ simulator: 'tjansteguiden', kind: 'status429', retryAfter: '-1' },
		]);
		const dated = await call(sandbox, { method: 'orders', date: TODAY });
		expect(dated.status).toBe(429);
		const retryAt = Date.parse(dated.headers['retry-after'] as string);
		expect(dated.headers['retry-after']).toMatch(/^Tue, 10 Jun 2025 08:0\d:\d\d GMT$/);
		const now = Date.parse((await sandbox.admin.clock()).now);
		expect(Math.abs(retryAt - (now + 120_000))).toBeLessThan(5_000);
		expect((await call(sandbox, { method: 'orders', date: TODAY })).headers['retry-after']).toBe('-1');
	});
});

describe('a permanently failing order', () => {
	it('fails customer_info of its customer on every call, until cleared, and nothing else', async () => {
		const broken = await sandbox.admin.tjansteguiden.createOrder({ socket: 'SNDEMO-A0004' });
		const fine = await sandbox.admin.tjansteguiden.createOrder({ socket: 'SNDEMO-A0005' });
		expect(await sandbox.admin.tjansteguiden.setFailing(broken.id, 'customer_info')).toEqual({
			method: 'customer_info',
			id: broken.customer,
			failing: true,
			message: `Customer ${broken.customer} not found`,
		});
		const hash = await login(sandbox);
		for (let attempt = 0; attempt < 3; attempt++) {
			expect(envelope((await call(sandbox, { method: 'customer_info', id: broken.customer, hash })).body).message).toBe(`Customer ${broken.customer} not found`);
		}
		expect(envelope((await call(sandbox, { method: 'customer_info', id: broken.customer, hash: 'stale' })).body).message).toBe('Invalid or expired hash');
		expect(envelope((await call(sandbox, { method: 'order_info', id: broken.id, hash })).body).status).toBe('success');
		expect(envelope((await call(sandbox, { method: 'customer_info', id: fine.customer, hash })).body).status).toBe('success');

		await sandbox.admin.tjansteguiden.setFailing(broken.id, 'order_info', { message: 'Order cannot be shown' });
		expect(envelope((await call(sandbox, { method: 'order_info', id: broken.id, hash })).body).message).toBe('Order cannot be shown');
		await sandbox.admin.tjansteguiden.setFailing(broken.id, 'customer_info', { clear: true });
		expect(envelope((await call(sandbox, { method: 'customer_info', id: broken.customer, hash })).body).status).toBe('success');
		await expect(sandbox.admin.tjansteguiden.setFailing(broken.id, 'orders' as never)).rejects.toThrow('method must be order_info or customer_info');
	});
});

describe('an ON-API endpoint list naming another host', () => {
	it('foreignEndpoints: discovery lists absolute URLs on the rule origin; other requests are not counted', async () => {
		await sandbox.admin.addFault({ simulator: 'onapi', kind: 'foreignEndpoints', location: 'http://127.0.0.1:1' });
		const auth = { username: DEMO_USERNAME, password: SNDEMO_PASSWORD };
		expect((await sandbox.admin.http.get('/onapi/SNDEMO/2.6/orders/', { auth })).status).toBe(200);
		const listed = await sandbox.admin.http.get<Array<{ name: string; endpoint: string }>>('/onapi/SNDEMO/2.6/', { auth });
		expect(listed.data.length).toBeGreaterThan(3);
		for (const entry of listed.data) expect(entry.endpoint.startsWith('http://127.0.0.1:1/onapi/SNDEMO/2.6/')).toBe(true);
		const again = await sandbox.admin.http.get<Array<{ endpoint: string }>>('/onapi/SNDEMO/2.6/', { auth });
		expect(again.data[0]?.endpoint).toBe('/onapi/SNDEMO/2.6/accesses/');
	});
});
