/**
 * The ON-API as typed calls: `orders.get/list/place/patch/cancel`, `subscriptions.get/list`,
 * `services.list`, `accesses.get/list`, `endpoints.list`, `orderEvents.list`. The client owns
 * what every call needs the same way: finding the endpoint (discovery), building its URL, the
 * version differences, what a 404 means for a list, and normalising the answer. Operations map
 * their parameters to one call.
 *
 * A client is made for one operator connection and one input item (`itemIndex` goes on every
 * error); making one is cheap, the connection and its endpoint list are shared.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { isObject, objectsIn } from '../helpers/jsonValues';
import { nextIfModifiedSince } from '../helpers/modifiedSinceCursor';
import { normaliseAccess } from '../helpers/normaliseAccess';
import { normaliseOrder, orderIdFromLocation } from '../helpers/normaliseOrder';
import { normaliseService } from '../helpers/normaliseService';
import { flattenSubscriptions } from '../helpers/normaliseSubscription';
import type { OnApiEndpointName, OnApiVersion } from '../helpers/onApiTypes';
import { itemUrl, resolveEndpointUrl } from './apiRoot';
import { apiErrorFromResponse } from './apiError';
import { fetchEndpointList, locateEndpoint } from './discovery';
import type { OperatorConnection } from './operatorConnection';
import { onApiRequest, type OnApiContext, type OnApiRequest, type OnApiResponse } from './request';

/** The answer to `POST orders/`: 201 is a new order, 200 the operator already having it (responses.md). */
export interface PlacedOrder {
	order: IDataObject;
	duplicate: boolean;
	/** The Location header, where the order can be read when the body names it nowhere else. */
	location?: string;
}

export interface AccessList {
	accesses: IDataObject[];
	/** What to send as If-Modified-Since next time, when the answer gave a Last-Modified. */
	nextIfModifiedSince?: string;
}

/** Reads one order again, wherever the operator said it lives. */
export type OrderReader = () => Promise<IDataObject>;

export interface OnApiClient {
	readonly version: OnApiVersion;
	readonly portal: boolean;
	/** The API root, which also names the operator in the node's static data. */
	readonly root: string;
	endpoints: { list(): Promise<IDataObject[]> };
	accesses: {
		get(accessId: string): Promise<IDataObject | undefined>;
		/** Every access, or (with `ifModifiedSince`) those changed since; 304 and 404 are none. */
		list(options?: { ifModifiedSince?: string }): Promise<AccessList>;
	};
	/** The services an access offers, each with its accessId and `orderableNow`. */
	services: { list(accessId: string): Promise<IDataObject[]> };
	subscriptions: {
		/** One subscription; the ON-API has no `subscriptions/{id}`, so it is found in a list. */
		get(subscriptionId: string, accessId?: string): Promise<IDataObject>;
		list(accessId?: string): Promise<IDataObject[]>;
	};
	orders: {
		get(orderId: string): Promise<IDataObject>;
		/** Unfinished orders, filtered here too for operators that ignore the filters. */
		list(filters: { accessId?: string; state?: string }): Promise<IDataObject[]>;
		/** Refuses fields the operator lists as unsupported before anything is sent. */
		place(body: IDataObject): Promise<PlacedOrder>;
		patch(orderId: string, body: IDataObject): Promise<void>;
		cancel(orderId: string): Promise<void>;
		/** How to read a placed order again: by orderId, else its path, else the Location. */
		reader(order: IDataObject, location?: string): OrderReader | undefined;
	};
	orderEvents: { list(since?: string): Promise<IDataObject[]> };
}

/** "Now" as the operator sees it (its Date header), so dates compare against the operator's clock. */
function operatorNow(headers: Record<string, string>): number {
	const date = headers.date === undefined ? Number.NaN : Date.parse(headers.date);
	return Number.isNaN(date) ? Date.now() : date;
}

type CallOptions = Omit<OnApiRequest, 'itemIndex' | 'url' | 'method'> & Partial<Pick<OnApiRequest, 'method'>>;

const READ = { purpose: 'read', retryServerErrors: true } as const;
/** Reads of lists, where the spec says 404 means "none". */
const LIST_READ = { ...READ, acceptStatuses: [404] };

export function createOnApiClient(context: OnApiContext, connection: OperatorConnection, itemIndex: number): OnApiClient {
	const call = async (url: string, options: CallOptions): Promise<OnApiResponse> =>
		await onApiRequest(context, connection, { method: 'GET', ...options, url, itemIndex });
	const endpoint = async (name: OnApiEndpointName) => await locateEndpoint(context, connection, name, itemIndex);
	const orderUrl = async (orderId: string) => itemUrl((await endpoint('orders')).url, orderId);
	const readOrder = async (url: string) => normaliseOrder((await call(url, READ)).body);

	const subscriptions: OnApiClient['subscriptions'] = {
		async list(accessId) {
			// 2.6 has `subscriptions/{accessId}`; 2.4 and 2.5 carry them in the single access.
			const inAccess = accessId !== undefined && connection.version !== '2.6';
			const { url } = await endpoint(inAccess ? 'accesses' : 'subscriptions');
			const response = await call(accessId === undefined ? url : itemUrl(url, accessId), LIST_READ);
			if (response.statusCode === 404) return [];
			const body = inAccess
				? { accessId, subscriptions: isObject(response.body) ? response.body.subscriptions : [] }
				: response.body;
			const flat = flattenSubscriptions(body, accessId);
			return accessId === undefined ? flat : flat.filter((entry) => entry.accessId === accessId);
		},
		async get(subscriptionId, accessId) {
			const found = (await subscriptions.list(accessId)).find((entry) => entry.subscriptionId === subscriptionId);
			if (found) return found;
			throw apiErrorFromResponse(context.getNode(), {
				status: 404,
				body: { cause: `No subscription ${subscriptionId}${accessId ? ` on access ${accessId}` : ''}` },
				method: 'GET',
				url: '',
				purpose: 'read',
				itemIndex,
				retries: 0,
			});
		},
	};

	return {
		version: connection.version,
		portal: connection.portal,
		root: connection.root,
		endpoints: {
			async list() {
				return objectsIn((await fetchEndpointList(context, connection, itemIndex)).body);
			},
		},
		accesses: {
			async get(accessId) {
				const response = await call(itemUrl((await endpoint('accesses')).url, accessId), READ);
				return isObject(response.body) ? normaliseAccess(response.body, operatorNow(response.headers)) : undefined;
			},
			async list(options = {}) {
				const { ifModifiedSince } = options;
				const response = await call((await endpoint('accesses')).url, {
					...LIST_READ,
					headers: ifModifiedSince ? { 'If-Modified-Since': ifModifiedSince } : undefined,
				});
				const lastModified = [200, 404].includes(response.statusCode) ? response.headers['last-modified'] : undefined;
				const cursor = lastModified ? nextIfModifiedSince(lastModified, response.headers.date) : undefined;
				if (response.statusCode !== 200) return { accesses: [], nextIfModifiedSince: cursor };
				const body = response.body;
				const accesses = Array.isArray(body) ? objectsIn(body) : isObject(body) ? [body] : [];
				const now = operatorNow(response.headers);
				for (const access of accesses) normaliseAccess(access, now);
				return { accesses, nextIfModifiedSince: cursor };
			},
		},
		services: {
			async list(accessId) {
				// 2.6 has its own endpoint; 2.4, 2.5 and Stadsnätsportalen carry services in the access.
				const ownEndpoint = connection.version === '2.6' && !connection.portal;
				const { url } = await endpoint(ownEndpoint ? 'services' : 'accesses');
				const response = await call(itemUrl(url, accessId), READ);
				const services = objectsIn(isObject(response.body) ? response.body.services : undefined);
				const now = operatorNow(response.headers);
				return services.map((service) => ({ accessId, ...normaliseService(service, now) }));
			},
		},
		subscriptions,
		orders: {
			async get(orderId) {
				const order = await readOrder(await orderUrl(orderId));
				if (order.orderId === undefined) order.orderId = orderId;
				return order;
			},
			async list({ accessId, state }) {
				const qs: IDataObject = {};
				if (accessId !== undefined) qs.accessId = accessId;
				if (state !== undefined) qs.state = state;
				const response = await call((await endpoint('orders')).url, { ...LIST_READ, qs });
				if (response.statusCode === 404) return [];
				return objectsIn(response.body)
					.map((order) => normaliseOrder(order))
					.filter((order) => (accessId === undefined || order.accessId === accessId) && (state === undefined || order.state === state));
			},
			async place(body) {
				const orders = await endpoint('orders');
				const refused = Object.keys(body).filter((field) => orders.unsupportedFields.includes(field));
				if (refused.length > 0) {
					throw new NodeOperationError(
						context.getNode(),
						`Invalid field "${refused[0]}": the operator does not support ${refused.join(', ')} on its order endpoint`,
						{ itemIndex, description: 'The operator lists these as unsupportedFields in its endpoint list. Leave them empty.' },
					);
				}
				const response = await call(orders.url, {
					method: 'POST',
					body,
					purpose: 'create',
					// Only an order with an spReference can be repeated safely: the operator recognises it.
					retryServerErrors: typeof body.spReference === 'string',
				});
				const order = normaliseOrder(response.body);
				if (order.orderId === undefined) {
					const fromLocation = orderIdFromLocation(response.headers.location);
					if (fromLocation !== undefined) order.orderId = fromLocation;
				}
				return { order, duplicate: response.statusCode === 200, location: response.headers.location };
			},
			async patch(orderId, body) {
				await call(await orderUrl(orderId), { method: 'PATCH', body, purpose: 'change', retryServerErrors: false });
			},
			async cancel(orderId) {
				await call(await orderUrl(orderId), { method: 'DELETE', purpose: 'change', retryServerErrors: false });
			},
			reader(order, location) {
				if (typeof order.orderId === 'string' && order.orderId !== '') {
					const orderId = order.orderId;
					return async () => await readOrder(await orderUrl(orderId));
				}
				const path = typeof order.path === 'string' && order.path !== '' ? order.path : location;
				const url = path ? resolveEndpointUrl(connection.root, path) : undefined;
				return url === undefined ? undefined : async () => await readOrder(url);
			},
		},
		orderEvents: {
			async list(since) {
				const response = await call((await endpoint('orderevents')).url, {
					...LIST_READ,
					qs: since === undefined ? undefined : { since },
				});
				if (response.statusCode === 404) return [];
				const events = objectsIn(response.body);
				for (const event of events) {
					if (event.order !== undefined) event.order = normaliseOrder(event.order);
				}
				return events;
			},
		},
	};
}
