/** Reading the query parameters both faces of the API share (`id`, `date`, ...); a bad one ends the call. */
import { startOfStockholmDay } from './stockholmTime';

/** A failed precondition; the method answers with an error envelope carrying this message. */
export class MethodFailure extends Error {}

export function required(params: URLSearchParams, name: string): string {
	const value = params.get(name);
	if (value === null || value.trim() === '') throw new MethodFailure(`Missing parameter: ${name}`);
	return value;
}

export function requiredId(params: URLSearchParams): number {
	const text = required(params, 'id').trim();
	if (!/^\d{1,15}$/.test(text)) throw new MethodFailure(`Invalid id: ${text}`);
	return Number(text);
}

/** The start (Stockholm midnight) of the `date` parameter's day. */
export function requiredDate(params: URLSearchParams): number {
	const text = required(params, 'date');
	const fromMs = startOfStockholmDay(text.trim());
	if (fromMs === undefined) throw new MethodFailure(`Invalid date: ${text}`);
	return fromMs;
}
