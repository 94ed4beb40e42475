/** Subscription: its operations and its Operation picker. */
import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/router';
import type { OnApiClient } from '../../transport/client';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations<OnApiClient> = { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one of your subscriptions',
				action: 'Get a subscription',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many of your subscriptions',
				action: 'Get many subscriptions',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
];
