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
