/**
 * The Test buttons of both Tjänsteguiden credentials, as the `methods.credentialTest` both nodes
 * share: n8n runs the one a node names in `testedBy`, and a credential every node tests the same
 * way is tested the same way wherever it is created. The names are what the nodes' `testedBy` say
 * (as literals: n8n's package scan reads them from the source).
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { testTjansteguidenLogin } from './credentialTest';
import { testOperatorAccess } from './operatorCredentialTest';

export const credentialTests = {
	async tjansteguidenApiLogin(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
		return await testTjansteguidenLogin(this, credential);
	},
	async tjansteguidenOperatorApiAccess(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
		return await testOperatorAccess(this, credential);
	},
};
