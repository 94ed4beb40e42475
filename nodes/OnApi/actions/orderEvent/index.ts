import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule } from '../types';
import * as getMany from './getMany';

export const operations: Record<string, OperationModule> = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['orderEvent'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many order state changes since a cursor',
				action: 'Get many order events',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
