/**
 * The operators a trigger watches: the one operator of an `onApi` credential, or every operator
 * of an `onApiOperatorsApi` credential, by the node's Authentication choice. Operators reached
 * through Stadsnätsportalen are left out: its ON-API is read-only (endpoints and accesses), with
 * no orders to hear, so polling them would only fail every minute.
 */
import { NodeOperationError, type IPollFunctions } from 'n8n-workflow';

import { credentialConnection, credentialTypeOf, directoryConnections, OPERATORS_CREDENTIAL_TYPE } from '../operators/connections';
import type { WatchedOperator } from './pollOperator';

async function configuredOperators(context: IPollFunctions): Promise<WatchedOperator[]> {
	if (credentialTypeOf(context) === OPERATORS_CREDENTIAL_TYPE) return await directoryConnections(context);
	// The ON-API credential names no coId: the trigger's Operator field does, else the server's host.
	// Read before the first wait: a sibling poll may release the expression isolate (see poll.ts).
	const named = String(context.getNodeParameter('coId', '') ?? '').trim();
	const connection = await credentialConnection(context);
	return [{ coId: named !== '' ? named : new URL(connection.root).host, connection }];
}

export async function watchedOperators(context: IPollFunctions): Promise<WatchedOperator[]> {
	const configured = await configuredOperators(context);
	const watched = configured.filter((operator) => !operator.connection.portal);
	if (watched.length === 0) {
		throw new NodeOperationError(context.getNode(), "Stadsnätsportalen's ON-API has no orders for the ON-API Trigger to hear", {
			description:
				"Stadsnätsportalen (…/plain/onapi/{coId}) is read-only: endpoints and accesses. Orders are placed and followed at the operator's own ON-API; use a credential with its base URL.",
		});
	}
	const portal = configured.length - watched.length;
	if (portal > 0) {
		context.logger.debug(`ON-API Trigger: ${portal} operators reached through Stadsnätsportalen (read-only, no orders) are not polled`, {
			operators: configured.filter((operator) => operator.connection.portal).map((operator) => operator.coId),
		});
	}
	return watched;
}
