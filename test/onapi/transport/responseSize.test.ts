/**
 * ON-API answers are read up to the credential's "Max Response Size (MB)" (issue 14, item 7): a
 * larger one is cut off (the connection closed, the rest never received) and the call fails with
 * an error naming the limit, the request and the field; a normal answer is read as before. The
 * node runs through n8n's execution code and request helpers against a loopback server.
 */
import { OnApi as OnApiCredential } from '../../../credentials/OnApi.credentials';
import { OnApi } from '../../../nodes/OnApi/OnApi.node';
import { resetOnApiProcessState } from '../../../nodes/OnApi/processState';
import { startFloodingServer, type Flood, type FloodingServer } from '../../harness/floodingServer';
import { executeNode } from '../../harness/n8n';

const MB = 1024 * 1024;
const FLOOD_BYTES = 64 * MB;

let server: FloodingServer;
let accessesAnswer: Flood | { body: string };

beforeAll(async () => {
	server = await startFloodingServer((request) => {
		// No endpoint list: the node uses the spec's paths.
		if (request.url === '/onapi/2.6/') return { status: 404, body: '{"cause":"no list"}' };
		return accessesAnswer;
	});
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.answers.length = 0;
	resetOnApiProcessState();
});

async function listAccesses(limit: Record<string, unknown> = {}) {
	return await executeNode({
		nodeType: new OnApi(),
		parameters: { resource: 'access', operation: 'getMany', returnAll: true },
		credentialTypes: [new OnApiCredential()],
		credentials: { onApi: { baseUrl: `${server.url}/onapi`, version: '2.6', username: 'sp', password: 'size-secret', ...limit } },
	});
}

function accessesAnswers() {
	return server.answers.filter((answer) => answer.url === '/onapi/2.6/accesses/');
}

describe.each([
	['sent chunked, its size unknown up front', false],
	['announced in Content-Length', true],
])('an answer above the cap, %s', (_name, declareLength) => {
	test('fails with the limit, the request and the field, and the connection is closed early', async () => {
		accessesAnswer = { totalBytes: FLOOD_BYTES, declareLength, headers: { 'Content-Type': 'application/json' } };
		const result = await listAccesses({ maxResponseSizeMb: 1 });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(
			`The operator's answer to GET ${server.url}/onapi/2.6/accesses/ is larger than 1 MB${declareLength ? ' (it announced 64 MB)' : ''}`,
		);
		expect(result.error?.description).toContain('"Max Response Size (MB)" of the ON-API credential');
		expect(result.error?.description).toContain('read answer');
		expect(result.error?.description).toContain('Only Changes Since Last Run');
		// Not retried: one request, cut off long before its end.
		const [answer, ...more] = accessesAnswers();
		expect(more).toEqual([]);
		await expect(answer.closedEarly).resolves.toBe(true);
		expect(answer.bytesSent).toBeLessThan(FLOOD_BYTES / 4);
	});
});

test('an answer under the cap is read as before', async () => {
	const accesses = Array.from({ length: 2000 }, (_, index) => ({ accessId: `A${index}`, city: 'Demostad' }));
	accessesAnswer = { body: JSON.stringify(accesses), headers: { 'Content-Type': 'application/json' } };
	const result = await listAccesses({ maxResponseSizeMb: 1 });
	expect(result.error).toBeUndefined();
	expect(result.outputs[0].map((item) => item.json.accessId)).toEqual(accesses.map((access) => access.accessId));
	await expect(accessesAnswers()[0].closedEarly).resolves.toBe(false);
});

test('a credential saved without the field (0.1.0) reads answers of several megabytes', async () => {
	const accesses = Array.from({ length: 60_000 }, (_, index) => ({ accessId: `A${index}`, streetName: 'Storgatan' }));
	const body = JSON.stringify(accesses);
	expect(body.length).toBeGreaterThan(2 * MB);
	accessesAnswer = { body, headers: { 'Content-Type': 'application/json' } };
	const result = await listAccesses();
	expect(result.error).toBeUndefined();
	expect(result.outputs[0]).toHaveLength(60_000);
});

test('a limit that is not a positive number is refused before any request', async () => {
	const result = await listAccesses({ maxResponseSizeMb: 0 });
	expect(result.error?.name).toBe('NodeOperationError');
	expect(result.error?.message).toBe('Invalid field "Max Response Size (MB)": it must be a number of megabytes above 0');
	expect(server.answers).toEqual([]);
});
