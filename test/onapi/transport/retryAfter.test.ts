/**
 * A Retry-After that is negative, fractional or already past must not mean "again at once": the
 * node waits at least RETRY_AFTER_FLOOR_MS. A stand-in operator on loopback answers 429 once with
 * the header under test, then the access; the node runs through n8n's real execution code.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { OnApi as OnApiCredential } from '../../../credentials/OnApi.credentials';
import { OnApi } from '../../../nodes/OnApi/OnApi.node';
import { resetOnApiProcessState } from '../../../nodes/OnApi/processState';
import { RETRY_AFTER_FLOOR_MS } from '../../../nodes/OnApi/transport/retryPolicy';
import { executeNode } from '../../harness/n8n';

let retryAfter = '';
let accessReads: number[] = [];
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
	server = http.createServer((req, res) => {
		res.setHeader('Content-Type', 'application/json');
		if (req.url === '/onapi/2.6/') {
			res.end('[]');
			return;
		}
		accessReads.push(Date.now());
		if (accessReads.length === 1) {
			res.writeHead(429, { 'Retry-After': retryAfter });
			res.end(JSON.stringify({ cause: 'Slow down' }));
			return;
		}
		res.end(JSON.stringify({ accessId: 'A1' }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/onapi`;
});

afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
	accessReads = [];
	resetOnApiProcessState();
});

test.each(['-1', '1.5', 'Sun, 01 Mar 2020 12:00:00 GMT', '0'])('Retry-After %p waits at least the floor before the retry', async (header) => {
	retryAfter = header;
	const result = await executeNode({
		nodeType: new OnApi(),
		parameters: { resource: 'access', operation: 'get', accessId: 'A1' },
		credentialTypes: [new OnApiCredential()],
		credentials: { onApi: { baseUrl, version: '2.6', username: 'sp', password: 'pw' } },
	});
	expect(result.error).toBeUndefined();
	expect(result.outputs[0][0].json).toEqual({ accessId: 'A1' });
	expect(accessReads).toHaveLength(2);
	expect(accessReads[1] - accessReads[0]).toBeGreaterThanOrEqual(RETRY_AFTER_FLOOR_MS - 50);
});
