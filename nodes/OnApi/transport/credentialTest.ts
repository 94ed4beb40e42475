/**
 * The credential's "Test" button: fetch the operator's Endpoints list (mandatory in every ON-API
 * version) with the same URL rules the node uses, and say in plain words what went wrong. The
 * answer is a message only; the request and its headers never leave this function.
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { resolveApiRoot } from './apiRoot';
import { describeStatus, displayUrl } from './apiError';
import { REDIRECT_STATUSES } from './credentialOrigin';
import { discoveryUrl, parseEndpointList } from './endpointList';

interface LegacyFullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body: unknown;
}

function redacted(text: string, secret: string): string {
	return secret === '' ? text : text.split(secret).join('[redacted]');
}

function causeOf(body: unknown): string | undefined {
	if (typeof body === 'object' && body !== null && typeof (body as { cause?: unknown }).cause === 'string') {
		return (body as { cause: string }).cause;
	}
	return undefined;
}

export async function testOnApiCredential(
	context: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const resolved = resolveApiRoot(data.baseUrl, data.version, { allowInsecureHttp: data.allowInsecureHttp === true });
	if (!resolved.ok) return { status: 'Error', message: resolved.problem };
	const { apiRoot } = resolved;
	const url = discoveryUrl(apiRoot);
	const password = typeof data.password === 'string' ? data.password : '';
	try {
		const response = (await context.helpers.request({
			method: 'GET',
			uri: url,
			auth: { user: String(data.username ?? ''), pass: password, sendImmediately: true },
			headers: { Accept: 'application/json' },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: 30_000,
			// n8n would follow a redirect anywhere and send the password along (credentialOrigin.ts).
			followRedirect: false,
			followAllRedirects: false,
		})) as LegacyFullResponse;
		if (REDIRECT_STATUSES.includes(response.statusCode)) {
			const location = String(response.headers?.location ?? '');
			let target = location;
			try {
				target = displayUrl(new URL(location, url).toString());
			} catch {
				// Shown as sent.
			}
			const origin = new URL(url).origin;
			return {
				status: 'Error',
				message: `${displayUrl(url)} redirects to ${target}; the ON-API credential is sent only to ${origin}. Check the Base URL.`,
			};
		}
		const where = `${displayUrl(url)} (ON-API ${apiRoot.version}${apiRoot.portal ? ', Stadsnätsportalen' : ''})`;
		if (response.statusCode === 200) {
			const endpoints = parseEndpointList(response.body);
			if (endpoints.length === 0) {
				return { status: 'Error', message: `Logged in, but ${where} did not answer with an ON-API endpoint list. Check the Base URL.` };
			}
			const names = [...new Set(endpoints.map((entry) => entry.name))].join(', ');
			return { status: 'OK', message: `Connection successful: ${where} lists ${names}` };
		}
		const cause = causeOf(response.body);
		const explanation = response.statusCode === 404 || response.statusCode === 501
			? `No ON-API endpoint list at ${where}. Check the Base URL and Version.`
			: `${describeStatus(response.statusCode, 'read')} (${where})`;
		return {
			status: 'Error',
			message: redacted(`HTTP ${response.statusCode}${cause ? `: ${cause}` : ''}. ${explanation}`, password),
		};
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { status: 'Error', message: redacted(`Could not reach ${displayUrl(url)}: ${message}`, password) };
	}
}
