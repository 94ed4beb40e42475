/** Order Event: its operations and its Operation picker. */
import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/router';
import type { OnApiClient } from '../../transport/client';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations<OnApiClient> = { getMany };

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
