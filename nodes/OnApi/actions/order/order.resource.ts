/** Order: its operations and its Operation picker. */
import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/router';
import { waitFields } from '../../descriptions/orderFields';
import type { OnApiClient } from '../../transport/client';
import * as activate from './activate.operation';
import * as cancel from './cancel.operation';
import * as change from './change.operation';
import * as deactivate from './deactivate.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as modify from './modify.operation';
import * as resume from './resume.operation';
import * as suspend from './suspend.operation';
import * as update from './update.operation';

export const operations: ResourceOperations<OnApiClient> = {
	activate,
	cancel,
	change,
	deactivate,
	get,
	getMany,
	modify,
	resume,
	suspend,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Activate',
				value: 'activate',
				description: 'Activate a service on an access',
				action: 'Activate a service',
			},
			{
				name: 'Cancel',
				value: 'cancel',
				description: 'Cancel an order that is still RECEIVED',
				action: 'Cancel an order',
			},
			{
				name: 'Change',
				value: 'change',
				description: 'Change a subscription to another service, e.g. another speed',
				action: 'Change a service',
			},
			{
				name: 'Deactivate',
				value: 'deactivate',
				description: 'End a subscription',
				action: 'Deactivate a service',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an order and its state',
				action: 'Get an order',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many unfinished orders, optionally for one access or in one state',
				action: 'Get many orders',
			},
			{
				name: 'Modify',
				value: 'modify',
				description: 'Update a subscription\'s references or parameters',
				action: 'Modify a subscription',
			},
			{
				name: 'Resume',
				value: 'resume',
				description: 'Resume a suspended subscription',
				action: 'Resume a service',
			},
			{
				name: 'Suspend',
				value: 'suspend',
				description: 'Suspend a subscription for a while (billing continues)',
				action: 'Suspend a service',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change an order that is still RECEIVED',
				action: 'Update an order',
			},
		],
		default: 'activate',
	},
	...activate.description,
	...deactivate.description,
	...change.description,
	...suspend.description,
	...resume.description,
	...modify.description,
	...get.description,
	...getMany.description,
	...update.description,
	...cancel.description,
	...waitFields,
];
