import type { INodeProperties } from 'n8n-workflow';
import { servedOnPortal } from '../types';
import * as getMany from './getMany';

export const operations = servedOnPortal({ getMany });

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
