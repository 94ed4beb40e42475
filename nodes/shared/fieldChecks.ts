/**
 * The one family of input checks both nodes use. Every check is called the same way,
 * `check.call(this, itemIndex, field, value)`, where `field` is the parameter's display name, and
 * throws a NodeOperationError that names the field before any request is sent. `this` only needs
 * `getNode()`, so the triggers use the same checks.
 */
import { NodeOperationError, type INode } from 'n8n-workflow';

export interface NodeContext {
	getNode(): INode;
}

export type FieldCheck<T> = (this: NodeContext, itemIndex: number, field: string, value: unknown) => T;

/** Throws the error a bad field gets: the message names the field; the hint says what to enter. */
export function invalidField(this: NodeContext, itemIndex: number, field: string, message: string, hint?: string): never {
	const text = message.includes(field) ? message : `${field}: ${message}`;
	throw new NodeOperationError(this.getNode(), text, { itemIndex, description: hint });
}

/** A short, printable rendering of a value for an error message (never an object's contents). */
export function shownValue(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'empty';
	if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
	return `"${String(value).slice(0, 40)}"`;
}
