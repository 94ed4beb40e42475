/** Order → Activate: `POST orders/` with operation ACTIVATE, a service on an access. */
import type { INodeProperties } from 'n8n-workflow';
import {
	additionalFieldsFor,
	characteristicsField,
	equipmentField,
	requestedDateTimeField,
	spReferenceField,
	spSubscriptionIdField,
} from '../../descriptions/orderFields';
import { placeOrderOperation } from '../../orders/placeOrder';

const show = { resource: ['order'], operation: ['activate'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Access ID',
		name: 'accessId',
		type: 'string',
		required: true,
		displayOptions: { show },
		default: '',
		placeholder: 'e.g. SNDEMO-A0001',
		description: 'The access to activate the service on',
	},
	{
		displayName: 'Service',
		name: 'service',
		type: 'string',
		required: true,
		displayOptions: { show },
		default: '',
		placeholder: 'e.g. BB-100-100',
		description: 'The operator\'s name of the service, as listed by Service → Get Many',
	},
	additionalFieldsFor('activate', [
		characteristicsField,
		equipmentField,
		{
			displayName: 'Forced Takeover',
			name: 'forcedTakeover',
			type: 'boolean',
			default: false,
			description: 'Whether to take the service over from another service provider. Only allowed when the service\'s forcedTakeoverPossible is true.',
		},
		requestedDateTimeField,
		{ ...spReferenceField, description: `${spReferenceField.description} Required by ON-API 2.4.` },
		spSubscriptionIdField,
	]),
];

export const execute = placeOrderOperation('ACTIVATE', ['accessId', 'service']);
