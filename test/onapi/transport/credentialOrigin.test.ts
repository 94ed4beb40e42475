/**
 * The ON-API password goes only to the credential's own origin (scheme, host and port), whatever
 * the operator's answers name: an endpoint list placing an API on another server, or a redirect
 * to another server (or from https to http). Two servers on loopback play the
 * operator and the other origin (another port is another origin); the node runs through n8n's
 * real execution code and request helpers.
 */
import http from 'node:http';
import { CredentialTestContext } from 'n8n-core';
import type { AddressInfo } from 'node:net';
import { OnApi as OnApiCredential } from '../../../credentials/OnApi.credentials';
import { OnApi } from '../../../nodes/OnApi/OnApi.node';
import { resetOnApiProcessState } from '../../../nodes/OnApi/processState';
import { executeNode } from '../../harness/n8n';

interface Seen {
	method: string;
	url: string;
	authorization?: string;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const PASSWORD = 'origin-secret-8812';

let operatorHandler: Handler;
const operatorSeen: Seen[] = [];
const otherSeen: Seen[] = [];
let operator: http.Server;
let other: http.Server;
let operatorUrl: string;
let otherUrl: string;

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}

async function listen(server: http.Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
	operator = http.createServer((req, res) => {
		operatorSeen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
		operatorHandler(req, res);
	});
	other = http.createServer((req, res) => {
		otherSeen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
		json(res, 200, { accessId: 'STOLEN' });
	});
	operatorUrl = await listen(operator);
	otherUrl = await listen(other);
});

afterAll(async () => {
	await new Promise<void>((resolve) => operator.close(() => resolve()));
	await new Promise<void>((resolve) => other.close(() => resolve()));
});

beforeEach(() => {
	operatorSeen.length = 0;
	otherSeen.length = 0;
	resetOnApiProcessState();
});

async function getAccess(accessId = 'A1') {
	return await executeNode({
		nodeType: new OnApi(),
		parameters: { resource: 'access', operation: 'get', accessId },
		credentialTypes: [new OnApiCredential()],
		credentials: { onApi: { baseUrl: `${operatorUrl}/onapi`, version: '2.6', username: 'sp', password: PASSWORD } },
	});
}

function expectNothingSentElsewhere(): void {
	expect(otherSeen).toEqual([]);
}

test('an endpoint list placing accesses on another origin is refused, and nothing goes there', async () => {
	operatorHandler = (req, res) => {
		if (req.url === '/onapi/2.6/') return json(res, 200, [{ name: 'accesses', endpoint: `${otherUrl}/onapi/2.6/accesses/`, version: '2.6' }]);
		return json(res, 404, { cause: 'nothing here' });
	};
	const result = await getAccess();
	expectNothingSentElsewhere();
	expect(result.error?.message).toBe(
		`The ON-API credential is sent only to ${operatorUrl}, not to ${otherUrl} (GET ${otherUrl}/onapi/2.6/accesses/A1)`,
	);
	expect(result.error?.description).toContain('endpoint list');
	expect(JSON.stringify(result.error)).not.toContain(PASSWORD);
});

test('a redirect to another origin is not followed, and nothing goes there', async () => {
	operatorHandler = (req, res) => {
		if (req.url === '/onapi/2.6/') return json(res, 200, []);
		res.writeHead(302, { Location: `${otherUrl}/steal` });
		res.end();
	};
	const result = await getAccess();
	expectNothingSentElsewhere();
	expect(result.error?.message).toBe(
		`The operator redirected GET ${operatorUrl}/onapi/2.6/accesses/A1 to ${otherUrl}/steal; the ON-API credential is sent only to ${operatorUrl}`,
	);
});

test('another scheme on the same host is another origin: the redirect is not followed', async () => {
	operatorHandler = (req, res) => {
		if (req.url === '/onapi/2.6/') return json(res, 200, []);
		res.writeHead(301, { Location: `${operatorUrl.replace('http://', 'https://')}/onapi/2.6/accesses/A1` });
		res.end();
	};
	const result = await getAccess();
	expect(result.error?.message).toMatch(/^The operator redirected GET .* to https:\/\/127\.0\.0\.1:\d+\/onapi\/2\.6\/accesses\/A1; the ON-API credential is sent only to http:\/\/127\.0\.0\.1:\d+$/);
	expect(operatorSeen.map((seen) => seen.url)).toEqual(['/onapi/2.6/', '/onapi/2.6/accesses/A1']);
});

test('a redirect within the operator\'s own origin is followed with the credential', async () => {
	operatorHandler = (req, res) => {
		if (req.url === '/onapi/2.6/') return json(res, 200, []);
		if (req.url === '/onapi/2.6/accesses/A1') {
			res.writeHead(307, { Location: '/onapi/2.6/accesses/A1-moved' });
			return res.end();
		}
		return json(res, 200, { accessId: 'A1', city: 'Demostad' });
	};
	const result = await getAccess();
	expect(result.error).toBeUndefined();
	expect(result.outputs[0][0].json).toEqual({ accessId: 'A1', city: 'Demostad' });
	expect(operatorSeen.map((seen) => [seen.url, seen.authorization?.startsWith('Basic ')])).toEqual([
		['/onapi/2.6/', true],
		['/onapi/2.6/accesses/A1', true],
		['/onapi/2.6/accesses/A1-moved', true],
	]);
});

test('the credential\'s Test button does not follow a redirect to another origin either', async () => {
	operatorHandler = (_req, res) => {
		res.writeHead(302, { Location: `${otherUrl}/onapi/2.6/` });
		res.end();
	};
	const test = new OnApi().methods.credentialTest.onApiEndpoints;
	const data = { baseUrl: `${operatorUrl}/onapi`, version: '2.6', username: 'sp', password: PASSWORD };
	const result = await test.call(new CredentialTestContext(), { id: '1', name: 'ON-API', type: 'onApi', data } as never);
	expectNothingSentElsewhere();
	expect(result).toEqual({
		status: 'Error',
		message: `${operatorUrl}/onapi/2.6/ redirects to ${otherUrl}/onapi/2.6/; the ON-API credential is sent only to ${operatorUrl}. Check the Base URL.`,
	});
});
