/**
 * The client an item's operation gets. With one operator (the `onApi` credential) every item talks
 * to it; with several (`onApiOperatorsApi`) each item names its operator by coId in Operator. The
 * credential is read once (credentialsOnce) and the connections built once per run; each item
 * gets a client of its own (it names the item in errors). Operations Stadsnätsportalen does not
 * serve are refused here, before any request.
 */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import type { NodeRoutes } from '../../shared/router';
import {
	credentialConnection,
	credentialTypeOf,
	directoryConnections,
	OPERATORS_CREDENTIAL_TYPE,
	type NamedConnection,
} from '../operators/connections';
import { OPERATOR_FIELD } from '../descriptions/operator';
import { createOnApiClient, type OnApiClient } from '../transport/client';
import type { OperatorConnection } from '../transport/operatorConnection';
import { servedOnPortal } from './resources';

/** Known coIds shown in an unknown-operator error; a directory may list a hundred. */
const KNOWN_SHOWN = 10;

type RunConnections = { one: OperatorConnection } | { byCoId: Map<string, OperatorConnection> };

async function connectionsOfRun(context: IExecuteFunctions, itemIndex: number): Promise<RunConnections> {
	if (credentialTypeOf(context) !== OPERATORS_CREDENTIAL_TYPE) return { one: await credentialConnection(context, itemIndex) };
	const named: NamedConnection[] = await directoryConnections(context, itemIndex);
	return { byCoId: new Map(named.map(({ coId, connection }) => [coId, connection])) };
}

/** The coId an item names in Operator (only with several operators). */
export function operatorOfItem(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter(OPERATOR_FIELD.name, itemIndex, '') as unknown;
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

function connectionForItem(context: IExecuteFunctions, connections: RunConnections, itemIndex: number): OperatorConnection {
	if ('one' in connections) return connections.one;
	const coId = operatorOfItem(context, itemIndex);
	const known = [...connections.byCoId.keys()];
	const list = `${known.slice(0, KNOWN_SHOWN).join(', ')}${known.length > KNOWN_SHOWN ? ', …' : ''}`;
	if (coId === '') {
		throw new NodeOperationError(context.getNode(), `${OPERATOR_FIELD.displayName}: enter the coId of one of the ${known.length} operators`, {
			itemIndex,
			description: `The ON-API Operators credential lists ${list}.`,
		});
	}
	const connection = connections.byCoId.get(coId);
	if (!connection) {
		throw new NodeOperationError(
			context.getNode(),
			`Unknown operator "${coId.slice(0, 40)}": the ON-API Operators credential lists ${known.length} operator${known.length === 1 ? '' : 's'}`,
			{ itemIndex, description: `Known coIds: ${list}. Add the operator to the credential, or correct the item's coId.` },
		);
	}
	return connection;
}

/** A fresh `clientFor` for one node run: the run's connections live in it and die with it. */
export function clientsForOneRun(): NodeRoutes<OnApiClient>['clientFor'] {
	let connections: Promise<RunConnections> | undefined;
	return async function (itemIndex, { resource, operation }) {
		connections ??= connectionsOfRun(this, itemIndex);
		const resolved = connectionForItem(this, await connections, itemIndex);
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

/** Items for different operators run side by side, each operator's at most Concurrent Items at a time. */
export const laneOfItem: NonNullable<NodeRoutes<OnApiClient>['laneOf']> = function (itemIndex) {
	return credentialTypeOf(this) === OPERATORS_CREDENTIAL_TYPE ? operatorOfItem(this, itemIndex) : '';
};
