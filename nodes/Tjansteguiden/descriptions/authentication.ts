import type { INodeProperties } from 'n8n-workflow';

/**
 * Which side of Tjänsteguiden the node works for; it selects the credential. Workflows made
 * before this choice existed have no value and stay on the service-provider side (the default).
 */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Network Operator',
			value: 'networkOperator',
			description: "A city network (KO): the operator API on your own Atlas site, by API user and IP address",
		},
		{
			name: 'Service Provider',
			value: 'serviceProvider',
			description: 'A service provider (TL): Orders 1.0 on Stadsnätsportalen, by API user and key',
		},
	],
	default: 'serviceProvider',
};
