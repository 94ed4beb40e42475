import type { ICredentialsDecrypted, ICredentialTestFunctions, IDataObject, INodeCredentialTestResult } from 'n8n-workflow';

import { stockholmToday } from '../helpers/dates';
import { ApiFailure } from './apiFailure';
import { readHttpAnswer, REQUEST_TIMEOUT_MS } from './httpExchange';
import { ordersFromPayload } from './normalize';
import { explainAccessRefusal, isAccessRefusal } from './operatorAccess';
import { normalizeSiteUrl, OPERATOR_API_NAME, OPERATOR_OUTPUT_FORMAT, OPERATOR_PATH, siteUrlProblem } from './operatorSide';
import { redact } from './redact';

interface FullResponse {
	statusCode: number;
	body: unknown;
}

/**
 * The operator credential's test makes a real call (today's orders, which only reads), because the
 * operator API has no login: only a call shows whether the site accepts this API user from the IP
 * address n8n calls from. A refusal says which of the two to fix.
 */
export async function testOperatorAccess(
	context: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const siteUrl = normalizeSiteUrl(data.siteUrl);
	const problem = siteUrlProblem(siteUrl, data.allowInsecureHttp);
	if (problem !== undefined) return { status: 'Error', message: problem };
	const apiUser = String(data.apiUser ?? '').trim();
	if (!/^[1-9]\d*$/.test(apiUser)) return { status: 'Error', message: 'API User ID must be the numeric ID of the API user' };
	try {
		const response = (await context.helpers.request({
			method: 'GET',
			uri: `${siteUrl}${OPERATOR_PATH}`,
			qs: { method: 'orders', date: stockholmToday(), api_user: apiUser, output_format: OPERATOR_OUTPUT_FORMAT },
			json: false,
			timeout: REQUEST_TIMEOUT_MS,
			resolveWithFullResponse: true,
			simple: false,
		})) as FullResponse;
		const envelope = readHttpAnswer(response.statusCode, String(response.body ?? ''), OPERATOR_API_NAME);
		const count = ordersFromPayload(envelope.payload as IDataObject).length;
		return { status: 'OK', message: `Connection successful: the site answered with ${count} order(s) for today` };
	} catch (error) {
		if (isAccessRefusal(error)) {
			const explained = explainAccessRefusal(error);
			return { status: 'Error', message: `${explained.message}. ${explained.description ?? ''}`.trim() };
		}
		const message = error instanceof ApiFailure ? error.message : ((error as Error).message ?? String(error));
		return { status: 'Error', message: redact(message) };
	}
}
