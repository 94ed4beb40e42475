/**
 * The operator a node run talks to, resolved once from the `onApi` credential. The password stays
 * inside n8n's credential handling: this only reads the non-secret fields.
 */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { credentialsOnce } from '../../shared/credentialsOnce';
import { resolveApiRoot, type ApiRoot } from './apiRoot';
import { CREDENTIAL_TYPE } from './request';

export interface OnApiConnection extends ApiRoot {
	/** Identifies the credential for the endpoint cache (never contains the password). */
	cacheKey: string;
}

export async function resolveConnection(this: IExecuteFunctions, itemIndex: number): Promise<OnApiConnection> {
	// One operator per node run: the credential is read once, and the requests reuse that read.
	const credentials = await credentialsOnce(this, CREDENTIAL_TYPE);
	const result = resolveApiRoot(credentials.baseUrl, credentials.version);
	if (!result.ok) {
		throw new NodeOperationError(this.getNode(), result.problem, {
			itemIndex,
			description: 'Fix the Base URL and Version in the ON-API credential.',
		});
	}
	const credentialId = this.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? '';
	const username = typeof credentials.username === 'string' ? credentials.username : '';
	return {
		...result.apiRoot,
		cacheKey: JSON.stringify([credentialId, result.apiRoot.root, username]),
	};
}
