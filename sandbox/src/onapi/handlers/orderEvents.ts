/** Order events (`orderevents/`, `orderevents/?since={event}`): one event per order state change. */
import type { SandboxResponse } from '../../types';
import { errorResponse, jsonResponse } from '../httpResponses';
import { renderOrderEvent } from '../representations';
import type { RequestContext } from './requestContext';

export function listOrderEvents(context: RequestContext): SandboxResponse {
	const since = context.request.query.get('since') ?? undefined;
	const events = context.store.eventsFor(context.user.spId, since === '' ? undefined : since);
	if (!events) return errorResponse(400, `Unknown event: '${since}'`);
	return jsonResponse(200, events.map((event) => renderOrderEvent(event, context.base)));
}
