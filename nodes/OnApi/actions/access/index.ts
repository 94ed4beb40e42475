import type { INodeProperties } from 'n8n-workflow';
import { servedOnPortal } from '../types';
import * as get from './get';
import * as getMany from './getMany';

export const operations = servedOnPortal({ get, getMany });

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
