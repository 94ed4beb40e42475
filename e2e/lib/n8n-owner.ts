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
	const cookie = (response.headers['set-cookie'] ?? []).map((value) => value.split(';')[0]).join('; ');
	if (!cookie) throw new Error('n8n owner setup: no session cookie in the response');
	return cookie;
}

/** Creates a public-API key for the signed-in user; returns the raw key (shown only once by n8n). */
export async function createApiKey(baseUrl: string, sessionCookie: string, scopes = defaultApiKeyScopes): Promise<string> {
	const response = await axios.post(
		`${baseUrl}/rest/api-keys`,
		{ label: 'e2e', expiresAt: null, scopes },
		{ headers: { cookie: sessionCookie }, validateStatus: () => true, timeout: 30_000 },
	);
	if (response.status !== 200) throw describeFailure('n8n API key creation', response.status, response.data);
	const rawApiKey = (response.data as { data?: { rawApiKey?: string } }).data?.rawApiKey;
	if (!rawApiKey) throw new Error('n8n API key creation: no rawApiKey in the response');
	return rawApiKey;
}

/** Node type names the editor would offer (needs the session cookie in n8n 2.x). */
export async function listNodeTypeNames(baseUrl: string, sessionCookie: string): Promise<string[]> {
	const response = await axios.get(`${baseUrl}/types/nodes.json`, {
		headers: { cookie: sessionCookie },
		validateStatus: () => true,
		timeout: 60_000,
	});
	if (response.status !== 200) throw describeFailure('n8n node types', response.status, response.data);
	return (response.data as Array<{ name: string }>).map((type) => type.name);
}
