/**
 * The operators a trigger watches: the one operator of an `onApi` credential, or every operator
 * of an `onApiOperators` credential, by the node's Authentication choice.
 */
import { NodeOperationError, type IPollFunctions } from 'n8n-workflow';

import { decryptedCredentialsOnce } from '../../shared/credentialsOnce';
import {
	directoryConnections,
	ONE_OPERATOR_CREDENTIAL_TYPE,
	OPERATORS_CREDENTIAL_TYPE,
} from '../operators/connections';
import { operatorConnection } from '../transport/operatorConnection';
import type { WatchedOperator } from './pollOperator';

export function credentialTypeOf(context: IPollFunctions): string {
	const authentication = context.getNodeParameter('authentication', ONE_OPERATOR_CREDENTIAL_TYPE) as string;
	return authentication === OPERATORS_CREDENTIAL_TYPE ? OPERATORS_CREDENTIAL_TYPE : ONE_OPERATOR_CREDENTIAL_TYPE;
}

export async function watchedOperators(context: IPollFunctions): Promise<WatchedOperator[]> {
	if (credentialTypeOf(context) === OPERATORS_CREDENTIAL_TYPE) return await directoryConnections(context);
	const credentials = await decryptedCredentialsOnce(context, ONE_OPERATOR_CREDENTIAL_TYPE);
	const result = operatorConnection({
		baseUrl: credentials.data?.baseUrl,
		version: credentials.data?.version,
		credentialType: ONE_OPERATOR_CREDENTIAL_TYPE,
		credentials,
	});
	if (!result.ok) {
		throw new NodeOperationError(context.getNode(), result.problem, { description: 'Fix the Base URL and Version in the ON-API credential.' });
	}
	// The ON-API credential names no coId: the trigger's Operator field does, else the server's host.
	const named = String(context.getNodeParameter('coId', '') ?? '').trim();
	return [{ coId: named !== '' ? named : new URL(result.connection.root).host, connection: result.connection }];
}
