/**
 * ON-API: a service provider's side of the Open Networks API, the REST/JSON interface Swedish
 * communication operators (stadsnät) expose for accesses, services, subscriptions and orders.
 * This class only describes the node and hands the items to the shared router.
 */
import {
	NodeConnectionTypes,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IExecuteFunctions,
	type INodeCredentialTestResult,
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
import { testOnApiOperatorsCredential } from './operators/credentialTest';
import { testOnApiCredential } from './transport/credentialTest';

export class OnApi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ON-API',
		name: 'onApi',
		icon: 'file:onApi.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Activate and manage services at Swedish open-network operators through the ON-API',
		defaults: { name: 'ON-API' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: operatorCredentials({ one: 'onApiEndpoints', several: 'onApiOperatorsEndpoints' }),
		properties: [authenticationProperty, OPERATOR_FIELD, ...properties, itemConcurrencyField],
	};

	methods = {
		credentialTest: {
			async onApiEndpoints(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return await testOnApiCredential(this, credential);
			},
			async onApiOperatorsEndpoints(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return await testOnApiOperatorsCredential(this, credential);
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, { resources, clientFor: clientsForOneRun(), isSequential: readsWithCursor, laneOf: laneOfItem });
	}
}
