import { NodeApiError, type INode } from 'n8n-workflow';

import { readOrders } from '../../../nodes/OnApi/trigger/readOrders';

const node = { id: 'n', name: 'ON-API Trigger', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
const httpError = (status: number) => new NodeApiError(node, { message: `HTTP ${status}` }, { httpCode: String(status) });

describe('reading the orders the planner needs', () => {
	it('reads every order, a 404 being the answer "gone"', async () => {
		const result = await readOrders(['1', '2', '3'], async (id) => {
			if (id === '2') throw httpError(404);
			return { orderId: id };
		}, { concurrency: 2, deadline: Number.POSITIVE_INFINITY });
		expect(result.failure).toBeUndefined();
		expect(result.reads).toEqual(new Map([['1', { orderId: '1' }], ['2', null], ['3', { orderId: '3' }]]));
	});

	it('stops at the first failure and keeps what was read', async () => {
		const result = await readOrders(['1', '2', '3', '4'], async (id) => {
			if (id === '2') throw httpError(503);
			return { orderId: id };
		}, { concurrency: 1, deadline: Number.POSITIVE_INFINITY });
		expect((result.failure as NodeApiError).httpCode).toBe('503');
		expect([...result.reads.keys()]).toEqual(['1']);
	});

	it('starts no read after the deadline', async () => {
		let clock = 0;
		const result = await readOrders(['1', '2', '3'], async (id) => {
			clock += 10;
			return { orderId: id };
		}, { concurrency: 1, deadline: 15, now: () => clock });
		expect([...result.reads.keys()]).toEqual(['1', '2']);
	});

	it('runs at most `concurrency` reads at once', async () => {
		let inFlight = 0;
		let most = 0;
		await readOrders(['1', '2', '3', '4', '5', '6'], async (id) => {
			most = Math.max(most, ++inFlight);
			await new Promise((resolve) => setTimeout(resolve, 5));
			inFlight--;
			return { orderId: id };
		}, { concurrency: 3, deadline: Number.POSITIVE_INFINITY });
		expect(most).toBe(3);
	});
});
