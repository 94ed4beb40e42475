import type { INodeProperties } from 'n8n-workflow';

import * as get from './get';
import * as getMany from './getMany';

export const operations = { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a customer', description: 'Get the end customer behind an order (customer_info)' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many customers',
				description: 'Get the customers created or edited since a date (customers)',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
];
