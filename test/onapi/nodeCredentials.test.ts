/**
 * Both ON-API nodes list their two credentials as literals (n8n's package scan reads `testedBy`
 * from the source). This keeps the literals true: each credential shows for its own Authentication
 * choice, and each `testedBy` names a credential test the node really has.
 */
import type { INodeType } from 'n8n-workflow';

import { OnApi } from '../../nodes/OnApi/OnApi.node';
import { OnApiTrigger } from '../../nodes/OnApi/OnApiTrigger.node';
import { authenticationProperty } from '../../nodes/OnApi/descriptions/authentication';

const choices = (authenticationProperty.options ?? []).map((option) => String((option as { value: unknown }).value));

describe.each([
	['ON-API', new OnApi() as INodeType],
	['ON-API Trigger', new OnApiTrigger() as INodeType],
])('%s', (_name, node) => {
	const credentials = node.description.credentials ?? [];

	test('offers one credential per Authentication choice, shown for that choice only', () => {
		expect(credentials.map((credential) => credential.name).sort()).toEqual([...choices].sort());
		for (const credential of credentials) {
			expect(credential.displayOptions).toEqual({ show: { authentication: [credential.name] } });
		}
	});

	test("tests each credential with one of the node's own credential tests", () => {
		const tests = Object.keys(node.methods?.credentialTest ?? {});
		for (const credential of credentials) expect(tests).toContain(credential.testedBy);
	});
});
