/**
 * An operator built from the spec's looser corners, which the sandbox's simulator does not show:
 * no Endpoints list (404), `status` instead of `state`, `ipAddress` in characteristics, and no
 * subscriptionId until the order is done (on-api issue #93). A small stand-in server on loopback
 * plays it; the node runs through n8n's real execution code as everywhere else.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { OnApi as OnApiCredential } from '../../../credentials/OnApi.credentials';
import { OnApi } from '../../../nodes/OnApi/OnApi.node';
import { resetOnApiProcessState } from '../../../nodes/OnApi/processState';
import { executeNode } from '../../harness/n8n';

interface Seen {
	method: string;
	url: string;
	body: string;
}

let server: http.Server;
let baseUrl: string;
let seen: Seen[] = [];
let polls = 0;

function send(res: http.ServerResponse, status: number, body?: unknown): void {
	res.writeHead(status, { 'Content-Type': 'application/json' });
	res.end(body === undefined ? '' : JSON.stringify(body));
}

beforeAll(async () => {
	server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
		req.on('end', () => {
			seen.push({ method: req.method ?? '', url: req.url ?? '', body });
			const url = req.url ?? '';
			if (url === '/onapi/2.6/') return send(res, 404, { cause: 'No endpoint list here' });
			if (req.method === 'POST' && url === '/onapi/2.6/orders/') {
				return send(res, 201, {
					path: '/onapi/2.6/orders/Q93',
					accessId: 'ACC-1',
					service: 'BB-100-100',
					operation: 'ACTIVATE',
					status: 'RECEIVED',
					characteristics: { fixedIp: true, ipAddress: ['192.0.2.7'] },
				});
			}
			if (req.method === 'GET' && url === '/onapi/2.6/orders/Q93') {
				polls += 1;
				return send(res, 200, {
					orderId: 'Q93',
					accessId: 'ACC-1',
					service: 'BB-100-100',
					operation: 'ACTIVATE',
					status: polls >= 2 ? 'DONE_SUCCESS' : 'IN_PROGRESS',
					message: '',
				});
			}
			if (req.method === 'GET' && url === '/onapi/2.6/subscriptions/ACC-1') {
				return send(res, 200, {
					accessId: 'ACC-1',
					subscriptions: [
						{ subscriptionId: 'SUB-OLD', service: 'BB-100-100', operationalState: 'SUSPENDED' },
						{ subscriptionId: 'SUB-93', service: 'BB-100-100', operationalState: 'ACTIVATED', spSubscriptionId: 'MY-93' },
					],
				});
			}
			return send(res, 501, { cause: `Not implemented: ${req.method} ${url}` });
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/onapi`;
});

afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
	seen = [];
	polls = 0;
	resetOnApiProcessState();
});

test('normalises the order and looks the subscription up once the order is done', async () => {
	const result = await executeNode({
		nodeType: new OnApi(),
		parameters: {
			resource: 'order',
			operation: 'activate',
			accessId: 'ACC-1',
			service: 'BB-100-100',
			additionalFields: {
				spSubscriptionId: 'MY-93',
				characteristics: { characteristic: [{ name: 'fixedIp', value: 'true' }] },
			},
			waitForCompletion: true,
			waitOptions: { pollIntervalSeconds: 0.1, maxWaitSeconds: 10 },
		},
		credentialTypes: [new OnApiCredential()],
		credentials: { onApi: { baseUrl, version: '2.6', username: 'sp', password: 'pw' } },
	});
	expect(result.error).toBeUndefined();
	expect(result.outputs[0]).toEqual([
		{
			json: {
				orderId: 'Q93',
				path: '/onapi/2.6/orders/Q93',
				accessId: 'ACC-1',
				service: 'BB-100-100',
				operation: 'ACTIVATE',
				state: 'DONE_SUCCESS',
				message: '',
				finalState: 'DONE_SUCCESS',
				operatorMessage: '',
				subscriptionId: 'SUB-93',
				duplicate: false,
			},
			pairedItem: { item: 0 },
		},
	]);
	expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
		'GET /onapi/2.6/',
		'POST /onapi/2.6/orders/',
		'GET /onapi/2.6/orders/Q93',
		'GET /onapi/2.6/orders/Q93',
		'GET /onapi/2.6/subscriptions/ACC-1',
	]);
	expect(JSON.parse(seen[1].body)).toEqual({
		operation: 'ACTIVATE',
		accessId: 'ACC-1',
		service: 'BB-100-100',
		spSubscriptionId: 'MY-93',
		characteristics: { fixedIp: true },
	});
});

test('normalises the create answer when not waiting: state and ipAddresses', async () => {
	const result = await executeNode({
		nodeType: new OnApi(),
		parameters: { resource: 'order', operation: 'activate', accessId: 'ACC-1', service: 'BB-100-100' },
		credentialTypes: [new OnApiCredential()],
		credentials: { onApi: { baseUrl, version: '2.6', username: 'sp', password: 'pw' } },
	});
	expect(result.outputs[0][0].json).toEqual({
		path: '/onapi/2.6/orders/Q93',
		orderId: 'Q93',
		accessId: 'ACC-1',
		service: 'BB-100-100',
		operation: 'ACTIVATE',
		state: 'RECEIVED',
		characteristics: { fixedIp: true, ipAddresses: ['192.0.2.7'] },
		duplicate: false,
	});
});
