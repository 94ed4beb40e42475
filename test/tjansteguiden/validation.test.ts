import { NodeOperationError, type INode } from 'n8n-workflow';

import { addDays, toApiDate, toIsoTimestamp } from '../../nodes/Tjansteguiden/helpers/dates';
import {
	requireApiDate,
	requireMessage,
	requireMessageType,
	requireNumericId,
	requireStatus,
} from '../../nodes/Tjansteguiden/helpers/validate';
import { redact } from '../../nodes/Tjansteguiden/transport/redact';

const node = { id: '1', name: 'Tjänsteguiden', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

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
		const error = errorOf(() => requireNumericId(node, 3, 'Order ID', value));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(message);
		expect(error.context.itemIndex).toBe(3);
	});

	test('numeric IDs from expressions are accepted as strings', () => {
		expect(requireNumericId(node, 0, 'Customer ID', 16745)).toBe('16745');
		expect(requireNumericId(node, 0, 'Customer ID', ' 0042 ')).toBe('0042');
	});

	test('status, message type and message', () => {
		expect(requireStatus(node, 0, 'received')).toBe('received');
		expect(errorOf(() => requireStatus(node, 0, 'canceled')).message).toContain('Status "canceled"');
		expect(requireMessageType(node, 0, 'error')).toBe('error');
		expect(errorOf(() => requireMessageType(node, 0, 'warning')).message).toContain('Message Type "warning"');
		expect(errorOf(() => requireMessage(node, 0, '   ')).message).toBe('Message is empty');
		expect(errorOf(() => requireMessage(node, 0, 'x'.repeat(2001))).message).toContain('too long');
	});

	test.each(['2026-02-30', 'yesterday', '27/11/2026', '2026-13-01'])('since %p is refused', (value) => {
		expect(errorOf(() => requireApiDate(node, 0, 'Since', value)).message).toContain('Since is not a valid date');
	});
});

describe('dates in Europe/Stockholm', () => {
	test('since: empty is today in Stockholm, also just after midnight UTC+1', () => {
		// 23:30 UTC on 31 Dec is already 1 January in Stockholm.
		expect(toApiDate('', new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
		expect(toApiDate('2026-11-27')).toBe('2026-11-27');
		expect(toApiDate('2026-06-30T23:30:00Z')).toBe('2026-07-01');
		expect(toApiDate('2026-06-30T23:30:00')).toBe('2026-06-30');
	});

	test('timestamps get the offset that was in force', () => {
		expect(toIsoTimestamp('2026-01-15 08:00:00')).toBe('2026-01-15T08:00:00+01:00');
		expect(toIsoTimestamp('2026-07-15 08:00:00')).toBe('2026-07-15T08:00:00+02:00');
		expect(toIsoTimestamp('2026-10-25 01:59:59')).toBe('2026-10-25T01:59:59+02:00');
		expect(toIsoTimestamp('2026-10-25 03:00:00')).toBe('2026-10-25T03:00:00+01:00');
		expect(toIsoTimestamp('asap')).toBe('asap');
		expect(toIsoTimestamp('2026-10-25')).toBe('2026-10-25');
	});

	test('calendar arithmetic ignores DST', () => {
		expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
		expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
	});
});

test('redaction blanks hashes and keys in URLs, XML and free text', () => {
	const text =
		'GET http://x/plain/serviceguide_log?method=orders&hash=6a075bdba19b85170ae95666a240a2d1&date=2026-01-01 ' +
		'and ?api_key=sekret123&api_user=1 <hash_key>abcdef0123456789</hash_key> also sekret123 inline';
	const result = redact(text, ['sekret123']);
	expect(result).not.toContain('6a075bdba19b85170ae95666a240a2d1');
	expect(result).not.toContain('sekret123');
	expect(result).not.toContain('abcdef0123456789');
	expect(result).toContain('date=2026-01-01');
	expect(result).toContain('api_user=1');
});
