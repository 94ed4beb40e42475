/**
 * The ON-API nodes' Authentication choice: one operator (the `onApi` credential, the default, so
 * workflows saved before the choice existed keep working unchanged) or several (`onApiOperatorsApi`).
 */
import type { INodeProperties } from 'n8n-workflow';

import { ONE_OPERATOR_CREDENTIAL_TYPE, OPERATORS_CREDENTIAL_TYPE } from '../operators/connections';

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'One Operator',
			value: ONE_OPERATOR_CREDENTIAL_TYPE,
			description: 'An ON-API credential: one operator',
		},
		{
			name: 'Several Operators',
			value: OPERATORS_CREDENTIAL_TYPE,
			description: 'An ON-API Operators credential: a list of operators, picked by coId',
		},
	],
	default: ONE_OPERATOR_CREDENTIAL_TYPE,
};
