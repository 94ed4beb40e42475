/** Reading JSON the operator sent, where any value may have any type. */
import type { IDataObject } from 'n8n-workflow';

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects of a JSON list; anything else in it is skipped. */
export function objectsIn(value: unknown): IDataObject[] {
	return Array.isArray(value) ? value.filter(isObject) : [];
}
