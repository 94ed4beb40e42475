import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/router';
import type { TjansteguidenClient } from '../../transport/client';

import * as get from './get.operation';
import * as getMany from './getMany.operation';

/** The resource's operations by their `operation` value; each is one `<operation>.operation.ts`. */
export const operations: ResourceOperations<TjansteguidenClient> = { get, getMany };

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
