import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { allowInsecureHttpProperty } from '../nodes/Tjansteguiden/descriptions/allowInsecureHttp';
import { DEFAULT_MAX_RESPONSE_MB, MAX_RESPONSE_SIZE_ADVICE } from '../nodes/Tjansteguiden/transport/responseLimit';
import { maxResponseSizeProperty } from '../nodes/shared/maxResponseSize';

/**
 * A network operator's (KO's) access to Tjänsteguiden's orders through the operator API on its own
 * Atlas site. That API has no key and no login: it lets a call in when its `api_user` is set up
 * under "API Credentials" in the site's admin together with the IP address the call comes from.
 */
export class TjansteguidenOperatorApi implements ICredentialType {
	name = 'tjansteguidenOperatorApi';

	displayName = 'Tjänsteguiden Operator API';

	icon = { light: 'file:tjansteguiden.svg', dark: 'file:tjansteguiden.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-tjansteguiden/n8n-nodes-tjansteguiden/blob/main/docs/credentials/tjansteguiden-operator-api.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'For network operators (KO). This API has no password or key: your Atlas site lets a call in by its API user ID and the IP address it comes from. In your Atlas admin, open API Credentials and allow the public IP address of this n8n instance for the API user, or every call is refused.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Atlas Site URL',
			name: 'siteUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://www.example-stadsnat.se',
			description:
				"Your city network's own Atlas site. The node appends /admin/edit/services/plain/orders. Use http://127.0.0.1:8790 for the local sandbox.",
		},
		{
			displayName: 'API User ID',
			name: 'apiUser',
			type: 'number',
			required: true,
			typeOptions: { numberPrecision: 0 },
			default: 0,
			description: 'The ID of the API user set up under API Credentials in your Atlas admin',
		},
		allowInsecureHttpProperty,
		maxResponseSizeProperty(DEFAULT_MAX_RESPONSE_MB, MAX_RESPONSE_SIZE_ADVICE),
	];

	/**
	 * api_user goes on every call; the IP address half of the authentication is the connection
	 * itself. A function rather than a generic `{{$credentials.apiUser}}`: n8n would evaluate that
	 * expression on every request, and a trigger draining a backlog makes thousands of them.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		qs: { ...requestOptions.qs, api_user: String(credentials.apiUser) },
	});
}
