import axios from 'axios';

import { SandboxAdminError, startSandbox, type RunningSandbox } from '../../sandbox/src';
import { call, envelope, isWellFormed, listOf, login, type OrderXml } from './tjansteguidenTestKit';

describe('fault injection', () => {
	let sandbox: RunningSandbox;
	let hash: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ clockStart: '2025-06-10T10:00:00Z' });
	});

	afterAll(async () => {
		await sandbox.close();
	});

	beforeEach(async () => {
		await sandbox.admin.reset();
		await sandbox.admin.tjansteguiden.createOrders([{ date: '2025-06-10T08:00:00Z' }, { date: '2025-06-10T09:00:00Z' }]);
		hash = await login(sandbox);
	});

	const listOrders = () => call(sandbox, { method: 'orders', hash, date: '2025-06-10' });

	describe('generic kinds', () => {
		it('http5xx fires once by default, then the API answers normally again', async () => {
			const rule = await sandbox.admin.addFault({ kind: 'http5xx', status: 503 });
			expect(rule).toMatchObject({ kind: 'http5xx', status: 503, times: 1, remaining: 1 });

			const faulted = await listOrders();
			const normal = await listOrders();

			expect(faulted.status).toBe(503);
			expect(faulted.headers['content-type']).toMatch(/^text\/html/);
			expect(faulted.body).toContain('503 Service Unavailable');
			expect(normal.status).toBe(200);
			expect(listOf<OrderXml>(normal.body, 'order')).toHaveLength(2);
			expect(await sandbox.admin.faults()).toEqual([expect.objectContaining({ id: rule.id, remaining: 0, fired: 1 })]);
		});

		it('lets `skip` requests through, then fires `times` times', async () => {
			await sandbox.admin.addFault({ kind: 'http5xx', skip: 1, times: 2 });

			const statuses: number[] = [];
			for (let i = 0; i < 4; i++) statuses.push((await listOrders()).status);

			expect(statuses).toEqual([200, 500, 500, 200]);
		});

		it('matches on the Tjänsteguiden method name only', async () => {
			await sandbox.admin.addFault({ kind: 'http5xx', match: 'order_info', times: 5 });

			expect((await listOrders()).status).toBe(200);
			expect((await call(sandbox, { method: 'order_info', hash, id: 1 })).status).toBe(500);
			expect((await sandbox.admin.faults())[0]).toMatchObject({ remaining: 4, fired: 1 });
		});

		it('matches on a path substring and on the simulator name', async () => {
			await sandbox.admin.addFaults([
				{ kind: 'http5xx', simulator: 'tjansteguiden', match: '/plain/serviceguide', status: 502 },
				{ kind: 'http5xx', match: '/no/such/simulator' },
			]);

			expect((await listOrders()).status).toBe(502);
			expect((await sandbox.admin.faults()).map((rule) => rule.remaining)).toEqual([0, 1]);
		});

		it('html answers an HTML page with status 200 by default, or the given status', async () => {
			await sandbox.admin.addFaults([{ kind: 'html' }, { kind: 'html', status: 503 }]);

			const first = await listOrders();
			const second = await listOrders();

			expect([first.status, second.status]).toEqual([200, 503]);
			expect(first.headers['content-type']).toMatch(/^text\/html/);
			expect(first.body).toMatch(/^<!DOCTYPE html>/);
			expect(envelope((await listOrders()).body).status).toBe('success');
		});

		it('status429 sends Retry-After', async () => {
			await sandbox.admin.addFault({ kind: 'status429', retryAfterSeconds: 7 });

			const response = await listOrders();

			expect(response.status).toBe(429);
			expect(response.headers['retry-after']).toBe('7');
		});

		it('slow still answers correctly and is recorded in the request log', async () => {
			await sandbox.admin.addFault({ kind: 'slow', delayMs: 30 });

			const response = await listOrders();

			expect(listOf<OrderXml>(response.body, 'order')).toHaveLength(2);
			const { entries } = await sandbox.admin.requests({ operation: 'orders' });
			expect(entries.at(-1)).toMatchObject({ fault: 'slow', status: 200 });
		});

		it('timeout holds the request without an answer until the sandbox is reset', async () => {
			await sandbox.admin.addFault({ kind: 'timeout', match: 'orders' });
			const pending = sandbox.admin.http.get('/plain/serviceguide_log', { params: { method: 'orders', hash, date: '2025-06-10' } });
			const outcome = pending.then(
				() => 'answered',
				(error: unknown) => (axios.isAxiosError(error) ? (error.code ?? error.message) : String(error)),
			);

			await waitFor(async () => (await sandbox.admin.state()).heldRequests === 1);
			const { entries } = await sandbox.admin.requests({ operation: 'orders' });
			expect(entries.at(-1)).toMatchObject({ fault: 'timeout' });
			expect(entries.at(-1)?.status).toBeUndefined();

			await sandbox.admin.reset();

			expect(await outcome).toBe('ECONNRESET');
			expect((await sandbox.admin.state()).heldRequests).toBe(0);
		});

		it('timeout with delayMs gives up on the request after that bound', async () => {
			await sandbox.admin.addFault({ kind: 'timeout', delayMs: 20 });

			const outcome = await sandbox.admin.http.get('/plain/serviceguide_log', { params: { method: 'orders' } }).then(
				() => 'answered',
				(error: unknown) => (axios.isAxiosError(error) ? error.code : 'other'),
			);

			expect(outcome).toBe('ECONNRESET');
			const counters = await sandbox.admin.counters();
			expect(counters.bySimulator.tjansteguiden?.byStatus.none).toBe(1);
			expect(counters.bySimulator.tjansteguiden?.byFault.timeout).toBe(1);
		});
	});

	describe('Tjänsteguiden kinds', () => {
		it('malformedXml cuts the document off (still 200 application/xml)', async () => {
			await sandbox.admin.addFault({ kind: 'malformedXml', match: 'orders' });

			const response = await listOrders();

			expect(response.status).toBe(200);
			expect(response.headers['content-type']).toBe('application/xml');
			expect(isWellFormed(response.body)).toBe(false);
			expect(isWellFormed((await listOrders()).body)).toBe(true);
		});

		it('expiredHash kills the next valid hash but not a login', async () => {
			await sandbox.admin.addFault({ kind: 'expiredHash' });

			const secondHash = await login(sandbox);
			expect((await sandbox.admin.faults())[0]?.remaining).toBe(1);

			const refused = envelope((await listOrders()).body);
			const again = envelope((await listOrders()).body);
			const other = envelope((await call(sandbox, { method: 'orders', hash: secondHash, date: '2025-06-10' })).body);

			expect(refused).toMatchObject({ root: 'orders', status: 'error', message: 'Invalid or expired hash' });
			expect(again.message).toBe('Invalid or expired hash');
			expect(other.status).toBe('success');
			const killed = (await sandbox.admin.tjansteguiden.hashes()).find((issued) => issued.hash === hash);
			expect(killed).toMatchObject({ valid: false });
			expect(killed?.invalidatedAt).toBeDefined();
		});

		it('expiredHash waits for a call that has a valid hash', async () => {
			await sandbox.admin.addFault({ kind: 'expiredHash' });

			await call(sandbox, { method: 'orders', hash: 'ffffffffffffffffffffffffffffffff', date: '2025-06-10' });

			expect((await sandbox.admin.faults())[0]?.remaining).toBe(1);
		});

		it('errorEnvelope answers the given message in the called method\'s envelope', async () => {
			await sandbox.admin.addFault({ kind: 'errorEnvelope', match: 'orders', message: 'Database temporarily unavailable' });

			const response = await listOrders();

			expect(response.status).toBe(200);
			expect(envelope(response.body)).toMatchObject({ root: 'orders', status: 'error', message: 'Database temporarily unavailable' });
		});

		it('duplicateListing lists one order twice', async () => {
			await sandbox.admin.addFault({ kind: 'duplicateListing' });

			const ids = listOf<OrderXml>((await listOrders()).body, 'order').map((order) => order.id);

			expect(ids).toHaveLength(3);
			expect(new Set(ids).size).toBe(2);
		});

		it('duplicateListing waits for a listing with something in it', async () => {
			await sandbox.admin.addFault({ kind: 'duplicateListing' });

			await call(sandbox, { method: 'orders', hash, date: '2025-06-11' });
			await call(sandbox, { method: 'order_info', hash, id: 19530 });

			expect((await sandbox.admin.faults())[0]?.remaining).toBe(1);
		});
	});

	describe('rule administration', () => {
		it('refuses unknown kinds, unknown simulators and invalid fields, adding nothing', async () => {
			await expect(sandbox.admin.addFault({ kind: 'explode' })).rejects.toThrow(/Unknown fault kind 'explode'/);
			await expect(sandbox.admin.addFault({ kind: 'http5xx', simulator: 'nosuch' })).rejects.toThrow(/Unknown simulator/);
			await expect(sandbox.admin.addFault({ kind: 'http5xx', status: 404 })).rejects.toThrow(SandboxAdminError);
			await expect(sandbox.admin.addFaults([{ kind: 'html' }, { kind: 'http5xx', times: 0 }])).rejects.toThrow(/times/);

			expect(await sandbox.admin.faults()).toEqual([]);
		});

		it('removes one rule by id, or all', async () => {
			const [first, second] = await sandbox.admin.addFaults([{ kind: 'html' }, { kind: 'http5xx' }]);

			await sandbox.admin.removeFault(first?.id ?? '');
			expect((await sandbox.admin.faults()).map((rule) => rule.id)).toEqual([second?.id]);

			await sandbox.admin.clearFaults();
			expect(await sandbox.admin.faults()).toEqual([]);
			expect((await listOrders()).status).toBe(200);
		});
	});
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
	for (let attempt = 0; attempt < 200; attempt++) {
		if (await condition()) return;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	throw new Error('Condition not reached');
}
