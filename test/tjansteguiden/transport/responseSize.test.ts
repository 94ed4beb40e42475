/**
 * Tjänsteguiden answers are read up to the credential's "Max Response Size (MB)" (issue 14, item
 * 7), on both sides: a larger one is cut off (the connection closed, the rest never received) and
 * the call fails with an error naming the limit, the method and the field; a normal answer under
 * the cap is read as before. Through n8n's execution code against a loopback server.
 */
import { resetProcessState } from '../../../nodes/Tjansteguiden/processState';
import { startFloodingServer, type Flood, type FloodingServer, type SmallAnswer } from '../../harness/floodingServer';
import { API_SIDES, jsonOf, runAction } from '../nodeTestKit';
import { SCRIPTED_HASH, successXml } from '../scriptedApi';

const MB = 1024 * 1024;
const FLOOD_BYTES = 64 * MB;

let server: FloodingServer;
let orderInfoAnswer: Flood | SmallAnswer;

beforeAll(async () => {
	server = await startFloodingServer((request) => {
		const method = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('method');
		if (method === 'api_login') {
			return { body: successXml('api_login', `<message>Logged in</message><hash_key>${SCRIPTED_HASH}</hash_key>`) };
		}
		return orderInfoAnswer;
	});
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.answers.length = 0;
	resetProcessState();
});

const getOrder = { resource: 'order', operation: 'get', orderId: '7' };
const XML = { 'Content-Type': 'text/xml; charset=utf-8' };

function orderInfoAnswers() {
	return server.answers.filter((answer) => answer.url.includes('method=order_info'));
}

describe.each(API_SIDES)('$name side', (side) => {
	const credentialName = side.name === 'service provider' ? 'Tjänsteguiden API' : 'Tjänsteguiden Operator API';

	test.each([
		['sent chunked, its size unknown up front', false],
		['announced in Content-Length', true],
	])('an answer above the cap, %s, fails with the limit and the field, and the connection is closed early', async (_name, declareLength) => {
		orderInfoAnswer = { totalBytes: FLOOD_BYTES, declareLength, headers: XML };
		const result = await runAction({ sandbox: server, side, parameters: getOrder, credentials: { maxResponseSizeMb: 1 } });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(
			new RegExp(`^The Tjänsteguiden (API|operator API)'s answer to order_info is larger than 1 MB${declareLength ? ' \\(it announced 64 MB\\)' : ''}$`),
		);
		expect(result.error?.description).toContain(`the "Max Response Size (MB)" of the ${credentialName} credential`);
		const [answer, ...more] = orderInfoAnswers();
		expect(more).toEqual([]);
		await expect(answer.closedEarly).resolves.toBe(true);
		expect(answer.bytesSent).toBeLessThan(FLOOD_BYTES / 4);
	});

	test('an answer under the cap is read as before', async () => {
		const note = 'x'.repeat(512 * 1024);
		orderInfoAnswer = { headers: XML, body: successXml('order_info', `<order><id>7</id><status>new</status><note>${note}</note></order>`) };
		const result = await runAction({ sandbox: server, side, parameters: getOrder, credentials: { maxResponseSizeMb: 1 } });
		const [order] = jsonOf(result);
		expect(order).toMatchObject({ id: '7', status: 'new' });
		await expect(orderInfoAnswers()[0].closedEarly).resolves.toBe(false);
	});

	test('a limit that is not a positive number is refused before any request', async () => {
		const result = await runAction({ sandbox: server, side, parameters: getOrder, credentials: { maxResponseSizeMb: -5 } });
		expect(result.error?.message).toBe('Invalid field "Max Response Size (MB)": it must be a number of megabytes above 0');
		expect(server.answers).toEqual([]);
	});
});
