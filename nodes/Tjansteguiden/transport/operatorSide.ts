import { decryptedCredentialsOnce } from '../../shared/credentialsOnce';
import { OPERATOR_CREDENTIAL_TYPE } from './apiSide';
import { baseUrlProblem } from './baseUrl';
import { ApiFailure } from './apiFailure';
import { sendXmlRequest, toNodeApiError } from './httpExchange';
import { isWriteMethod } from './methods';
import { explainAccessRefusal, isAccessRefusal } from './operatorAccess';
import { maxResponseBytesOf } from './responseLimit';
import type { ApiSideStrategy } from './types';

/** The operator API's endpoint on the operator's own Atlas site (spec §2). */
export const OPERATOR_PATH = '/admin/edit/services/plain/orders';
export const OPERATOR_API_NAME = 'Tjänsteguiden operator API';

/**
 * The operator API also answers JSON (`output_format=json`), but that JSON is not documented. We
 * ask for XML explicitly, so that both sides go through one parser and one envelope reader and give
 * the same items, whatever a site's default format is.
 */
export const OPERATOR_OUTPUT_FORMAT = 'xml';

/** The site URL as typed, without trailing slashes or a pasted endpoint path. */
export function normalizeSiteUrl(value: unknown): string {
	const text = String(value ?? '').trim().replace(/\/+$/, '');
	return text.replace(/\/admin\/edit\/services\/plain\/orders$/i, '');
}

export function siteUrlProblem(siteUrl: string, allowInsecureHttp: unknown): string | undefined {
	return baseUrlProblem(siteUrl, {
		field: 'Atlas Site URL',
		example: "your city network's own site",
		allowInsecureHttp: allowInsecureHttp === true,
	});
}

/**
 * The network operator's side: the same methods on `/admin/edit/services/plain/orders` of the
 * operator's own site, authenticated by `api_user` (added by the credential) and the caller's IP
 * address. No login, no hash, nothing to retry: a refusal is explained and reported. Its envelope
 * quirks (`<serviceguide>` root without `<status>`, customer_info without a wrapper) are read by
 * the shared envelope reader.
 */
export const operatorSide: ApiSideStrategy = {
	async call(context, method, params, itemIndex) {
		try {
			const credentials = await decryptedCredentialsOnce(context, OPERATOR_CREDENTIAL_TYPE, itemIndex);
			const siteUrl = normalizeSiteUrl(credentials.data?.siteUrl);
			const problem = siteUrlProblem(siteUrl, credentials.data?.allowInsecureHttp);
			if (problem !== undefined) throw new ApiFailure(problem, 'invalid');
			const limit = maxResponseBytesOf(credentials.data);
			if (!limit.ok) throw new ApiFailure(limit.problem, 'invalid');
			return await sendXmlRequest(context, {
				authentication: { credentialType: OPERATOR_CREDENTIAL_TYPE, credentials },
				url: `${siteUrl}${OPERATOR_PATH}`,
				qs: { method, ...params, output_format: OPERATOR_OUTPUT_FORMAT },
				apiName: OPERATOR_API_NAME,
				envelope: { requireSuccess: isWriteMethod(method) },
				maxResponseBytes: limit.bytes,
				credentialName: 'Tjänsteguiden Operator API',
			});
		} catch (error) {
			throw toNodeApiError(context, isAccessRefusal(error) ? explainAccessRefusal(error) : error, [], method, itemIndex);
		}
	},
};
