/**
 * The ON-API node's input checks, in the shared form `check.call(this, itemIndex, field, value)`
 * (nodes/shared/fieldChecks.ts). Here `field` is the ON-API's name for the field, which is also
 * the parameter's `name`: the spec, the operator's own errors and the node's messages then all
 * say `spReference`. Every failure reads `Invalid field "<field>": <what is wrong>`.
 */
import type { IDataObject } from 'n8n-workflow';
import { invalidField, shownValue, type FieldCheck, type NodeContext } from '../../shared/fieldChecks';
import { normaliseOnApiId, normaliseText, ON_API_ID_RULE, toHttpDate } from './formats';
import type { FieldProblem } from './onApiTypes';

function refuse(this: NodeContext, itemIndex: number, field: string, message: string, hint?: string): never {
	return invalidField.call(this, itemIndex, field, `Invalid field "${field}": ${message}`, hint);
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A required ON-API ID, e.g. accessId or orderId. */
export const onApiId: FieldCheck<string> = function (itemIndex, field, value) {
	const id = normaliseOnApiId(value);
	if (id === undefined) return refuse.call(this, itemIndex, field, `${field} ${ON_API_ID_RULE} (got ${shownValue(value)})`);
	return id;
};

/** An optional ON-API ID: undefined when left empty. */
export const optionalOnApiId: FieldCheck<string | undefined> = function (itemIndex, field, value) {
	return isEmpty(value) ? undefined : onApiId.call(this, itemIndex, field, value);
};

/** Optional ON-API text (at most 255 characters): undefined when left empty. */
export const optionalText: FieldCheck<string | undefined> = function (itemIndex, field, value) {
	if (isEmpty(value)) return undefined;
	const text = normaliseText(value);
	if (text === undefined) return refuse.call(this, itemIndex, field, `${field} must be text of at most 255 characters`);
	return text;
};

/** An optional time for If-Modified-Since, as an HTTP date; undefined when left empty. */
export function optionalHttpDate(timezone: string): FieldCheck<string | undefined> {
	return function (itemIndex, field, value) {
		if (isEmpty(value)) return undefined;
		const date = toHttpDate(value, timezone);
		if (date === undefined) {
			return refuse.call(this, itemIndex, field, `${field} must be an HTTP date or an ISO 8601 date-time (got ${shownValue(value)})`);
		}
		return date;
	};
}

/** Problems several fields were checked for at once: the first is the error, the others its hint. */
export const noProblems: FieldCheck<void> = function (itemIndex, _field, value) {
	const problems = value as FieldProblem[];
	if (problems.length === 0) return;
	const [first, ...others] = problems;
	const hint = others.length > 0 ? `Also: ${others.map((problem) => problem.message).join('; ')}` : undefined;
	refuse.call(this, itemIndex, first.field, first.message, hint);
};

/** A request body built from several fields (orderBody.ts): the body, once it has no problems. */
export const checkedBody: FieldCheck<IDataObject> = function (itemIndex, field, value) {
	const built = value as { body: IDataObject; problems: FieldProblem[] };
	noProblems.call(this, itemIndex, field, built.problems);
	return built.body;
};
