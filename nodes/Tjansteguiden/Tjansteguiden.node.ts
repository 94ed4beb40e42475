import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { itemConcurrencyField } from '../shared/itemConcurrency';
import { route } from '../shared/router';
import * as customer from './actions/customer/customer.resource';
import * as order from './actions/order/order.resource';
import { authenticationProperty } from './descriptions/authentication';
import { clientFor } from './transport/client';
import { credentialTests } from './transport/credentialTests';

const resources = { customer: customer.operations, order: order.operations };

export class Tjansteguiden implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tjänsteguiden',
		name: 'tjansteguiden',
		icon: { light: 'file:tjansteguiden.svg', dark: 'file:tjansteguiden.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read and update Tjänsteguiden orders and customers, as a service provider or a network operator',
		defaults: {
			name: 'Tjänsteguiden',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'tjansteguidenApi',
				required: true,
				testedBy: 'tjansteguidenApiLogin',
				displayOptions: { show: { authentication: ['serviceProvider'] } },
			},
			{
				name: 'tjansteguidenOperatorApi',
				required: true,
				testedBy: 'tjansteguidenOperatorApiAccess',
				displayOptions: { show: { authentication: ['networkOperator'] } },
			},
		],
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Customer', value: 'customer' },
					{ name: 'Order', value: 'order' },
				],
				default: 'order',
			},
			...order.description,
			...customer.description,
			itemConcurrencyField,
		],
	};

	methods = { credentialTest: credentialTests };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, { resources, clientFor });
	}
}
