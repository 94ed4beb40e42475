/**
 * ON-API: a service provider's side of the Open Networks API, the REST/JSON interface Swedish
 * communication operators (stadsnät) expose for accesses, services, subscriptions and orders.
 * This class only describes the node and hands the items to the shared router.
 */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { itemConcurrencyField } from '../shared/itemConcurrency';
import { route } from '../shared/router';
import { clientsForOneRun, laneOfItem } from './actions/clientFor';
import { properties, readsWithCursor, resources } from './actions/resources';
import { authenticationProperty } from './descriptions/authentication';
import { OPERATOR_FIELD } from './descriptions/operator';
import { onApiCredentialTests } from './operators/credentialTest';

export class OnApi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ON-API',
		name: 'onApi',
		icon: { light: 'file:onApi.svg', dark: 'file:onApi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Activate and manage services at Swedish open-network operators through the ON-API',
		defaults: { name: 'ON-API' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Literal, as n8n's package scan reads `testedBy` from the source; a test checks them against
		// the Authentication options and the credential tests (test/onapi/OnApi.node.test.ts).
		credentials: [
			{
				name: 'onApi',
				required: true,
				testedBy: 'onApiEndpoints',
				displayOptions: { show: { authentication: ['onApi'] } },
			},
			{
				name: 'onApiOperatorsApi',
				required: true,
				testedBy: 'onApiOperatorsEndpoints',
				displayOptions: { show: { authentication: ['onApiOperatorsApi'] } },
			},
		],
		properties: [authenticationProperty, OPERATOR_FIELD, ...properties, itemConcurrencyField],
	};

	methods = { credentialTest: onApiCredentialTests };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, { resources, clientFor: clientsForOneRun(), isSequential: readsWithCursor, laneOf: laneOfItem });
	}
}
