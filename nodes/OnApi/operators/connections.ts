/**
 * The operators of an `onApiOperators` credential as operator connections, one per coId. Each
 * connection authenticates as the `onApi` credential type with that operator's own username and
 * password (n8n applies the `onApi` credential's Basic authentication to the data given), so a
 * password only ever goes with requests to its own operator's connection.
 */
import { NodeOperationError, type ICredentialsDecrypted } from 'n8n-workflow';

import { credentialsOnce } from '../../shared/credentialsOnce';
import type { OnApiContext } from '../transport/request';
import { operatorConnection, type OperatorConnection } from '../transport/operatorConnection';
import { parseOperatorDirectory, type DirectoryOperator } from './directory';

export const ONE_OPERATOR_CREDENTIAL_TYPE = 'onApi';
export const OPERATORS_CREDENTIAL_TYPE = 'onApiOperators';

export interface NamedConnection {
	coId: string;
	connection: OperatorConnection;
}

export function directoryConnection(operator: DirectoryOperator, credentialId: string): OperatorConnection {
	const credentials: ICredentialsDecrypted = {
		id: `${credentialId}#${operator.coId}`,
		name: operator.coId,
		type: ONE_OPERATOR_CREDENTIAL_TYPE,
		data: { baseUrl: operator.baseUrl, version: operator.version, username: operator.username, password: operator.password },
	};
	const result = operatorConnection({
		baseUrl: operator.baseUrl,
		version: operator.version,
		credentialType: ONE_OPERATOR_CREDENTIAL_TYPE,
		credentials,
	});
	// The directory resolved the same URL already; a failure here is a bug, not bad input.
	if (!result.ok) throw new Error(`Operator ${operator.coId}: ${result.problem}`);
	return result.connection;
}

/** Every operator of the node's `onApiOperators` credential, checked; a bad list is a clear error. */
export async function directoryConnections(context: OnApiContext, itemIndex = 0): Promise<NamedConnection[]> {
	const data = await credentialsOnce(context, OPERATORS_CREDENTIAL_TYPE, itemIndex);
	const directory = parseOperatorDirectory(data.operators);
	if (!directory.ok) {
		throw new NodeOperationError(context.getNode(), directory.problem, {
			itemIndex,
			description: 'Fix the operator list in the ON-API Operators credential.',
		});
	}
	const credentialId = context.getNode().credentials?.[OPERATORS_CREDENTIAL_TYPE]?.id ?? '';
	return directory.operators.map((operator) => ({ coId: operator.coId, connection: directoryConnection(operator, credentialId ?? '') }));
}
