/** The ON-API simulator's part of the admin page (GET /__admin): operators and their orders with history. */
import { html, pageLimit, table } from '../html';
import type { AdminPageSection } from '../types';
import type { AdminOrderView, OnApiAdminState } from './adminState';
import { formatDuration } from './durations';

export function onApiAdminPage(state: OnApiAdminState, query: URLSearchParams): AdminPageSection[] {
	const coId = query.get('co');
	const wanted = query.get('state');
	const operators = Object.values(state.operators).filter((operator) => coId === null || operator.coId === coId);
	const operatorRows = operators.map((operator) => [
		operator.coId,
		operator.name,
		operator.preferredVersion,
		operator.accessCount,
		countsByState(operator.orders),
		`in progress after ${formatDuration(operator.behaviour.timing.inProgressAfterMs)}, done after ${formatDuration(operator.behaviour.timing.doneAfterMs)}`,
		Object.entries(operator.behaviour.failingAccesses).map(([accessId, message]) => `${accessId}: ${message}`).join('; '),
		operator.behaviour.orderEvents ? 'offered' : 'not offered',
		operator.behaviour.outage === undefined ? '' : `${operator.behaviour.outage.kind}${operator.behaviour.outage.status === undefined ? '' : ` ${operator.behaviour.outage.status}`}`,
	]);
	const orders = operators
		.flatMap((operator) => operator.orders.map((order) => ({ coId: operator.coId, order })))
		.filter(({ order }) => wanted === null || order.state === wanted);
	const shown = orders.slice(-pageLimit(query)).reverse();
	const orderRows = shown.map(({ coId: operator, order }) => [
		operator,
		order.orderId,
		order.operation,
		order.accessId,
		order.service,
		html`<span class="state-${order.state}">${order.cancelled ? 'CANCELLED' : order.state}</span>`,
		order.message,
		html`<ul class="log">${order.history.map((entry) => html`<li>${entry.at} ${entry.state}${entry.message === undefined ? '' : `: ${entry.message}`}</li>`)}</ul>`,
	]);
	return [
		{
			title: 'ON-API operators',
			html: table(['coId', 'Name', 'Version', 'Accesses', 'Orders', 'Timing', 'Failing accesses', 'orderevents/', 'Outage'], operatorRows, 'No operators match.').text,
		},
		{
			title: 'ON-API orders',
			html: html`<p>Showing ${shown.length} of ${orders.length}, newest first (ON-API time ${state.now}).</p>
${table(['Operator', 'Order', 'Operation', 'Access', 'Service', 'State', 'Message', 'History'], orderRows, 'No ON-API orders match.')}`.text,
		},
	];
}

function countsByState(orders: readonly AdminOrderView[]): string {
	const counts = new Map<string, number>();
	for (const order of orders) counts.set(order.state, (counts.get(order.state) ?? 0) + 1);
	return [...counts].map(([state, count]) => `${state}: ${count}`).join(', ');
}
