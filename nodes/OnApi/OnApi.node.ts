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
import { authenticationProperty, operatorCredentials } from './descriptions/authentication';
import { OPERATOR_FIELD } from './descriptions/operator';
import { CREDENTIAL_TESTS, onApiCredentialTests } from './operators/credentialTest';

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
		credentials: operatorCredentials(CREDENTIAL_TESTS),
		properties: [authenticationProperty, OPERATOR_FIELD, ...properties, itemConcurrencyField],
	};

	methods = { credentialTest: onApiCredentialTests };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, { resources, clientFor: clientsForOneRun(), isSequential: readsWithCursor, laneOf: laneOfItem });
	}
}
