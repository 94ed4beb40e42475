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
 * Service-provider access to Tjänsteguiden's Orders 1.0 API. The API user and key are only
 * sent to `api_login`; the node caches the login hash it returns and sends that instead.
 */
export class TjansteguidenApi implements ICredentialType {
	name = 'tjansteguidenApi';

	displayName = 'Tjänsteguiden API';

	icon = { light: 'file:tjansteguiden.svg', dark: 'file:tjansteguiden.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-tjansteguiden/n8n-nodes-tjansteguiden/blob/main/docs/credentials/tjansteguiden-api.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://www.stadsnatsportalen.se',
			description:
				'Where Tjänsteguiden runs. The node appends /plain/serviceguide_log. Use http://127.0.0.1:8790 for the local sandbox.',
		},
		{
			displayName: 'API User',
			name: 'apiUser',
			type: 'number',
			required: true,
			typeOptions: { numberPrecision: 0 },
			default: 0,
			description: 'The ID of your API user, shown on Stadsnätsportalen when you are logged in',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			required: true,
			typeOptions: { password: true },
			default: '',
			description: 'The API key of that user',
		},
		allowInsecureHttpProperty,
		maxResponseSizeProperty(DEFAULT_MAX_RESPONSE_MB, MAX_RESPONSE_SIZE_ADVICE),
	];

	// The key goes out only on the login call; every other call carries the cached hash instead.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		if (requestOptions.qs?.method !== 'api_login') return requestOptions;
		return {
			...requestOptions,
			qs: { ...requestOptions.qs, api_user: String(credentials.apiUser), api_key: String(credentials.apiKey) },
		};
	};
}
