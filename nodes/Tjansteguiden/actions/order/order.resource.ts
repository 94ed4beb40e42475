import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/router';
import type { TjansteguidenClient } from '../../transport/client';

import * as addMessage from './addMessage.operation';
import * as get from './get.operation';
import * as getLog from './getLog.operation';
import * as getMany from './getMany.operation';
import * as setStatus from './setStatus.operation';

/** The resource's operations by their `operation` value; each is one `<operation>.operation.ts`. */
export const operations: ResourceOperations<TjansteguidenClient> = { addMessage, get, getLog, getMany, setStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Add Message',
				value: 'addMessage',
				action: 'Add a message to an order',
				description: 'Log a typed message on an order (add_message)',
			},
			{ name: 'Get', value: 'get', action: 'Get an order', description: 'Get the details of an order (order_info)' },
			{ name: 'Get Log', value: 'getLog', action: 'Get the log of an order', description: 'Get the log entries of an order (order_log)' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many orders',
				description: 'Get the orders created since a date (orders)',
			},
			{
				name: 'Set Status',
				value: 'setStatus',
				action: 'Set the status of an order',
				description: 'Change the status of an order (set_status)',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...get.description,
	...getLog.description,
	...setStatus.description,
	...addMessage.description,
];
