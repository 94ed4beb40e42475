/** Endpoint: its operations and its Operation picker. */
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
		displayOptions: { show: { resource: ['endpoint'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many endpoints the operator offers, with their paths and unsupported fields',
				action: 'Get many endpoints',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
