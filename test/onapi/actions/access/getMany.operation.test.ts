/**
 * Access → Get Many in every version: full and limited lists, If-Modified-Since, the incremental
 * mode's remembered Last-Modified, and the spec's "404 = no accesses".
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { OnApi as OnApiCredential } from '../../../../credentials/OnApi.credentials';
import { OnApi } from '../../../../nodes/OnApi/OnApi.node';
import { startSandbox } from '../../../../sandbox/src';
import { createOnApiSimulator } from '../../../../sandbox/src/onapi';
import { executeNode } from '../../../harness/n8n';
import { jsonOf, runOnApi, useOnApiSandbox, VERSIONS } from '../../onApiTestKit';

const env = useOnApiSandbox();

describe.each(VERSIONS)('ON-API %s: Access → Get Many', (version) => {
	it('gets many accesses with a limit', async () => {
		const limited = await runOnApi(env(), { version, parameters: { resource: 'access', operation: 'getMany', limit: 5 } });
		expect(jsonOf(limited)).toHaveLength(5);
		const all = await runOnApi(env(), { version, parameters: { resource: 'access', operation: 'getMany', returnAll: true } });
		expect(jsonOf(all)).toHaveLength(30);
	});

	it('fetches only changes with If-Modified-Since; 304 gives no items', async () => {
		const now = env().sandbox.clock.now();
		const unchanged = await runOnApi(env(), {
			version,
			parameters: { resource: 'access', operation: 'getMany', returnAll: true, options: { ifModifiedSince: now.toISOString() } },
		});
		expect(unchanged.error).toBeUndefined();
		expect(jsonOf(unchanged)).toEqual([]);

		env().sandbox.clock.advance(2000);
		env().onapi.upsertAccesses('SNDEMO', [{ accessId: 'SNDEMO-A0007', outlet: 'A-02' }]);
		env().sandbox.clock.advance(2000);
		const changed = await runOnApi(env(), {
			version,
			parameters: { resource: 'access', operation: 'getMany', returnAll: true, options: { ifModifiedSince: now.toUTCString() } },
		});
		expect(jsonOf(changed).map((access) => [access.accessId, access.outlet])).toEqual([['SNDEMO-A0007', 'A-02']]);
	});

	it('remembers Last-Modified between fetches in incremental mode', async () => {
		const result = await runOnApi(env(), {
			version,
			parameters: { resource: 'access', operation: 'getMany', limit: 1, options: { incremental: true } },
			inputItems: [{ json: { run: 1 } }, { json: { run: 2 } }],
		});
		expect(result.error).toBeUndefined();
		const items = result.outputs[0];
		// All 30 on the first item (Limit does not apply), nothing new on the second.
		expect(items).toHaveLength(30);
		expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		const requests = await env().sandbox.admin.requests({ simulator: 'onapi', operation: 'GET accesses/' });
		expect(requests.entries.map((entry) => entry.status)).toEqual([200, 304]);
	});
});

describe('an operator without accesses', () => {
	it('answers 404 for the list, which means no items', async () => {
		const empty = await startSandbox({
			extraSimulators: [
				({ clock }) =>
					createOnApiSimulator({
						clock,
						operators: [
							{
								coId: 'EMPTY',
								name: 'Tomma Stadsnät',
								preferredVersion: '2.6',
								users: [{ username: 'sp', password: 'pw-empty', spId: 'SP1' }],
								accesses: [],
							},
						],
					}),
			],
		});
		try {
			const result = await executeNode({
				nodeType: new OnApi(),
				parameters: { resource: 'access', operation: 'getMany', returnAll: true },
				credentialTypes: [new OnApiCredential()],
				credentials: { onApi: { baseUrl: `${empty.url}/onapi/EMPTY`, version: '2.6', username: 'sp', password: 'pw-empty' } },
			});
			expect(result.error).toBeUndefined();
			expect(result.outputs).toEqual([[]]);
			const log = await empty.admin.requests({ simulator: 'onapi', operation: 'GET accesses/' });
			expect(log.entries.map((entry) => entry.status)).toEqual([404]);
		} finally {
			await empty.close();
		}
	});
});

/**
 * The "Only Changes Since Last Run" cursor against a stand-in operator on loopback that answers
 * with a Last-Modified and a Date of our choosing and records the If-Modified-Since it gets.
 */
describe('the incremental cursor', () => {
	const LAST_MODIFIED = 'Mon, 04 Feb 2019 18:22:33 GMT';
	let date = LAST_MODIFIED;
	let sent: Array<string | undefined> = [];
	let server: http.Server;
	let baseUrl: string;

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			if (req.url === '/onapi/2.6/') {
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end('[]');
				return;
			}
			sent.push(req.headers['if-modified-since']);
			res.writeHead(200, { 'Content-Type': 'application/json', 'Last-Modified': LAST_MODIFIED, Date: date });
			res.end(JSON.stringify([{ accessId: 'A1' }, { accessId: 'A2' }]));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/onapi`;
	});

	afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

	beforeEach(() => {
		sent = [];
	});

	async function twoIncrementalItems() {
		return await executeNode({
			nodeType: new OnApi(),
			parameters: { resource: 'access', operation: 'getMany', options: { incremental: true } },
			credentialTypes: [new OnApiCredential()],
			credentials: { onApi: { baseUrl, version: '2.6', username: 'sp', password: 'pw' } },
			inputItems: [{ json: { run: 1 } }, { json: { run: 2 } }],
		});
	}

	it('overlaps by one second when the Last-Modified second was not over, and puts the cursor on the items', async () => {
		date = LAST_MODIFIED;
		const result = await twoIncrementalItems();
		expect(result.error).toBeUndefined();
		expect(sent).toEqual([undefined, 'Mon, 04 Feb 2019 18:22:32 GMT']);
		expect(result.outputs[0].map((item) => item.json)).toEqual(
			[1, 2].flatMap(() => [
				{ accessId: 'A1', nextIfModifiedSince: 'Mon, 04 Feb 2019 18:22:32 GMT' },
				{ accessId: 'A2', nextIfModifiedSince: 'Mon, 04 Feb 2019 18:22:32 GMT' },
			]),
		);
	});

	it('sends the Last-Modified as it came when its second was already over', async () => {
		date = 'Mon, 04 Feb 2019 18:22:35 GMT';
		const result = await twoIncrementalItems();
		expect(result.error).toBeUndefined();
		expect(sent).toEqual([undefined, LAST_MODIFIED]);
		expect(result.outputs[0][0].json.nextIfModifiedSince).toBe(LAST_MODIFIED);
	});
});
