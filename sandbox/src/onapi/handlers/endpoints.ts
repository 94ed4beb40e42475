/** Endpoints discovery (`GET /onapi/{coId}/{version}/`): what this operator serves in that version. */
import type { SandboxResponse } from '../../types';
import { jsonResponse } from '../httpResponses';
import type { OnApiVersion } from '../types';
import type { RequestContext } from './requestContext';

function documentation(version: OnApiVersion, file: string): string {
	return `https://github.com/on-api/on-api/blob/master/${version}.0/${file}`;
}

/**
 * 2.4's Endpoints example names the order endpoint `order/` while its Orders page says `orders/`;
 * the simulator serves both and advertises what each version's Endpoints page documents
 * (2.5 and 2.6 advertise `orders/`, as their Orders pages do).
 */
export function advertisedOrderCollection(version: OnApiVersion): string {
	return version === '2.4' ? 'order/' : 'orders/';
}

/** Where a `foreignEndpoints` fault points the endpoint list when its rule names no `location`. */
export const FOREIGN_ORIGIN = 'http://other-host.invalid';

export function listEndpoints(context: RequestContext): SandboxResponse {
	const { version, base, store, request } = context;
	const behaviour = store.behaviour;
	// A foreignEndpoints fault: absolute URLs on another origin, which a client must not send its password to.
	const prefix = request.fault?.kind === 'foreignEndpoints' ? `${request.fault.location ?? FOREIGN_ORIGIN}${base}` : base;
	const entry = (name: string, path: string, file: string) => ({
		name,
		endpoint: `${prefix}${path}`,
		version,
		documentation: documentation(version, file),
	});
	const order: Record<string, unknown> = entry('order', advertisedOrderCollection(version), 'spec/orders.md');
	if (behaviour.orderEndpointNote) order.note = behaviour.orderEndpointNote;
	if (behaviour.unsupportedFields.length > 0) order.unsupportedFields = [...behaviour.unsupportedFields];
	const list = [
		entry('accesses', 'accesses/', 'spec/accesses.md'),
		...(version === '2.6' ? [entry('services', 'services/', 'spec/services.md')] : []),
		order,
		entry('subscriptions', 'subscriptions/', 'spec/subscriptions.md'),
		...(behaviour.orderEvents ? [entry('orderevents', 'orderevents/', 'spec/orderevents.md')] : []),
	];
	return jsonResponse(200, list, { Location: base });
}
