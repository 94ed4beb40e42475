/**
 * Request routing for the ON-API simulator: operator lookup, Basic auth, version check and the
 * endpoint dispatch. Unknown or unimplemented endpoints and methods answer 501 (responses.md).
 */
import type { RequestClass, SandboxRequest, SandboxResponse } from '../types';
import { gatewayErrorPage } from '../errorPages';
import { authenticate, basicChallenge } from './basicAuth';
import { getAccess, listAccesses } from './handlers/accesses';
import { listEndpoints } from './handlers/endpoints';
import { listOrderEvents } from './handlers/orderEvents';
import { cancelOrder, createOrder, getOrder, listOrders, updateOrder } from './handlers/orders';
import { handlePortal } from './handlers/portal';
import type { RequestContext } from './handlers/requestContext';
import { getServices, listServices } from './handlers/services';
import { getSubscriptions, listSubscriptions } from './handlers/subscriptions';
import { errorResponse, notImplemented } from './httpResponses';
import type { OperatorStore } from './operatorStore';
import { parseOnApiPath, versionedBase } from './routePath';
import type { OnApiVersion } from './types';
import { ON_API_VERSIONS } from './types';

function methodNotImplemented(request: SandboxRequest): SandboxResponse {
	return notImplemented(`${request.method} ${request.path}`);
}

function dispatch(context: RequestContext, segments: string[]): SandboxResponse {
	const { request } = context;
	const method = request.method.toUpperCase();
	const [endpoint, id, ...rest] = segments;
	if (rest.length > 0) return notImplemented(request.path);
	if (endpoint === undefined) return method === 'GET' ? listEndpoints(context) : methodNotImplemented(request);
	switch (endpoint) {
		case 'accesses':
			if (method !== 'GET') return methodNotImplemented(request);
			return id === undefined ? listAccesses(context) : getAccess(context, id);
		case 'services':
			if (context.version !== '2.6') return notImplemented(`the services endpoint is new in ON-API 2.6 (${request.path})`);
			if (method !== 'GET') return methodNotImplemented(request);
			return id === undefined ? listServices(context) : getServices(context, id);
		case 'subscriptions':
			if (method !== 'GET') return methodNotImplemented(request);
			return id === undefined ? listSubscriptions(context) : getSubscriptions(context, id);
		case 'orders':
		case 'order':
			if (id === undefined) {
				if (method === 'GET') return listOrders(context);
				if (method === 'POST') return createOrder(context);
				return methodNotImplemented(request);
			}
			if (method === 'GET') return getOrder(context, id);
			if (method === 'PUT' || method === 'PATCH') return updateOrder(context, id, method);
			if (method === 'DELETE') return cancelOrder(context, id);
			return methodNotImplemented(request);
		case 'orderevents':
			if (!context.store.behaviour.orderEvents) return errorResponse(404, `${context.store.coId} does not offer orderevents/; poll orders/ instead`);
			if (method !== 'GET' || id !== undefined) return methodNotImplemented(request);
			return listOrderEvents(context);
		default:
			return notImplemented(request.path);
	}
}

function isVersion(value: string | undefined): value is OnApiVersion {
	return value !== undefined && (ON_API_VERSIONS as readonly string[]).includes(value);
}

export function routeOnApiRequest(
	request: SandboxRequest,
	stores: ReadonlyMap<string, OperatorStore>,
	now: number,
): SandboxResponse {
	const route = parseOnApiPath(request.path);
	if (!route) return errorResponse(404, `Not an ON-API path: ${request.path}`);
	const store = stores.get(route.coId);
	if (!store) return errorResponse(404, `Unknown operator (coId): '${route.coId}'`);
	store.settle(now);
	const outage = outageAnswer(store);
	if (outage !== undefined) return { ...outage, outcome: 'outage' };

	if (route.variant === 'portal') {
		if (!store.behaviour.onPortal) return errorResponse(404, `Operator '${route.coId}' is not on Stadsnätsportalen`);
		const auth = authenticate(request.headers.authorization, store.portalUsers, 'Stadsnatsportalen');
		if ('failure' in auth) return auth.failure;
		return handlePortal(store, request, route.segments, now);
	}

	const auth = authenticate(request.headers.authorization, store.users, `ON-API ${store.coId}`);
	if ('failure' in auth) return auth.failure;
	if (!isVersion(route.version)) {
		return errorResponse(404, `Unknown ON-API version '${route.version ?? ''}'; served: ${servedVersions(store).join(', ')}`);
	}
	if (store.behaviour.refusedVersions.includes(route.version)) {
		return errorResponse(404, `ON-API ${route.version} is not served by ${store.coId}; served: ${servedVersions(store).join(', ')}`);
	}
	const context: RequestContext = {
		request,
		store,
		user: auth.user,
		version: route.version,
		base: versionedBase(store.coId, route.version),
		now,
	};
	return dispatch(context, route.segments);
}

/** What a client meets while the operator has an outage (admin `outage`), on every variant and version. */
function outageAnswer(store: OperatorStore): SandboxResponse | undefined {
	const outage = store.behaviour.outage;
	switch (outage?.kind) {
		case undefined:
			return undefined;
		case 'down':
			return { status: 0, connection: 'reset' };
		case 'timeout':
			return { status: 0, connection: 'hold' };
		case 'unauthorized':
			return errorResponse(401, 'Invalid credentials', basicChallenge(`ON-API ${store.coId}`));
		case 'http5xx':
			return gatewayErrorPage(outage.status ?? 503);
	}
}

function servedVersions(store: OperatorStore): OnApiVersion[] {
	return ON_API_VERSIONS.filter((version) => !store.behaviour.refusedVersions.includes(version));
}

/**
 * Request-log name: method + endpoint with ids replaced, e.g. `POST orders/`, `GET orders/{id}`,
 * the same for every operator and version so the counters stay few.
 */
export function classifyOnApiRequest(request: SandboxRequest): RequestClass {
	const method = request.method.toUpperCase();
	const route = parseOnApiPath(request.path);
	if (!route) return { operation: `${method} ${request.path}` };
	const [endpoint, id] = route.segments;
	const name = endpoint === undefined ? 'endpoints' : `${endpoint === 'order' ? 'orders' : endpoint}/${id === undefined ? '' : '{id}'}`;
	return { operation: route.variant === 'portal' ? `${method} portal ${name}` : `${method} ${name}` };
}
