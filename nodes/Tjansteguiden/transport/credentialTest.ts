import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { readEnvelope } from './envelope';
import { redact } from './redact';
import { normalizeBaseUrl, SERVICE_PROVIDER_PATH, serviceProviderUrlProblem } from './serviceProviderSide';
import { parseXml } from './xml';

/**
 * The credential test really logs in, so a wrong user ID, key or base URL shows up when the
 * credential is saved, with the API's own words. The hash it gets is thrown away.
 */
export async function testTjansteguidenLogin(
	context: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = normalizeBaseUrl(data.baseUrl);
	const apiKey = String(data.apiKey ?? '');
	const problem = serviceProviderUrlProblem(baseUrl, data.allowInsecureHttp);
	if (problem !== undefined) return { status: 'Error', message: problem };
	const apiUser = String(data.apiUser ?? '').trim();
	// The form's default is 0, which is never an API user: say so instead of the API's refusal.
	if (!/^[1-9]\d*$/.test(apiUser)) return { status: 'Error', message: 'API User must be the numeric ID of your API user' };
	try {
		const body: unknown = await context.helpers.request({
			method: 'GET',
			uri: `${baseUrl}${SERVICE_PROVIDER_PATH}`,
			qs: { method: 'api_login', api_user: apiUser, api_key: apiKey },
			json: false,
			timeout: 30_000,
		});
		const envelope = readEnvelope(parseXml(String(body)));
		if (typeof envelope.payload.hash_key !== 'string' || envelope.payload.hash_key === '') {
			return { status: 'Error', message: 'The login answer did not contain a hash_key' };
		}
		const message = typeof envelope.payload.message === 'string' ? envelope.payload.message : 'Logged in';
		return { status: 'OK', message: `Connection successful: ${message}` };
	} catch (error) {
		return { status: 'Error', message: redact((error as Error).message ?? String(error), [apiKey]) };
	}
}
