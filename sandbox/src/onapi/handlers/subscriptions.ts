/**
 * Subscriptions of the calling SP. 2.4/2.5: a flat list; 2.6: grouped per access, plus
 * `subscriptions/{accessId}`.
 */
import type { SandboxResponse } from '../../types';
import { errorResponse, httpDate, jsonResponse, notModified, parseHttpDate } from '../httpResponses';
import { selectModifiedSince } from '../modifiedSince';
import { groupByAccess, renderSubscription } from '../representations';
import type { SubscriptionRecord } from '../types';
import type { RequestContext } from './requestContext';

export function listSubscriptions(context: RequestContext): SandboxResponse {
	const { store, version, now, user } = context;
	const ifModifiedSince = parseHttpDate(context.request.headers['if-modified-since']);
	const own = store.subscriptionsOf(user.spId);
	// A full list holds active subscriptions only. A 2.6 delta also reports ended ones (with their
	// disconnectionDate) so a client learns about the end; 2.4/2.5 have no way to express that.
	const candidates = own.filter((subscription) => !subscription.ended || (version === '2.6' && ifModifiedSince !== undefined));
	const newest = own.reduce<number | undefined>((max, subscription) => Math.max(max ?? subscription.lastModified, subscription.lastModified), undefined);
	const selection = selectModifiedSince(candidates, (subscription) => subscription.lastModified, newest, ifModifiedSince, now);
	if (ifModifiedSince !== undefined && selection.items.length === 0) return notModified();
	const render = (subscription: SubscriptionRecord) => renderSubscription(subscription, version);
	const body = version === '2.6' ? groupByAccess(selection.items, render, 'subscriptions') : selection.items.map(render);
	return jsonResponse(200, body, { 'Last-Modified': httpDate(selection.lastModified) });
}

/**
 * 2.6: `subscriptions/{accessId}` per the spec. 2.4/2.5 define no single GET; the simulator answers
 * `subscriptions/{subscriptionId}` there with the one active subscription.
 */
export function getSubscriptions(context: RequestContext, id: string): SandboxResponse {
	const { store, version, user } = context;
	if (version === '2.6') {
		if (!store.access(id)) return errorResponse(404, `Unknown accessId: '${id}'`);
		const active = store
			.subscriptionsOn(id)
			.filter((subscription) => subscription.spId === user.spId && !subscription.ended)
			.map((subscription) => renderSubscription(subscription, version));
		return jsonResponse(200, { accessId: id, subscriptions: active });
	}
	const subscription = store.subscription(id);
	if (!subscription || subscription.spId !== user.spId || subscription.ended) {
		return errorResponse(404, `Unknown subscriptionId: '${id}'`);
	}
	return jsonResponse(200, renderSubscription(subscription, version));
}
