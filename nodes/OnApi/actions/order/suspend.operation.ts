/** Order → Suspend: `POST orders/` with operation SUSPEND, blocking a subscription for a while. */
import type { INodeProperties } from 'n8n-workflow';
import { subscriptionOrderFields } from '../../descriptions/orderFields';
import { placeOrderOperation } from '../../orders/placeOrder';

export const description: INodeProperties[] = subscriptionOrderFields('suspend', [
	{
		displayName: 'External Note',
		name: 'externalNote',
		type: 'string',
		default: '',
		placeholder: 'e.g. Your service is blocked due to outstanding payment',
		description: 'Text the operator may show the end customer (at most 255 characters)',
	},
]);

export const execute = placeOrderOperation('SUSPEND', ['subscriptionId']);
