/** Order → Resume: `POST orders/` with operation RESUME, lifting a suspension. */
import type { INodeProperties } from 'n8n-workflow';
import { subscriptionOrderFields } from '../../descriptions/orderFields';
import { placeOrderOperation } from '../../orders/placeOrder';

export const description: INodeProperties[] = subscriptionOrderFields('resume');

export const execute = placeOrderOperation('RESUME', ['subscriptionId']);
