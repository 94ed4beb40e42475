/**
 * ON-API: a service provider's side of the Open Networks API, the REST/JSON interface Swedish
 * communication operators (stadsnät) expose for accesses, services, subscriptions and orders.
 * This class only describes the node and hands each item to its operation module.
 */
import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IExecuteFunctions,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { itemConcurrencyField, runPerItem } from '../shared/itemRunner';
import { operationsByResource, properties } from './actions/resources';
import type { OperationModule } from './actions/types';
import { resolveConnection, type OnApiConnection } from './transport/connection';
import { testOnApiCredential } from './transport/credentialTest';

function findOperation(this: IExecuteFunctions, resource: string, operation: string, itemIndex: number): OperationModule {
	const module = operationsByResource[resource]?.[operation];
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not known`, { itemIndex });
	}
	return module;
}

/** Incremental reads pass a cursor (Last-Modified, event ID) from one item to the next. */
function readsWithCursor(resource: string, operation: string): boolean {
	return operation === 'getMany' && (resource === 'access' || resource === 'orderEvent');
}

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
		credentials: [{ name: 'onApi', required: true, testedBy: 'onApiEndpoints' }],
		properties: [...properties, itemConcurrencyField],
	};

	methods = {
		credentialTest: {
			async onApiEndpoints(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return await testOnApiCredential(this, credential);
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// One connection (credentials, API root, discovered paths) for all items of this run.
		let connection: Promise<OnApiConnection> | undefined;
		return await runPerItem(
			this,
			async (itemIndex) => {
				try {
					const resource = this.getNodeParameter('resource', itemIndex) as string;
					const operation = this.getNodeParameter('operation', itemIndex) as string;
					const module = findOperation.call(this, resource, operation, itemIndex);
					connection ??= resolveConnection.call(this, itemIndex);
					const resolved = await connection;
					if (resolved.portal && !module.availableOnPortal) {
						throw new NodeOperationError(
							this.getNode(),
							`Stadsnätsportalen's ON-API does not offer ${resource} → ${operation}`,
							{
								itemIndex,
								description: 'Stadsnätsportalen (…/plain/onapi/{coId}) is read-only: endpoints, accesses and the services listed in accesses. Orders and subscriptions go to the operator\'s own ON-API; use a credential with its base URL.',
							},
						);
					}
					return await module.execute.call(this, itemIndex, resolved);
				} catch (error) {
					if (error instanceof NodeApiError || error instanceof NodeOperationError) {
						if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
						throw error;
					}
					throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
				}
			},
			{ sequential: readsWithCursor(this.getNodeParameter('resource', 0) as string, this.getNodeParameter('operation', 0) as string) },
		);
	}
}
