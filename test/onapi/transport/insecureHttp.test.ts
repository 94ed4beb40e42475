/**
 * Plain http:// would carry the ON-API password in clear text. It is refused except for loopback
 * (the sandbox, a local tunnel) unless the credential's "Allow Insecure HTTP" is on; refused
 * before any request, through n8n's real execution code.
 */
import { OnApi as OnApiCredential } from '../../../credentials/OnApi.credentials';
import { OnApi } from '../../../nodes/OnApi/OnApi.node';
import { resetOnApiProcessState } from '../../../nodes/OnApi/processState';
import { executeNode } from '../../harness/n8n';

beforeEach(() => resetOnApiProcessState());

async function getAccess(credential: Record<string, unknown>) {
	return await executeNode({
		nodeType: new OnApi(),
		parameters: { resource: 'access', operation: 'get', accessId: 'A1' },
		credentialTypes: [new OnApiCredential()],
		credentials: { onApi: { version: '2.6', username: 'sp', password: 'pw', ...credential } as Record<string, string> },
	});
}

test('http:// to another host is refused before any request, and says how to allow it', async () => {
	const result = await getAccess({ baseUrl: 'http://onapi.invalid/onapi' });
	expect(result.error?.name).toBe('NodeOperationError');
	expect(result.error?.message).toBe(
		"The credential's Base URL uses http://, which would send the password in clear text: use https://, or turn on Allow Insecure HTTP",
	);
});

test('with Allow Insecure HTTP the node does send over http (here: to a host that does not exist)', async () => {
	const result = await getAccess({ baseUrl: 'http://onapi.invalid/onapi', allowInsecureHttp: true });
	expect(result.error?.name).toBe('NodeApiError');
	expect(result.error?.description).toContain('No answer from the operator for GET http://onapi.invalid/onapi/2.6/');
});
