/**
 * The ON-API Operators credential's "Test": every operator is asked for its Endpoints list, as the
 * ON-API credential's Test asks its one operator, and the answer says per operator in plain words
 * which answered and which did not, and why. Passwords never appear: each operator's message comes
 * from the one-operator test, which redacts its own password, and the list is checked first.
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { mapWithConcurrency } from '../../shared/concurrency';
import { testOnApiCredential } from '../transport/credentialTest';
import { parseOperatorDirectory } from './directory';
import { operatorAsCredential } from './connections';

/** Operators asked at the same time: a Test of a hundred operators should take seconds, not minutes. */
const CONCURRENCY = 8;

export async function testOnApiOperatorsCredential(
	context: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const directory = parseOperatorDirectory(credential.data?.operators);
	if (!directory.ok) return { status: 'Error', message: directory.problem };
	const results = await mapWithConcurrency(directory.operators, CONCURRENCY, async (operator) => {
		const single = operatorAsCredential(operator, credential.id);
		const result = await testOnApiCredential(context, single);
		// Every operator's message is redacted with its own password; also with the others', in case one was reused in a URL.
		let message = result.message;
		for (const other of directory.operators) message = message.split(other.password).join('[redacted]');
		return { coId: operator.coId, ok: result.status === 'OK', message: message.replace(/^Connection successful: /, '') };
	});
	const answered = results.filter((result) => result.ok);
	const failed = results.filter((result) => !result.ok);
	const lines = [
		failed.length === 0
			? `All ${results.length} operators answered.`
			: `${answered.length} of ${results.length} operators answered; ${failed.length} did not.`,
		...failed.map((result) => `Did not answer: ${result.coId}: ${result.message}`),
		...answered.map((result) => `Answered: ${result.coId}: ${result.message}`),
	];
	return { status: failed.length === 0 ? 'OK' : 'Error', message: lines.join('\n') };
}

/** The Test of each credential, for the `methods.credentialTest` of both ON-API nodes (see testedBy). */
export const onApiCredentialTests = {
	async onApiEndpoints(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
		return await testOnApiCredential(this, credential);
	},
	async onApiOperatorsEndpoints(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
		return await testOnApiOperatorsCredential(this, credential);
	},
};

