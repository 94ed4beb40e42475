import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { authenticationProperty } from './descriptions/authentication';
import { ONE_OPERATOR_CREDENTIAL_TYPE } from './operators/connections';
import { onApiCredentialTests } from './operators/credentialTest';
import { ORDER_FINISHED, ORDER_STATE_CHANGED } from './trigger/eventItem';
import { pollOnApi } from './trigger/poll';

export class OnApiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ON-API Trigger',
		name: 'onApiTrigger',
		icon: { light: 'file:onApi.svg', dark: 'file:onApi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "orderStateChanged" ? "Order State Changed" : "Order Finished"}}',
		description: 'Starts the workflow when a network operator finishes an order or changes its state',
		defaults: { name: 'ON-API Trigger' },
		polling: true,
		inputs: [],
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
		properties: [
			authenticationProperty,
			{
				displayName:
					'Each event is emitted once. On its first poll the trigger starts from now: orders already unfinished are remembered, not emitted (see "Emit Orders Unfinished Now"). Operators that offer orderevents are read from it; the others by comparing their unfinished orders with the last poll\'s.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Operator (coId)',
				name: 'coId',
				type: 'string',
				default: '',
				placeholder: 'e.g. SNFDMO',
				description: "The operator's coId, given as `operator` in every event. Empty: the host name of the credential's Base URL.",
				displayOptions: { show: { authentication: [ONE_OPERATOR_CREDENTIAL_TYPE] } },
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'Order Finished',
						value: ORDER_FINISHED,
						description: 'An order reached DONE_SUCCESS or DONE_FAILED',
					},
					{
						name: 'Order State Changed',
						value: ORDER_STATE_CHANGED,
						description:
							'Every change: a new order, RECEIVED → IN_PROGRESS, a new expectedCompletionDate (from the unfinished-orders list; orderevents only reports state changes) and the finish',
					},
				],
				default: ORDER_FINISHED,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Orders Unfinished Now',
						name: 'emitUnfinishedAtStart',
						type: 'boolean',
						default: false,
						description: 'Whether the first poll emits the orders that are unfinished right now (event: orderUnfinished), so that none is missed when the trigger is added to a running business',
					},
					{
						displayName: 'Only Orders With an spReference',
						name: 'onlyWithSpReference',
						type: 'boolean',
						default: true,
						description: 'Whether to emit only orders that carry an spReference: the ones your own systems placed',
					},
				],
			},
		],
	};

	methods = { credentialTest: onApiCredentialTests };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollOnApi(this);
	}
}
