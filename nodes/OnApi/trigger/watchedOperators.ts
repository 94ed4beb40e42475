/**
 * The operators a trigger watches: the one operator of an `onApi` credential, or every operator
 * of an `onApiOperatorsApi` credential, by the node's Authentication choice.
 */
import type { IPollFunctions } from 'n8n-workflow';

import { credentialConnection, credentialTypeOf, directoryConnections, OPERATORS_CREDENTIAL_TYPE } from '../operators/connections';
import type { WatchedOperator } from './pollOperator';

export async function watchedOperators(context: IPollFunctions): Promise<WatchedOperator[]> {
	if (credentialTypeOf(context) === OPERATORS_CREDENTIAL_TYPE) return await directoryConnections(context);
	const connection = await credentialConnection(context);
	// The ON-API credential names no coId: the trigger's Operator field does, else the server's host.
	const named = String(context.getNodeParameter('coId', '') ?? '').trim();
	return [{ coId: named !== '' ? named : new URL(connection.root).host, connection }];
}
