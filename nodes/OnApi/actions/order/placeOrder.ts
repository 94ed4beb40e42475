/**
 * Placing an order (`POST orders/`), shared by the six order operations: each is
 * `placeOrderOperation(OPERATION, its top-level parameters)`.
 *
 * 201 is a new order. 200 is the operator saying it already has this: an identical pending order,
 * or the service already in the requested state (responses.md). Both are success; the output says
 * `duplicate: true` for the second kind.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { buildOrderBody, type OrderInput } from '../../helpers/orderBody';
import type { OrderOperation } from '../../helpers/onApiTypes';
import { normaliseOrder, orderIdFromLocation } from '../../helpers/normaliseOrder';
import type { OnApiConnection } from '../../transport/connection';
import { locateEndpoint } from '../../transport/discovery';
import { onApiRequest } from '../../transport/request';
import { throwIfProblems } from '../common/fieldErrors';
import { isObject } from '../common/returnAll';
import type { OperationExecute } from '../types';
import { readWaitOptions, waitForCompletion } from './waitForCompletion';

/** Refuses fields the operator's Endpoints list marks as unsupported on its order endpoint. */
export function assertSupported(
	this: IExecuteFunctions,
	body: IDataObject,
	unsupportedFields: string[],
	itemIndex: number,
): void {
	const refused = Object.keys(body).filter((field) => unsupportedFields.includes(field));
	if (refused.length === 0) return;
	throw new NodeOperationError(
		this.getNode(),
		`Invalid field "${refused[0]}": the operator does not support ${refused.join(', ')} on its order endpoint`,
		{ itemIndex, description: 'The operator lists these as unsupportedFields in its endpoint list. Leave them empty.' },
	);
}

/** Reads the operation's parameters into the shape buildOrderBody checks. */
function readOrderInput(
	this: IExecuteFunctions,
	itemIndex: number,
	topLevel: string[],
): OrderInput {
	const input: IDataObject = {};
	for (const name of topLevel) input[name] = this.getNodeParameter(name, itemIndex, '');
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return { ...additional, ...input } as OrderInput;
}

async function placeOrder(
	this: IExecuteFunctions,
	itemIndex: number,
	connection: OnApiConnection,
	operation: OrderOperation,
	input: OrderInput,
): Promise<IDataObject[]> {
	const { body, problems } = buildOrderBody(operation, connection.version, input, this.getTimezone());
	throwIfProblems.call(this, problems, itemIndex);
	const waitOptions = readWaitOptions.call(this, itemIndex);

	const orders = await locateEndpoint.call(this, connection, 'orders', itemIndex);
	assertSupported.call(this, body, orders.unsupportedFields, itemIndex);
	const response = await onApiRequest.call(this, {
		method: 'POST',
		url: orders.url,
		body,
		purpose: 'create',
		retryServerErrors: typeof body.spReference === 'string',
		itemIndex,
	});

	const order = normaliseOrder(isObject(response.body) ? response.body : {});
	if (order.orderId === undefined) {
		const fromLocation = orderIdFromLocation(response.headers.location);
		if (fromLocation !== undefined) order.orderId = fromLocation;
	}
	if (order.operation === undefined) order.operation = operation;
	const duplicate = response.statusCode === 200;

	if (!waitOptions) return [{ ...order, duplicate }];
	const waited = await waitForCompletion.call(this, connection, orders.url, order, waitOptions, itemIndex, {
		requested: body,
		location: response.headers.location,
	});
	return [{ ...waited, duplicate }];
}

/**
 * The execute of an order operation: reads `topLevel` parameters and the Additional Fields, then
 * places the order as `operation`.
 */
export function placeOrderOperation(operation: OrderOperation, topLevel: string[]): OperationExecute {
	return async function (itemIndex, connection) {
		const input = readOrderInput.call(this, itemIndex, topLevel);
		return await placeOrder.call(this, itemIndex, connection, operation, input);
	};
}
