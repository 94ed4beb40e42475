/**
 * The operators a trigger watches: the one operator of an `onApi` credential, or every operator
 * of an `onApiOperatorsApi` credential, by the node's Authentication choice.
 */
import type { IPollFunctions } from 'n8n-workflow';

import { credentialConnection, credentialTypeOf, directoryConnections, OPERATORS_CREDENTIAL_TYPE } from '../operators/connections';
import type { WatchedOperator } from './pollOperator';

export async function watchedOperators(context: IPollFunctions): Promise<WatchedOperator[]> {
	if (credentialTypeOf(context) === OPERATORS_CREDENTIAL_TYPE) return await directoryConnections(context);
	// The ON-API credential names no coId: the trigger's Operator field does, else the server's host.
	// Read before the first wait: a sibling poll may release the expression isolate (shared/pollBudget.ts).
	const named = String(context.getNodeParameter('coId', '') ?? '').trim();
	const connection = await credentialConnection(context);
	return [{ coId: named !== '' ? named : new URL(connection.root).host, connection }];
}
