/**
 * Where an operator's endpoints are: its Endpoints list, asked once per connection and kept for a
 * while (in processState.ts), with the spec's paths when the list is missing or silent.
 */
import { onApiProcessState } from '../processState';
import type { OnApiEndpointName } from '../helpers/onApiTypes';
import { resolveEndpointUrl } from './apiRoot';
import { defaultEndpointUrl, discoveryUrl, parseEndpointList, pickEndpoint, type DiscoveredEndpoint } from './endpointList';
import type { OperatorConnection } from './operatorConnection';
import { onApiRequest, type OnApiContext, type OnApiResponse } from './request';

export const DISCOVERY_TTL_MS = 15 * 60_000;
export const FAILED_DISCOVERY_TTL_MS = 60_000;

export interface EndpointLocation {
	url: string;
	/** Fields the operator lists as unsupported on this endpoint. */
	unsupportedFields: string[];
	/** True when the operator's Endpoints list named this endpoint. */
	discovered: boolean;
}

/** Fetches the Endpoints list (uncached); errors are the caller's. */
export async function fetchEndpointList(
	context: OnApiContext,
	connection: OperatorConnection,
	itemIndex: number,
): Promise<OnApiResponse> {
	const response = await onApiRequest(context, connection, {
		method: 'GET',
		url: discoveryUrl(connection),
		purpose: 'read',
		retryServerErrors: true,
		itemIndex,
	});
	onApiProcessState.endpointLists.set(connection.cacheKey, {
		expires: Date.now() + DISCOVERY_TTL_MS,
		endpoints: parseEndpointList(response.body),
	});
	return response;
}

async function cachedEndpointList(
	context: OnApiContext,
	connection: OperatorConnection,
	itemIndex: number,
): Promise<DiscoveredEndpoint[] | undefined> {
	const { endpointLists, pendingDiscoveries } = onApiProcessState;
	const cached = endpointLists.get(connection.cacheKey);
	if (cached && cached.expires > Date.now()) return cached.endpoints;
	// Items run side by side: the first one to miss the cache asks, the others wait for its answer.
	let pending = pendingDiscoveries.get(connection.cacheKey);
	if (!pending) {
		pending = fetchEndpointList(context, connection, itemIndex)
			.then(
				() => undefined,
				() => {
					// An operator without a usable Endpoints list still serves the spec's paths.
					endpointLists.set(connection.cacheKey, { expires: Date.now() + FAILED_DISCOVERY_TTL_MS, endpoints: undefined });
				},
			)
			.finally(() => pendingDiscoveries.delete(connection.cacheKey));
		pendingDiscoveries.set(connection.cacheKey, pending);
	}
	await pending;
	return endpointLists.get(connection.cacheKey)?.endpoints;
}

export async function locateEndpoint(
	context: OnApiContext,
	connection: OperatorConnection,
	name: OnApiEndpointName,
	itemIndex: number,
): Promise<EndpointLocation> {
	const endpoints = await cachedEndpointList(context, connection, itemIndex);
	const entry = endpoints ? pickEndpoint(endpoints, name, connection.version) : undefined;
	const url = entry ? resolveEndpointUrl(connection.root, entry.endpoint) : undefined;
	if (entry && url) {
		return { url, unsupportedFields: entry.unsupportedFields ?? [], discovered: true };
	}
	return { url: defaultEndpointUrl(connection, name), unsupportedFields: [], discovered: false };
}
