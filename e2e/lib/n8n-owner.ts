import axios from 'axios';

export interface OwnerAccount {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** Scopes the tests and the demo use through the public API. */
export const defaultApiKeyScopes = [
	'workflow:read',
	'workflow:list',
	'workflow:activate',
	'workflow:deactivate',
	'execution:list',
	'execution:read',
];

function describeFailure(what: string, status: number, body: unknown): Error {
	const message = typeof body === 'object' && body !== null && 'message' in body ? String((body as { message: unknown }).message) : '';
	return new Error(`${what}: HTTP ${status}${message ? ` (${message})` : ''}`);
}

/**
 * Sets up the owner of a fresh instance over the editor's REST API (no authentication needed
 * before the first owner exists) and returns the session cookie it gets back.
 */
export async function setUpOwner(baseUrl: string, owner: OwnerAccount): Promise<string> {
	const response = await axios.post(`${baseUrl}/rest/owner/setup`, owner, { validateStatus: () => true, timeout: 30_000 });
	if (response.status !== 200) throw describeFailure('n8n owner setup', response.status, response.data);
	return sessionCookieOf(response.headers['set-cookie']);
}

function sessionCookieOf(setCookie: string[] | undefined): string {
	const cookie = (setCookie ?? []).map((value) => value.split(';')[0]).join('; ');
	if (!cookie) throw new Error('n8n: no session cookie in the response');
	return cookie;
}

/** Logs an existing user in over the editor's REST API; returns the session cookie. */
export async function logIn(baseUrl: string, email: string, password: string): Promise<string> {
	const response = await axios.post(`${baseUrl}/rest/login`, { emailOrLdapLoginId: email, password }, { validateStatus: () => true, timeout: 30_000 });
	if (response.status !== 200) throw describeFailure('n8n login', response.status, response.data);
	return sessionCookieOf(response.headers['set-cookie']);
}

/**
 * Creates a public-API key for the signed-in user; returns the raw key (shown only once by n8n).
 * `label` must be new for the user: n8n refuses a second key of the same name.
 */
export async function createApiKey(baseUrl: string, sessionCookie: string, scopes = defaultApiKeyScopes, label = 'e2e'): Promise<string> {
	const response = await axios.post(
		`${baseUrl}/rest/api-keys`,
		{ label, expiresAt: null, scopes },
		{ headers: { cookie: sessionCookie }, validateStatus: () => true, timeout: 30_000 },
	);
	if (response.status !== 200) throw describeFailure('n8n API key creation', response.status, response.data);
	const rawApiKey = (response.data as { data?: { rawApiKey?: string } }).data?.rawApiKey;
	if (!rawApiKey) throw new Error('n8n API key creation: no rawApiKey in the response');
	return rawApiKey;
}

/**
 * Names from one of the editor's type lists (`nodes` or `credentials`; both need the session
 * cookie in n8n 2.x). The node list is about 18 MB; a loaded machine sometimes drops the
 * connection, so a dropped connection is tried again, twice at most.
 */
async function listTypeNames(baseUrl: string, sessionCookie: string, list: 'nodes' | 'credentials'): Promise<string[]> {
	for (let attempt = 1; ; attempt++) {
		try {
			const response = await axios.get(`${baseUrl}/types/${list}.json`, {
				headers: { cookie: sessionCookie },
				validateStatus: () => true,
				timeout: 120_000,
			});
			if (response.status !== 200) throw describeFailure(`n8n ${list} types`, response.status, response.data);
			return (response.data as Array<{ name: string }>).map((type) => type.name);
		} catch (error) {
			const code = (error as { code?: string }).code;
			const dropped = code === 'ECONNRESET' || code === 'ECONNABORTED' || /socket hang up/i.test(String((error as Error).message));
			if (!dropped || attempt >= 3) throw error;
		}
	}
}

/** Node type names the editor would offer. */
export async function listNodeTypeNames(baseUrl: string, sessionCookie: string): Promise<string[]> {
	return await listTypeNames(baseUrl, sessionCookie, 'nodes');
}

/** Credential type names the editor would offer. */
export async function listCredentialTypeNames(baseUrl: string, sessionCookie: string): Promise<string[]> {
	return await listTypeNames(baseUrl, sessionCookie, 'credentials');
}
