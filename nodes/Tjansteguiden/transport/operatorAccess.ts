import { ApiFailure } from './apiFailure';

/**
 * The operator API lets a request in by its `api_user` and the caller's IP address, both set up
 * under "API Credentials" in the operator's Atlas admin; there is no key or login to renew. How a
 * refusal looks is not documented: we take HTTP 401/403, or an error envelope whose message speaks
 * of access, the API user or an IP address (the sandbox answers "Access denied: IP address … is not
 * allowed for this API user").
 */
const ACCESS_PROBLEM = /access denied|not allowed|forbidden|unauthori[sz]ed|permission|\bip\b|ip.address|api.?user/i;
const ADDRESS_PROBLEM = /\bip\b|ip.address|address/i;

const HOW_TO_ALLOW =
	'The operator API authenticates by API user ID and the IP address the call comes from. In your Atlas admin, open API Credentials and allow the public IP address n8n calls from for this API user.';

export function isAccessRefusal(failure: unknown): failure is ApiFailure {
	if (!(failure instanceof ApiFailure)) return false;
	return failure.reason === 'refused' || (failure.reason === 'api' && ACCESS_PROBLEM.test(failure.message));
}

/** The refusal restated so that an operator knows what to change, with the site's own words kept. */
export function explainAccessRefusal(failure: ApiFailure): ApiFailure {
	const siteAnswer = failure.reason === 'refused' ? `${failure.message}${failure.description ? `: ${failure.description}` : ''}` : failure.message;
	if (failure.reason === 'refused' || ADDRESS_PROBLEM.test(failure.message)) {
		return new ApiFailure(
			'The Tjänsteguiden operator API does not accept calls from this IP address',
			'refused',
			`The site answered: "${siteAnswer}". ${HOW_TO_ALLOW}`,
			failure.httpCode,
		);
	}
	return new ApiFailure(
		'The Tjänsteguiden operator API refused the API user',
		'refused',
		`The site answered: "${siteAnswer}". Check the API User ID in the credential. ${HOW_TO_ALLOW}`,
		failure.httpCode,
	);
}
