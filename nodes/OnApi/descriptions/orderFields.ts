/** Order fields several operations share, described once, and the order operations' own field builders. */
import type { INodeProperties } from 'n8n-workflow';

/** Operations that place an order (`POST orders/`) and so can wait for it. */
export const CREATE_OPERATIONS = ['activate', 'deactivate', 'change', 'suspend', 'resume', 'modify'];

export const equipmentField: INodeProperties = {
	displayName: 'Equipment',
	name: 'equipment',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Device',
	default: {},
	description: 'Equipment the service is tied to, such as an IPTV box or VoIP adapter',
	options: [
		{
			displayName: 'Device',
			name: 'device',
			values: [
				{
					displayName: 'MAC Address',
					name: 'macAddress',
					type: 'string',
					default: '',
					placeholder: 'e.g. AA:BB:CC:11:22:33',
					description: 'The device\'s MAC address, six pairs of hex digits separated by colons',
				},
				{
					displayName: 'Vendor ID',
					name: 'vendorId',
					type: 'string',
					default: '',
					placeholder: 'e.g. ACME-IPTV',
					description: 'The DHCP option 60 vendor class identifier',
				},
			],
		},
	],
};

export const characteristicsField: INodeProperties = {
	displayName: 'Characteristics',
	name: 'characteristics',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Characteristic',
	default: {},
	description: 'Settings for the subscription, as the service offers them (see Service → Get Many)',
	options: [
		{
			displayName: 'Characteristic',
			name: 'characteristic',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. fixedIp',
					description: 'The spec defines fixedIp (true/false), ipAddresses (comma-separated IPs; ipAddress is sent as written) and SLA. Others are sent as text, true/false or JSON.',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. true',
				},
			],
		},
	],
};

export const requestedDateTimeField: INodeProperties = {
	displayName: 'Requested Date Time',
	name: 'requestedDateTime',
	type: 'dateTime',
	default: '',
	description: 'Earliest time the operator should carry out the order. Empty or past means now. Sent in UTC; a time without offset is read in the workflow\'s time zone.',
};

export const spReferenceField: INodeProperties = {
	displayName: 'SP Reference',
	name: 'spReference',
	type: 'string',
	default: '',
	description: 'Your ID of the end customer or service (ON-API ID format). With it, the node may safely retry a create after a server error or timeout, because the operator answers a repeated order with the pending one.',
};

export const spSubscriptionIdField: INodeProperties = {
	displayName: 'SP Subscription ID',
	name: 'spSubscriptionId',
	type: 'string',
	default: '',
	description: 'Your ID of the subscription (ON-API ID format)',
};

export const optionalAccessIdField: INodeProperties = {
	displayName: 'Access ID',
	name: 'accessId',
	type: 'string',
	default: '',
	description: 'The access the subscription is on (2.4 examples send it; most operators do not need it)',
};

export const optionalServiceField: INodeProperties = {
	displayName: 'Service',
	name: 'service',
	type: 'string',
	default: '',
	description: 'The service of the subscription (2.4 examples send it; most operators do not need it)',
};

/** The "Additional Fields" collection of one order operation; its options are read into the order. */
export function additionalFieldsFor(operation: string, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show: { resource: ['order'], operation: [operation] } },
		default: {},
		options,
	};
}

export function orderIdField(operation: string): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		displayOptions: { show: { resource: ['order'], operation: [operation] } },
		default: '',
		description: 'The operator\'s ID of the order (orderId in the order\'s output)',
	};
}

export function subscriptionIdField(operation: string): INodeProperties {
	return {
		displayName: 'Subscription ID',
		name: 'subscriptionId',
		type: 'string',
		required: true,
		displayOptions: { show: { resource: ['order'], operation: [operation] } },
		default: '',
		description: 'The operator\'s ID of the subscription (from Subscription → Get Many, or the activation\'s output)',
	};
}

/**
 * The fields of an order on an existing subscription (Deactivate, Suspend, Resume, Modify): the
 * Subscription ID, and Additional Fields with what every such order may carry plus `extra`
 * (a field in `extra` replaces the common one of the same name), in alphabetical order.
 */
export function subscriptionOrderFields(operation: string, extra: INodeProperties[] = []): INodeProperties[] {
	const fields = new Map(
		[optionalAccessIdField, requestedDateTimeField, optionalServiceField, spReferenceField, spSubscriptionIdField].map(
			(field) => [field.name, field],
		),
	);
	for (const field of extra) fields.set(field.name, field);
	const sorted = [...fields.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return [subscriptionIdField(operation), additionalFieldsFor(operation, sorted)];
}

export const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		displayOptions: { show: { resource: ['order'], operation: [...CREATE_OPERATIONS, 'get'] } },
		default: false,
		description: 'Whether to poll the order until it is DONE_SUCCESS or DONE_FAILED before continuing',
	},
	{
		displayName: 'Wait Options',
		name: 'waitOptions',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show: { resource: ['order'], operation: [...CREATE_OPERATIONS, 'get'], waitForCompletion: [true] } },
		default: {},
		options: [
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3600, numberPrecision: 0 },
				default: 300,
				description: 'How long to wait for a final state. Longer waits belong in a scheduled workflow that checks the order later.',
			},
			{
				displayName: 'On Failed',
				name: 'onFailed',
				type: 'options',
				options: [
					{
						name: 'Error',
						value: 'error',
						description: 'DONE_FAILED (or no final state in time) stops the item with an error',
					},
					{
						name: 'Output',
						value: 'output',
						description: 'DONE_FAILED (or no final state in time) is a normal output item',
					},
				],
				default: 'error',
				description: 'What a failed order becomes',
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				// Whole seconds in the editor; fractions from expressions or older workflows still work.
				typeOptions: { minValue: 1, maxValue: 600, numberPrecision: 0 },
				default: 10,
				description: 'Time between two status checks',
			},
		],
	},
];
