import { NodeApiError, type INode } from 'n8n-workflow';
import { apiErrorFromNetwork, apiErrorFromResponse, describeStatus } from '../../../nodes/OnApi/transport/apiError';

const node: INode = {
	id: '1',
	name: 'ON-API',
	type: 'n8n-nodes-tjansteguiden.onApi',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const base = {
	method: 'POST',
	url: 'https://co.example/onapi/2.6/orders/',
	purpose: 'create' as const,
	itemIndex: 2,
	retries: 0,
};

describe('API errors', () => {
	it('uses the body\'s cause as the message and keeps the status', () => {
		const error = apiErrorFromResponse(node, { ...base, status: 400, body: { cause: "Unknown service: 'INTERNET'" } });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe("Unknown service: 'INTERNET'");
		expect(error.httpCode).toBe('400');
		expect(error.context.itemIndex).toBe(2);
	});

	it('explains 409 on a create as taken or already active', () => {
		const error = apiErrorFromResponse(node, { ...base, status: 409, body: { cause: 'ServiceType is already claimed by other Service Provider.' } });
		expect(error.message).toBe('ServiceType is already claimed by other Service Provider.');
		expect(error.description).toContain('already active, or held by another service provider');
	});

	it('gives plain descriptions for 401, 403, 404 and 501', () => {
		expect(describeStatus(401, 'read')).toMatch(/username and password/);
		expect(describeStatus(403, 'read')).toMatch(/not allowed/);
		expect(describeStatus(404, 'read')).toMatch(/no such object/);
		expect(describeStatus(501, 'read')).toMatch(/does not implement/);
		expect(describeStatus(409, 'change')).toMatch(/only orders in state RECEIVED/);
	});

	it('falls back to the status when the body has no cause', () => {
		const error = apiErrorFromResponse(node, { ...base, status: 502, body: '<html>Bad gateway</html>' });
		expect(error.message).toBe('The operator answered HTTP 502 to POST https://co.example/onapi/2.6/orders/');
	});

	it('says why a create was not retried', () => {
		const error = apiErrorFromResponse(node, { ...base, status: 503, body: {}, notRetriedWithoutReference: true });
		expect(error.description).toMatch(/without an spReference/);
	});

	it('never shows URL credentials or query strings', () => {
		const error = apiErrorFromNetwork(node, {
			...base,
			url: 'https://user:topsecret@co.example/onapi/2.6/orders/?token=topsecret',
			code: 'ECONNRESET',
			message: 'socket hang up',
		});
		expect(JSON.stringify({ message: error.message, description: error.description, context: error.context })).not.toContain('topsecret');
		expect(error.description).toContain('https://co.example/onapi/2.6/orders/');
	});
});
