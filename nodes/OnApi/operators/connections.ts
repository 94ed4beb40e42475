/**
 * The operator connections a node run talks to, by its Authentication choice: the one operator of
 * an `onApi` credential, or every operator of an `onApiOperatorsApi` credential, by coId.
 *
 * A directory operator authenticates as the `onApi` credential type with its own username and
 * password (n8n applies the `onApi` credential's Basic authentication to the data given), so a
 * password only ever goes with requests on its own operator's connection.
 */
import { NodeOperationError, type ICredentialsDecrypted } from 'n8n-workflow';

import { credentialsOnce, decryptedCredentialsOnce } from '../../shared/credentialsOnce';
import type { OnApiContext } from '../transport/request';
import { operatorConnection, type OperatorConnection } from '../transport/operatorConnection';
import { parseOperatorDirectory, type DirectoryOperator } from './directory';

export const ONE_OPERATOR_CREDENTIAL_TYPE = 'onApi';
export const OPERATORS_CREDENTIAL_TYPE = 'onApiOperatorsApi';

export interface NamedConnection {
	coId: string;
	connection: OperatorConnection;
}

/** The credential the node's Authentication parameter picks; one operator unless it says several. */
export function credentialTypeOf(context: OnApiContext): string {
	// A poll's getNodeParameter has no item index; a run's reads item 0 (the choice cannot be an expression).
	const authentication = (
		'getInputData' in context
			? context.getNodeParameter('authentication', 0, ONE_OPERATOR_CREDENTIAL_TYPE)
			: context.getNodeParameter('authentication', ONE_OPERATOR_CREDENTIAL_TYPE)
	) as string;
	return authentication === OPERATORS_CREDENTIAL_TYPE ? OPERATORS_CREDENTIAL_TYPE : ONE_OPERATOR_CREDENTIAL_TYPE;
}

/** The operator of the node's `onApi` credential. */
export async function credentialConnection(context: OnApiContext, itemIndex = 0): Promise<OperatorConnection> {
	const credentials = await decryptedCredentialsOnce(context, ONE_OPERATOR_CREDENTIAL_TYPE);
	const result = operatorConnection({
		baseUrl: credentials.data?.baseUrl,
		version: credentials.data?.version,
		allowInsecureHttp: credentials.data?.allowInsecureHttp === true,
		credentialType: ONE_OPERATOR_CREDENTIAL_TYPE,
		credentials,
	});
	if (!result.ok) {
		throw new NodeOperationError(context.getNode(), result.problem, {
			itemIndex,
			description: 'Fix the Base URL and Version in the ON-API credential.',
		});
	}
	return result.connection;
}

/** A directory operator as the `onApi` credential it stands for (for n8n's Basic authentication and the Test). */
export function operatorAsCredential(operator: DirectoryOperator, credentialId: string): ICredentialsDecrypted {
	return {
		id: `${credentialId}#${operator.coId}`,
		name: operator.coId,
		type: ONE_OPERATOR_CREDENTIAL_TYPE,
		data: {
			baseUrl: operator.baseUrl,
			version: operator.version,
			allowInsecureHttp: operator.allowInsecureHttp,
			username: operator.username,
			password: operator.password,
		},
	};
}

export function directoryConnection(operator: DirectoryOperator, credentialId: string): OperatorConnection {
	const credentials = operatorAsCredential(operator, credentialId);
	const result = operatorConnection({
		baseUrl: operator.baseUrl,
		version: operator.version,
		allowInsecureHttp: operator.allowInsecureHttp,
		credentialType: ONE_OPERATOR_CREDENTIAL_TYPE,
		credentials,
	});
	// The directory resolved the same URL already; a failure here is a bug, not bad input.
	if (!result.ok) throw new Error(`Operator ${operator.coId}: ${result.problem}`);
	return result.connection;
}

/** Every operator of the node's `onApiOperatorsApi` credential, checked; a bad list is a clear error. */
export async function directoryConnections(context: OnApiContext, itemIndex = 0): Promise<NamedConnection[]> {
	const data = await credentialsOnce(context, OPERATORS_CREDENTIAL_TYPE);
	const directory = parseOperatorDirectory(data.operators);
	if (!directory.ok) {
		throw new NodeOperationError(context.getNode(), directory.problem, {
			itemIndex,
			description: 'Fix the operator list in the ON-API Operators credential.',
		});
	}
	const credentialId = context.getNode().credentials?.[OPERATORS_CREDENTIAL_TYPE]?.id ?? '';
	return directory.operators.map((operator) => ({ coId: operator.coId, connection: directoryConnection(operator, credentialId) }));
}
