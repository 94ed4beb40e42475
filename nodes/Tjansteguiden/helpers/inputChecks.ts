/**
 * The Tjänsteguiden node's input checks, in the shared form of nodes/shared/fieldChecks.ts:
 * `check.call(this, itemIndex, field, value)`, where `field` is the parameter's display name.
 * Each returns the value as the API wants it or throws a NodeOperationError naming the field.
 */
import { invalidField, type FieldCheck } from '../../shared/fieldChecks';
import { toApiDate } from './dates';
import { MESSAGE_TYPES, ORDER_STATUSES, type MessageType, type OrderStatus } from './vocabulary';

/** Longest message we send: a query-string parameter, so keep it well inside URL limits. */
export const MAX_MESSAGE_LENGTH = 2000;

/** An order or customer ID: digits only (numbers from expressions are accepted). */
export const requireNumericId: FieldCheck<string> = function (itemIndex, field, value) {
	const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : String(value ?? '').trim();
	if (text === '') invalidField.call(this, itemIndex, field, `${field} is empty`, `Set ${field} to the numeric ID from Tjänsteguiden.`);
	if (!/^\d{1,18}$/.test(text)) {
		invalidField.call(this, itemIndex, field, `${field} must be a number, got "${text.slice(0, 40)}"`, 'Tjänsteguiden IDs are whole numbers, e.g. 19530.');
	}
	return text;
};

/** A "since" date as the API's `date` parameter wants it (see toApiDate). */
export const requireApiDate: FieldCheck<string> = function (itemIndex, field, value) {
	const date = toApiDate(value);
	if (date === undefined) {
		return invalidField.call(
			this,
			itemIndex,
			field,
			`${field} is not a valid date: "${String(value).slice(0, 40)}"`,
			'Use YYYY-MM-DD, e.g. 2026-11-27, or leave it empty for today.',
		);
	}
	return date;
};

export const requireStatus: FieldCheck<OrderStatus> = function (itemIndex, field, value) {
	const text = String(value ?? '').trim();
	if (!(ORDER_STATUSES as readonly string[]).includes(text)) {
		invalidField.call(this, itemIndex, field, `${field} "${text}" is not a Tjänsteguiden status`, `Use one of: ${ORDER_STATUSES.join(', ')}.`);
	}
	return text as OrderStatus;
};

export const requireMessageType: FieldCheck<MessageType> = function (itemIndex, field, value) {
	const text = String(value ?? '').trim();
	if (!(MESSAGE_TYPES as readonly string[]).includes(text)) {
		invalidField.call(this, itemIndex, field, `${field} "${text}" is not a Tjänsteguiden message type`, `Use one of: ${MESSAGE_TYPES.join(', ')}.`);
	}
	return text as MessageType;
};

export const requireMessage: FieldCheck<string> = function (itemIndex, field, value) {
	const text = String(value ?? '').trim();
	if (text === '') invalidField.call(this, itemIndex, field, `${field} is empty`, 'Write the text to log on the order.');
	if (text.length > MAX_MESSAGE_LENGTH) {
		invalidField.call(this, itemIndex, field, `${field} is too long (${text.length} characters)`, `Keep it under ${MAX_MESSAGE_LENGTH} characters.`);
	}
	return text;
};
