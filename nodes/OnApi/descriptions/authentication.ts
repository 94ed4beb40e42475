/**
 * The ON-API nodes' Authentication choice: one operator (the `onApi` credential, the default, so
 * workflows saved before the choice existed keep working unchanged) or several (`onApiOperators`).
 */
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

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

/** Both credentials, each shown for its Authentication choice, with the node's credential tests. */
export function operatorCredentials(testedBy: { one: string; several: string }): INodeCredentialDescription[] {
	return [
		{
			name: ONE_OPERATOR_CREDENTIAL_TYPE,
			required: true,
			testedBy: testedBy.one,
			displayOptions: { show: { authentication: [ONE_OPERATOR_CREDENTIAL_TYPE] } },
		},
		{
			name: OPERATORS_CREDENTIAL_TYPE,
			required: true,
			testedBy: testedBy.several,
			displayOptions: { show: { authentication: [OPERATORS_CREDENTIAL_TYPE] } },
		},
	];
}
