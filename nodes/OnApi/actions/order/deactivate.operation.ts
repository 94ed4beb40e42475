/** Order → Deactivate: `POST orders/` with operation DEACTIVATE, ending a subscription. */
import type { INodeProperties } from 'n8n-workflow';
import { requestedDateTimeField, subscriptionOrderFields } from '../../descriptions/orderFields';
import { placeOrderOperation } from '../../orders/placeOrder';

export const description: INodeProperties[] = subscriptionOrderFields('deactivate', [
	{
		...requestedDateTimeField,
		description: `${requestedDateTimeField.description} For a notice period, order today with the end of the period here.`,
	},
]);

export const execute = placeOrderOperation('DEACTIVATE', ['subscriptionId']);
