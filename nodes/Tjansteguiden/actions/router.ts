import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import * as customer from './customer';
import * as order from './order';

type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

const resources: Record<string, Record<string, { execute: OperationExecute }>> = {
	customer: customer.operations,
	order: order.operations,
};

/**
 * Runs the chosen operation once per input item. Every output item points back at its input
 * item; with "Continue On Fail" a failing item becomes an error item and the rest go on.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const handler = resources[resource]?.[operation];
			if (!handler) {
				throw new NodeOperationError(this.getNode(), `Unknown operation "${resource}.${operation}"`, { itemIndex });
			}
			const results = await handler.execute.call(this, itemIndex);
			for (const result of results) output.push({ ...result, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				const failure = error as Error & { description?: string };
				output.push({
					json: { error: failure.message, ...(failure.description ? { description: failure.description } : {}) },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw error;
		}
	}
	return [output];
}
