/** Order → Modify: `POST orders/` with operation MODIFY, updating your references (2.5+: and parameters). */
import type { INodeProperties } from 'n8n-workflow';
import { characteristicsField, equipmentField, subscriptionOrderFields } from '../../descriptions/orderFields';
import { placeOrderOperation } from '../../orders/placeOrder';

export const description: INodeProperties[] = subscriptionOrderFields('modify', [
	{ ...characteristicsField, description: 'New settings for the subscription (ON-API 2.5 and later)' },
	{ ...equipmentField, description: 'New equipment for the subscription (ON-API 2.5 and later)' },
]);

export const execute = placeOrderOperation('MODIFY', ['subscriptionId']);
