/** The node's input checks (helpers/inputChecks.ts) name the field and the item, before any request. */
import { NodeOperationError, type INode } from 'n8n-workflow';

import {
	requireApiDate,
	requireMessage,
	requireMessageType,
	requireNumericId,
	requireStatus,
} from '../../../nodes/Tjansteguiden/helpers/inputChecks';

const node = { id: '1', name: 'Tjänsteguiden', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
const context = { getNode: () => node };

function errorOf(fn: () => unknown): NodeOperationError {
	try {
		fn();
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error('expected an error');
}

describe('input validation names the field', () => {
	test.each([
		['', 'Order ID is empty'],
		['  ', 'Order ID is empty'],
		['12a', 'Order ID must be a number, got "12a"'],
		['-5', 'Order ID must be a number'],
		['1.5', 'Order ID must be a number'],
	])('order id %p', (value, message) => {
		const error = errorOf(() => requireNumericId.call(context, 3, 'Order ID', value));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(message);
		expect(error.context.itemIndex).toBe(3);
	});

	test('numeric IDs from expressions are accepted as strings', () => {
		expect(requireNumericId.call(context, 0, 'Customer ID', 16745)).toBe('16745');
		expect(requireNumericId.call(context, 0, 'Customer ID', ' 0042 ')).toBe('0042');
	});

	test('status, message type and message', () => {
		expect(requireStatus.call(context, 0, 'Status', 'received')).toBe('received');
		expect(errorOf(() => requireStatus.call(context, 0, 'Status', 'canceled')).message).toContain('Status "canceled"');
		expect(requireMessageType.call(context, 0, 'Message Type', 'error')).toBe('error');
		expect(errorOf(() => requireMessageType.call(context, 0, 'Message Type', 'warning')).message).toContain('Message Type "warning"');
		expect(errorOf(() => requireMessage.call(context, 0, 'Message', '   ')).message).toBe('Message is empty');
		expect(errorOf(() => requireMessage.call(context, 0, 'Message', 'x'.repeat(2001))).message).toContain('too long');
	});

	test.each(['2026-02-30', 'yesterday', '27/11/2026', '2026-13-01'])('since %p is refused', (value) => {
		expect(errorOf(() => requireApiDate.call(context, 0, 'Since', value)).message).toContain('Since is not a valid date');
	});
});

