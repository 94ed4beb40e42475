/** Access: its operations and its Operation picker. */
import type { INodeProperties } from 'n8n-workflow';
import type { ResourceOperations } from '../../../shared/router';
import type { OnApiClient } from '../../transport/client';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations<OnApiClient> = { get, getMany };

/** Stadsnätsportalen's read-only ON-API serves these too. */
export const portalOperations = ['get', 'getMany'];

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['access'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one access with its services',
				action: 'Get an access',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many accesses, optionally only those changed since a time',
				action: 'Get many accesses',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
];
