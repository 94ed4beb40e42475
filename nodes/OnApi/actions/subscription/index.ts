import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule } from '../types';
import * as get from './get';
import * as getMany from './getMany';

export const operations: Record<string, OperationModule> = { get, getMany };

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
