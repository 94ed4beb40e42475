/**
 * The client an item's operation gets. One node run talks to the one operator its `onApi`
 * credential names: the credential is read once (credentialsOnce) and the connection built once
 * per run; each item gets a client of its own (it names the item in errors). Operations
 * Stadsnätsportalen does not serve are refused here, before any request.
 */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { decryptedCredentialsOnce } from '../../shared/credentialsOnce';
import type { NodeRoutes } from '../../shared/router';
import { createOnApiClient, type OnApiClient } from '../transport/client';
import { operatorConnection, type OperatorConnection } from '../transport/operatorConnection';
import { servedOnPortal } from './resources';

export const CREDENTIAL_TYPE = 'onApi';

async function connectionOfCredential(context: IExecuteFunctions, itemIndex: number): Promise<OperatorConnection> {
	const credentials = await decryptedCredentialsOnce(context, CREDENTIAL_TYPE);
	const result = operatorConnection({
		baseUrl: credentials.data?.baseUrl,
		version: credentials.data?.version,
		credentialType: CREDENTIAL_TYPE,
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

/** A fresh `clientFor` for one node run: the run's connection lives in it and dies with it. */
export function clientsForOneRun(): NodeRoutes<OnApiClient>['clientFor'] {
	let connection: Promise<OperatorConnection> | undefined;
	return async function (itemIndex, { resource, operation }) {
		connection ??= connectionOfCredential(this, itemIndex);
		const resolved = await connection;
		if (resolved.portal && !servedOnPortal(resource, operation)) {
			throw new NodeOperationError(this.getNode(), `Stadsnätsportalen's ON-API does not offer ${resource} → ${operation}`, {
				itemIndex,
				description:
					"Stadsnätsportalen (…/plain/onapi/{coId}) is read-only: endpoints, accesses and the services listed in accesses. Orders and subscriptions go to the operator's own ON-API; use a credential with its base URL.",
			});
		}
		return createOnApiClient(this, resolved, itemIndex);
	};
}
