/**
 * Placing an order (`POST orders/`), shared by the six order operations: each one's execute is
 * `placeOrderOperation(OPERATION, its top-level parameters)`.
 *
 * 201 is a new order. 200 is the operator saying it already has this: an identical pending order,
 * or the service already in the requested state (responses.md). Both are success; the output says
 * `duplicate: true` for the second kind.
 */
import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../../shared/router';
import { checkedBody } from '../helpers/fieldChecks';
import { buildOrderBody, type OrderInput } from '../helpers/orderBody';
import type { OrderOperation } from '../helpers/onApiTypes';
import type { OnApiClient } from '../transport/client';
import { readWaitOptions, waitForCompletion } from './waitForCompletion';

export function placeOrderOperation(operation: OrderOperation, topLevel: string[]): Operation<OnApiClient>['execute'] {
	return async function (itemIndex, client) {
		const input: IDataObject = {};
		for (const name of topLevel) input[name] = this.getNodeParameter(name, itemIndex, '');
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const built = buildOrderBody(operation, client.version, { ...additional, ...input } as OrderInput, this.getTimezone());
		const body = checkedBody.call(this, itemIndex, 'Additional Fields', built);
		const waitOptions = readWaitOptions.call(this, itemIndex);

		const { order, duplicate, location } = await client.orders.place(body);
		if (order.operation === undefined) order.operation = operation;
		if (!waitOptions) return [{ ...order, duplicate }];
		const waited = await waitForCompletion.call(this, itemIndex, client, order, waitOptions, { requested: body, location });
		return [{ ...waited, duplicate }];
	};
}
