import { NodeOperationError, type INode } from 'n8n-workflow';

import { toApiDate } from './dates';

export const ORDER_STATUSES = ['new', 'received', 'active', 'waiting', 'cancelled', 'delivered'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const MESSAGE_TYPES = ['error', 'alert', 'system', 'log'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Longest message we send: a query-string parameter, so keep it well inside URL limits. */
export const MAX_MESSAGE_LENGTH = 2000;

function fail(node: INode, itemIndex: number, message: string, description?: string): never {
	throw new NodeOperationError(node, message, { itemIndex, description });
}

/** An order or customer ID: digits only (numbers from expressions are accepted). */
export function requireNumericId(node: INode, itemIndex: number, field: string, value: unknown): string {
	const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : String(value ?? '').trim();
	if (text === '') fail(node, itemIndex, `${field} is empty`, `Set ${field} to the numeric ID from Tjänsteguiden.`);
	if (!/^\d{1,18}$/.test(text)) {
		fail(node, itemIndex, `${field} must be a number, got "${text.slice(0, 40)}"`, `Tjänsteguiden IDs are whole numbers, e.g. 19530.`);
	}
	return text;
}

export function requireApiDate(node: INode, itemIndex: number, field: string, value: unknown): string {
	const date = toApiDate(value);
	if (date === undefined) {
		fail(node, itemIndex, `${field} is not a valid date: "${String(value).slice(0, 40)}"`, 'Use YYYY-MM-DD, e.g. 2026-11-27, or leave it empty for today.');
	}
	return date;
}

export function requireStatus(node: INode, itemIndex: number, value: unknown): OrderStatus {
	const text = String(value ?? '').trim();
	if (!(ORDER_STATUSES as readonly string[]).includes(text)) {
		fail(node, itemIndex, `Status "${text}" is not a Tjänsteguiden status`, `Use one of: ${ORDER_STATUSES.join(', ')}.`);
	}
	return text as OrderStatus;
}

export function requireMessageType(node: INode, itemIndex: number, value: unknown): MessageType {
	const text = String(value ?? '').trim();
	if (!(MESSAGE_TYPES as readonly string[]).includes(text)) {
		fail(node, itemIndex, `Message Type "${text}" is not a Tjänsteguiden message type`, `Use one of: ${MESSAGE_TYPES.join(', ')}.`);
	}
	return text as MessageType;
}

export function requireMessage(node: INode, itemIndex: number, value: unknown): string {
	const text = String(value ?? '').trim();
	if (text === '') fail(node, itemIndex, 'Message is empty', 'Write the text to log on the order.');
	if (text.length > MAX_MESSAGE_LENGTH) {
		fail(node, itemIndex, `Message is too long (${text.length} characters)`, `Keep it under ${MAX_MESSAGE_LENGTH} characters.`);
	}
	return text;
}
