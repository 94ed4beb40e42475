/**
 * The one router both action nodes hand their items to. It owns what every operation needs the
 * same way: finding the operation, bounded item concurrency, "Continue On Fail", `pairedItem` on
 * every output item, and turning stray errors into n8n errors that name the item. Operations only
 * map their parameters to a client call (see `Operation`).
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_ITEM_CONCURRENCY } from './itemConcurrency';
import { mapWithConcurrency } from './concurrency';

/**
 * One operation of a node: its fields, and how it runs for one input item with the API client the
 * node gives it. It returns the JSON of its output items; the router pairs them with the input item.
 */
export interface Operation<Client> {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, client: Client): Promise<IDataObject[]>;
}

/** A resource's operations by their `operation` value. */
export type ResourceOperations<Client> = Record<string, Operation<Client>>;

/** Which operation an item asked for, as the router found it. */
export interface RoutedOperation<Client> {
	resource: string;
	operation: string;
	module: Operation<Client>;
}

export interface NodeRoutes<Client> {
	/** Every resource's operations, by the `resource` value. */
	resources: Record<string, ResourceOperations<Client>>;
	/**
	 * The API client for one item. The node decides what items share (one connection per run, one
	 * per operator, …) and may refuse an operation here, before any request.
	 */
	clientFor(this: IExecuteFunctions, itemIndex: number, routed: RoutedOperation<Client>): Promise<Client>;
	/** Operations that carry a cursor from one item to the next run one item at a time. */
	isSequential?(resource: string, operation: string): boolean;
	/**
	 * Items in different lanes (e.g. for different operators) run side by side, each lane at most
	 * "Concurrent Items" at a time, so that a slow lane does not hold back the others. Without it
	 * every item is in one lane.
	 */
	laneOf?(this: IExecuteFunctions, itemIndex: number): string;
}

function findOperation<Client>(
	context: IExecuteFunctions,
	routes: NodeRoutes<Client>,
	itemIndex: number,
): RoutedOperation<Client> {
	const resource = context.getNodeParameter('resource', itemIndex) as string;
	const operation = context.getNodeParameter('operation', itemIndex) as string;
	const module = routes.resources[resource]?.[operation];
	if (!module) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" of "${resource}" is not known`, {
			itemIndex,
			description: 'The workflow names an operation this version of the node does not have. Pick the operation again.',
		});
	}
	return { resource, operation, module };
}

/** The item "Continue On Fail" puts in place of a failed one: the message, and what n8n adds. */
export function errorItemJson(error: unknown): IDataObject {
	const json: IDataObject = { error: error instanceof Error ? error.message : String(error) };
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.description) json.description = error.description;
	}
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return json;
}

/** n8n's own errors keep their message and get the item; anything else becomes one that names it. */
function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

function itemConcurrency(context: IExecuteFunctions, sequential: boolean): number {
	if (sequential) return 1;
	const requested = context.getNodeParameter('itemConcurrency', 0, DEFAULT_ITEM_CONCURRENCY) as number;
	return Number.isFinite(requested) && requested >= 1 ? Math.floor(requested) : DEFAULT_ITEM_CONCURRENCY;
}

/**
 * Runs `runItem` for every item index, lane by lane side by side, at most `limit` at a time per
 * lane; results in item order. After a failure no lane starts another item, and the failure of the
 * earliest item is thrown once every started item has ended.
 */
async function runInLanes(
	context: IExecuteFunctions,
	count: number,
	limit: number,
	runItem: (itemIndex: number) => Promise<IDataObject[]>,
	laneOf: NodeRoutes<unknown>['laneOf'],
): Promise<IDataObject[][]> {
	const indexes = Array.from({ length: count }, (_, index) => index);
	if (!laneOf) return await mapWithConcurrency(indexes, limit, async (itemIndex) => await runItem(itemIndex));
	const lanes = new Map<string, number[]>();
	for (const itemIndex of indexes) {
		const lane = laneOf.call(context, itemIndex);
		lanes.set(lane, [...(lanes.get(lane) ?? []), itemIndex]);
	}
	const results = new Array<IDataObject[]>(count);
	const failures: Array<{ itemIndex: number; error: unknown }> = [];
	await Promise.all(
		[...lanes.values()].map(async (laneIndexes) => {
			await mapWithConcurrency(laneIndexes, limit, async (itemIndex) => {
				if (failures.length > 0) return;
				try {
					results[itemIndex] = await runItem(itemIndex);
				} catch (error) {
					failures.push({ itemIndex, error });
				}
			});
		}),
	);
	if (failures.length > 0) throw failures.sort((a, b) => a.itemIndex - b.itemIndex)[0].error;
	return results;
}

/**
 * Runs each input item's operation, at most "Concurrent Items" at a time, and returns the results
 * in input order, each paired with its input item. With "Continue On Fail" a failing item becomes
 * an error item and the others go on; otherwise the first failure stops the run.
 */
export async function route<Client>(this: IExecuteFunctions, routes: NodeRoutes<Client>): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	const first = findOperation(this, routes, 0);
	const sequential = routes.isSequential?.(first.resource, first.operation) ?? false;
	const continueOnFail = this.continueOnFail();
	const runItem = async (itemIndex: number): Promise<IDataObject[]> => {
		try {
			const routed = itemIndex === 0 ? first : findOperation(this, routes, itemIndex);
			const client = await routes.clientFor.call(this, itemIndex, routed);
			return await routed.module.execute.call(this, itemIndex, client);
		} catch (error) {
			const nodeError = asNodeError(this, error, itemIndex);
			if (continueOnFail) return [errorItemJson(nodeError)];
			throw nodeError;
		}
	};
	const results = await runInLanes(this, items.length, itemConcurrency(this, sequential), runItem, sequential ? undefined : routes.laneOf);
	const output: INodeExecutionData[] = [];
	results.forEach((jsons, itemIndex) => {
		for (const json of jsons) output.push({ json, pairedItem: { item: itemIndex } });
	});
	return [output];
}
