/** Service: its operations and its Operation picker. */
import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/router';
import type { OnApiClient } from '../../transport/client';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations<OnApiClient> = { getMany };

/** Stadsnätsportalen's read-only ON-API serves these too. */
export const portalOperations = ['getMany'];

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['service'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many services an access offers, with whether each can be ordered now',
				action: 'Get many services',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
