import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { mapWithConcurrency } from './concurrency';

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

/** The item "Continue On Fail" puts in place of a failed one: the message, and what n8n adds. */
export function errorItemJson(error: unknown): IDataObject {
	const json: IDataObject = { error: error instanceof Error ? error.message : String(error) };
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.description) json.description = error.description;
	}
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return json;
}

/**
 * Runs `handle` once per input item, at most `concurrency` at a time, and returns the results in
 * input order, each paired with its input item. With "Continue On Fail" a failing item becomes an
 * error item and the others go on; otherwise the first failure stops the run.
 * `sequential` is for operations that carry a cursor from one item to the next.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<IDataObject[]>,
	options: { sequential?: boolean } = {},
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const requested = context.getNodeParameter('itemConcurrency', 0, DEFAULT_ITEM_CONCURRENCY) as number;
	const concurrency = options.sequential
		? 1
		: Number.isFinite(requested) && requested >= 1
			? Math.floor(requested)
			: DEFAULT_ITEM_CONCURRENCY;
	const continueOnFail = context.continueOnFail();
	const results = await mapWithConcurrency(items, concurrency, async (_item, itemIndex) => {
		try {
			return await handle(itemIndex);
		} catch (error) {
			if (continueOnFail) return [errorItemJson(error)];
			throw error;
		}
	});
	const output: INodeExecutionData[] = [];
	results.forEach((jsons, itemIndex) => {
		for (const json of jsons) output.push({ json, pairedItem: { item: itemIndex } });
	});
	return [output];
}
