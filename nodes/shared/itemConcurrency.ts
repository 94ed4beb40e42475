/** The "Concurrent Items" parameter both action nodes show, and its default (the router reads it). */
import type { INodeProperties } from 'n8n-workflow';

export const DEFAULT_ITEM_CONCURRENCY = 5;

/** The "Concurrent Items" parameter both action nodes show below their operation fields. */
export const itemConcurrencyField: INodeProperties = {
	displayName: 'Concurrent Items',
	name: 'itemConcurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 20 },
	default: DEFAULT_ITEM_CONCURRENCY,
	description:
		'How many input items are processed at the same time. Output keeps the input order. Use 1 to send one request at a time.',
};
