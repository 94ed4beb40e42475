/**
 * ON-API Operators credential: many operators in one credential, for a service provider that buys
 * access from tens of stadsnät. n8n picks credentials per node, not per item, so one node serving
 * many operators needs them all in one place. The list is JSON in one field whose values n8n masks
 * in the editor (as its own Custom Auth credential does); the node checks it strictly
 * (nodes/OnApi/operators/directory.ts) and sends each operator's password only to that operator's
 * Base URL, so there is no generic `authenticate` here. Its Test (the node's `onApiOperatorsEndpoints`)
 * asks every operator for its Endpoints list and reports each one.
 */
import type { ICredentialType, INodeProperties } from 'n8n-workflow';

// n8n's community-package scan wants credential names ending in "Api" and display names in " API"
// (it ignores eslint-disable comments), hence `onApiOperatorsApi` rather than the plainer
// `onApiOperators`; the credential is new in this release, so no saved workflow names it otherwise.
export class OnApiOperatorsApi implements ICredentialType {
	name = 'onApiOperatorsApi';

	displayName = 'ON-API Operators – Open Networks API';

	icon = { light: 'file:onApi.svg', dark: 'file:onApi.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-tjansteguiden/n8n-nodes-tjansteguiden/blob/main/docs/credentials/on-api-operators.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Operators',
			name: 'operators',
			type: 'json',
			required: true,
			default: '',
			typeOptions: { redactJsonLeaves: true, rows: 8 },
			placeholder:
				'[{ "coId": "SNFDMO", "baseUrl": "https://onapi.example-stadsnat.se/onapi", "version": "2.6", "username": "sp-user", "password": "secret" }]',
			description:
				'A JSON list with one entry per operator: coId (as the ON-API writes it; the ON-API node\'s Operator parameter picks an entry by it), baseUrl (the operator\'s ON-API root, as in the ON-API credential), version ("2.4", "2.5" or "2.6"; optional when the Base URL ends with a version or is a Stadsnätsportalen URL), username and password; allowInsecureHttp: true only where an operator has no https (like Allow Insecure HTTP on the ON-API credential). Each coId may appear once.',
		},
	];
}
