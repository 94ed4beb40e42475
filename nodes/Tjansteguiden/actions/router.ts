import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../shared/itemRunner';
import * as customer from './customer';
import * as order from './order';

type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

const resources: Record<string, Record<string, { execute: OperationExecute }>> = {
	customer: customer.operations,
	order: order.operations,
};

/**
 * Runs the chosen operation once per input item, a few items at a time (Concurrent Items). Every
 * output item points back at its input item; with "Continue On Fail" a failing item becomes an
 * error item and the rest go on.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem(this, async (itemIndex) => {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const handler = resources[resource]?.[operation];
		if (!handler) {
			throw new NodeOperationError(this.getNode(), `Unknown operation "${resource}.${operation}"`, { itemIndex });
		}
		return (await handler.execute.call(this, itemIndex)).map((result) => result.json);
	});
}
