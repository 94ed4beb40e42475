import { Expression } from 'n8n-workflow';
import { OnApi as OnApiCredential } from '../../../credentials/OnApi.credentials';
import { itemUrl, resolveApiRoot, resolveEndpointUrl } from '../../../nodes/OnApi/transport/apiRoot';
import { defaultEndpointUrl, discoveryUrl } from '../../../nodes/OnApi/transport/endpointList';

describe('API root from the credential', () => {
	it('appends the version to a base URL without one', () => {
		expect(resolveApiRoot('https://co.example/onapi', '2.6')).toEqual({
			ok: true,
			apiRoot: { root: 'https://co.example/onapi/2.6', version: '2.6', portal: false },
		});
		expect(resolveApiRoot('https://co.example/onapi///', '2.4')).toMatchObject({ apiRoot: { root: 'https://co.example/onapi/2.4' } });
	});

	it('uses a version already in the base URL, and speaks that version', () => {
		expect(resolveApiRoot('https://co.example/some/longer/path/2.5/', '2.6')).toEqual({
			ok: true,
			apiRoot: { root: 'https://co.example/some/longer/path/2.5', version: '2.5', portal: false },
		});
		expect(resolveApiRoot('https://co.example/2.4.0', '2.6')).toMatchObject({ apiRoot: { root: 'https://co.example/2.4.0', version: '2.4' } });
	});

	it('recognises Stadsnätsportalen: no version segment, read-only, 2.4', () => {
		expect(resolveApiRoot('https://www.stadsnatsportalen.se/plain/onapi/SNFDMO/', '2.6')).toEqual({
			ok: true,
			apiRoot: { root: 'https://www.stadsnatsportalen.se/plain/onapi/SNFDMO', version: '2.4', portal: true },
		});
	});

	it.each([
		['', '2.6', /no Base URL/],
		['co.example/onapi', '2.6', /not a URL/],
		['ftp://co.example/onapi', '2.6', /https/],
		['https://co.example/onapi?x=1', '2.6', /query/],
		['https://user:secret@co.example/onapi', '2.6', /own fields/],
		['https://co.example/onapi/2.3', '2.6', /2\.4, 2\.5 and 2\.6/],
		['https://co.example/onapi', '2.3', /Version/],
	])('refuses %p with version %p', (baseUrl, version, problem) => {
		const result = resolveApiRoot(baseUrl, version);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problem).toMatch(problem);
			expect(result.problem).not.toContain('secret');
		}
	});
});

describe('plain http', () => {
	it.each(['http://localhost:5678/onapi', 'http://127.0.0.1/onapi', 'http://127.8.9.10/onapi', 'http://[::1]:8080/onapi'])(
		'is accepted for loopback, as in 0.1.0: %s',
		(baseUrl) => expect(resolveApiRoot(baseUrl, '2.6').ok).toBe(true),
	);

	it.each(['http://co.example/onapi', 'http://10.0.0.5/onapi', 'http://localhost.co.example/onapi'])('is refused elsewhere: %s', (baseUrl) => {
		expect(resolveApiRoot(baseUrl, '2.6')).toEqual({
			ok: false,
			problem: "The credential's Base URL uses http://, which would send the password in clear text: use https://, or turn on Allow Insecure HTTP",
		});
	});

	it('is accepted anywhere with Allow Insecure HTTP', () => {
		expect(resolveApiRoot('http://co.example/onapi', '2.6', { allowInsecureHttp: true })).toMatchObject({
			ok: true,
			apiRoot: { root: 'http://co.example/onapi/2.6' },
		});
	});

	it('still refuses user info and query strings with Allow Insecure HTTP', () => {
		expect(resolveApiRoot('http://u:p@co.example/onapi', '2.6', { allowInsecureHttp: true }).ok).toBe(false);
		expect(resolveApiRoot('http://co.example/onapi?key=1', '2.6', { allowInsecureHttp: true }).ok).toBe(false);
	});
});

describe('endpoint URLs', () => {
	const root = 'https://co.example/onapi/2.4';

	it('resolves the forms the Endpoints list uses', () => {
		expect(resolveEndpointUrl(root, '/onapi/2.4/order/')).toBe('https://co.example/onapi/2.4/order/');
		expect(resolveEndpointUrl(root, 'https://other.example/onapi/2.4/accesses')).toBe('https://other.example/onapi/2.4/accesses');
		expect(resolveEndpointUrl(root, 'orders/')).toBe('https://co.example/onapi/2.4/orders/');
		expect(resolveEndpointUrl(root, '  ')).toBeUndefined();
	});

	it('builds item URLs with or without a trailing slash on the collection', () => {
		expect(itemUrl('https://co.example/onapi/2.4/orders/', 'f3f2')).toBe('https://co.example/onapi/2.4/orders/f3f2');
		expect(itemUrl('https://snp.example/plain/onapi/X/accesses', 'A1')).toBe('https://snp.example/plain/onapi/X/accesses/A1');
	});

	it('defaults to the spec paths, without trailing slash on Stadsnätsportalen', () => {
		expect(defaultEndpointUrl({ root, portal: false }, 'orders')).toBe(`${root}/orders/`);
		expect(defaultEndpointUrl({ root: 'https://snp.example/plain/onapi/X', portal: true }, 'accesses')).toBe(
			'https://snp.example/plain/onapi/X/accesses',
		);
		expect(discoveryUrl({ root, portal: false })).toBe(`${root}/`);
		expect(discoveryUrl({ root: 'https://snp.example/plain/onapi/X', portal: true })).toBe('https://snp.example/plain/onapi/X/endpoints');
	});
});

describe('credential test request', () => {
	const credential = new OnApiCredential();
	const evaluate = (expression: unknown, credentials: Record<string, string>) =>
		Expression.resolveWithoutWorkflow(String(expression).replace(/^=/, ''), { $credentials: credentials });

	it.each([
		['https://co.example/onapi', '2.6'],
		['https://co.example/onapi/', '2.4'],
		['https://co.example/some/path/2.5/', '2.6'],
		['https://www.stadsnatsportalen.se/plain/onapi/SNFDMO', '2.6'],
		['https://co.example/2.4.0', '2.5'],
	])('calls the same Endpoints URL the node uses for %p (%p)', (baseUrl, version) => {
		const resolved = resolveApiRoot(baseUrl, version);
		if (!resolved.ok) throw new Error(resolved.problem);
		const credentials = { baseUrl, version, username: 'u', password: 'p' };
		const testUrl = `${evaluate(credential.test.request.baseURL, credentials)}${evaluate(credential.test.request.url, credentials)}`;
		expect(testUrl).toBe(discoveryUrl(resolved.apiRoot));
	});

	it('authenticates with HTTP Basic from username and password, without expressions (n8n evaluates those in the workflow\'s isolate)', async () => {
		const request = { method: 'GET' as const, url: 'https://co.example/onapi/2.6/', headers: { Accept: 'application/json' } };
		const authenticated = await credential.authenticate({ username: 'sp-user', password: 'sp-secret' }, request);
		expect(authenticated).toEqual({ ...request, auth: { username: 'sp-user', password: 'sp-secret' } });
		expect(request).not.toHaveProperty('auth');
		const password = credential.properties.find((property) => property.name === 'password');
		expect(password?.typeOptions?.password).toBe(true);
	});
});
