import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { authenticationProperty } from './descriptions/authentication';
import { statusOptions } from './descriptions/fields';
import { credentialTests } from './transport/credentialTests';
import { pollOrders } from './trigger/poll';

export class TjansteguidenTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tjänsteguiden Trigger',
		name: 'tjansteguidenTrigger',
		icon: { light: 'file:tjansteguiden.svg', dark: 'file:tjansteguiden.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Orders: " + $parameter["statuses"].join(", ")}}',
		description: 'Starts the workflow once for every new Tjänsteguiden order',
		defaults: {
			name: 'Tjänsteguiden Trigger',
		},
		polling: true,
		inputs: [],
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
				displayName:
					'Each order is emitted once (again only with "Emit Again After (Minutes)", when its execution died and left the order unfinished). On its first poll the trigger starts from now: orders that already exist are remembered, not emitted (see "Emit Orders From Last Days").',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: statusOptions,
				default: ['new', 'delivered'],
				description:
					'Emit orders that have one of these statuses when first seen. Delivered orders were direct-activated by the network operator and carry directActivated: true.',
			},
			{
				displayName: 'Fetch Order and Customer Details',
				name: 'enrich',
				type: 'boolean',
				default: true,
				description:
					'Whether to add the order details (order_info) and the customer (customer_info) to each order, so that the workflow needs no further lookups',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Concurrent Requests',
						name: 'concurrency',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 16, numberPrecision: 0 },
						default: 4,
						description: 'How many detail requests to run at the same time',
					},
					{
						displayName: 'Emit Again After (Minutes)',
						name: 'emitAgainAfterMinutes',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 1440, numberPrecision: 0 },
						default: 0,
						description:
							'Emit an order again, with emittedAgain: true, when Tjänsteguiden still shows it as new or received this many minutes after it was emitted: its execution died (n8n or a queue-mode worker crashed). At most 3 emissions per order. Only for workflows that are safe to run twice for an order and always move it on from received; set it well above your longest execution. 0: never.',
					},
					{
						displayName: 'Emit Orders From Last Days',
						name: 'backfillDays',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 60, numberPrecision: 0 },
						default: 0,
						description:
							'On the first poll, also emit the orders of this many past days (0: only orders that arrive from now on)',
					},
					{
						displayName: 'Fetch Customer Details',
						name: 'customerDetails',
						type: 'boolean',
						default: true,
						description:
							'Whether the details include the customer (customer_info, one call per customer per poll). Turn off when your workflow does not need the customer: one call less per order.',
					},
					{
						displayName: 'Include Personal Data',
						name: 'includePersonalData',
						type: 'boolean',
						default: false,
						description:
							"Whether to include personal identity numbers, e-mail addresses and phone numbers, in the order's details and the customer",
					},
					{
						displayName: 'Max Orders per Poll',
						name: 'maxOrdersPerPoll',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 1000, numberPrecision: 0 },
						default: 100,
						description: 'The rest are emitted by the next polls, oldest first, none lost',
					},
				],
			},
		],
	};

	methods = { credentialTest: credentialTests };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollOrders(this);
	}
}
