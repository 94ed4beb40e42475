/**
 * ON-API credential: one operator's ON-API root plus HTTP Basic authentication (RFC 7617), as the
 * spec prescribes. The version becomes the path segment after the base URL unless the URL already
 * ends with one; Stadsnätsportalen's `…/plain/onapi/{coId}` has none.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_MAX_RESPONSE_MB } from '../nodes/OnApi/transport/operatorConnection';
import { maxResponseSizeProperty } from '../nodes/shared/maxResponseSize';

/**
 * The API root as an n8n expression, mirroring resolveApiRoot in the node's transport: trailing
 * slashes dropped, the version appended unless the URL ends in a version or is Stadsnätsportalen's.
 */
const API_ROOT_EXPRESSION =
	'={{ $credentials.baseUrl.trim().replace(/\\/+$/, "") + (/\\/(\\d+\\.\\d+(\\.\\d+)?|plain\\/onapi\\/[^\\/]+)$/.test($credentials.baseUrl.trim().replace(/\\/+$/, "")) ? "" : "/" + $credentials.version) }}';

/** The Endpoints list: the API root itself, or `endpoints` on Stadsnätsportalen. */
const DISCOVERY_PATH_EXPRESSION =
	'={{ /\\/plain\\/onapi\\/[^\\/]+$/.test($credentials.baseUrl.trim().replace(/\\/+$/, "")) ? "/endpoints" : "/" }}';

export class OnApi implements ICredentialType {
	name = 'onApi';

	// n8n's package scan wants credential display names to end in " API".
	displayName = 'ON-API – Open Networks API';

	icon = { light: 'file:onApi.svg', dark: 'file:onApi.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-tjansteguiden/n8n-nodes-tjansteguiden/blob/main/docs/credentials/on-api.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://onapi.example-stadsnat.se/onapi',
			required: true,
			description:
				'The operator\'s ON-API root, without the version (it is added from Version below) unless the URL already ends with one such as /2.6. For Stadsnätsportalen use https://www.stadsnatsportalen.se/plain/onapi/{coId}: read-only endpoints and accesses, no version segment.',
		},
		{
			displayName: 'Allow Insecure HTTP',
			name: 'allowInsecureHttp',
			type: 'boolean',
			// Off: http:// only to localhost and 127.x (as 0.1.0 allowed for the sandbox).
			default: false,
			description:
				'Whether to allow a Base URL starting with http:// for hosts other than localhost. Over http the password travels in clear text; use only on a network you trust.',
		},
		{
			displayName: 'Version',
			name: 'version',
			type: 'options',
			options: [
				{ name: '2.4', value: '2.4' },
				{ name: '2.5', value: '2.5' },
				{ name: '2.6', value: '2.6' },
			],
			default: '2.6',
			description: 'The ON-API version the operator speaks. Ignored when the Base URL ends with a version or is a Stadsnätsportalen URL (2.4).',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The login the operator gave you. For Stadsnätsportalen: your Atlas API user.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The password the operator gave you. For Stadsnätsportalen: your Atlas API key.',
		},
		maxResponseSizeProperty(
			DEFAULT_MAX_RESPONSE_MB,
			'Full access lists of large operators (1–2 GB) cannot be read whole: fetch only the changes (Access → Get Many with If Modified Since or Only Changes Since Last Run), or read accesses one by one.',
		),
	];

	/**
	 * HTTP Basic auth, applied in code rather than as a generic `{{$credentials.…}}` mapping: n8n
	 * resolves a generic mapping through the workflow's expression isolate on every request, and
	 * n8n 2.41 releases that isolate under a poll when another poll trigger of the same workflow
	 * ends first (the life-cycle template has two), so the slower trigger's requests would fail.
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			auth: { username: String(credentials.username ?? ''), password: String(credentials.password ?? '') },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: API_ROOT_EXPRESSION,
			url: DISCOVERY_PATH_EXPRESSION,
			method: 'GET',
			headers: { Accept: 'application/json' },
			// The password goes only to the Base URL's origin, never along a redirect elsewhere.
			sendCredentialsOnCrossOriginRedirect: false,
		},
	};
}
