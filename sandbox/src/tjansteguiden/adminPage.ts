/** Tjänsteguiden's part of the admin page (GET /__admin): its orders with status and log, its operators and users. */
import { html, pageLimit, table } from '../html';
import type { AdminPageSection } from '../types';
import { isOrderStatus, ORDER_STATUSES, type TgConfig, type TgOrder } from './model';
import { formatStockholm } from './stockholmTime';
import type { LiveTjansteguidenWorld } from './worldTypes';

export function tjansteguidenAdminPage(world: LiveTjansteguidenWorld, query: URLSearchParams): AdminPageSection[] {
	return [ordersSection(world, query), operatorsSection(world.config, query)];
}

function ordersSection(world: LiveTjansteguidenWorld, query: URLSearchParams): AdminPageSection {
	const nowMs = world.nowMs();
	const status = query.get('status');
	const coId = query.get('co');
	const limit = pageLimit(query);
	const all = world.state.allOrders();
	const arrived: TgOrder[] = [];
	for (const order of all) {
		if (order.createdAtMs > nowMs) break;
		arrived.push(order);
	}
	const matching = arrived.filter((order) => (status === null || order.status === status) && (coId === null || order.coId === coId));
	const shown = matching.slice(-limit).reverse();
	const counts = ORDER_STATUSES.map((name) => `${name}: ${arrived.filter((order) => order.status === name).length}`).join(', ');
	const filter = [status === null ? '' : `status ${status}`, coId === null ? '' : `operator ${coId}`].filter((part) => part !== '').join(', ');
	const rows = shown.map((order) => [
		order.id,
		formatStockholm(order.createdAtMs),
		html`<span class="status-${order.status}">${order.status}</span>`,
		order.coId,
		order.socket,
		world.config.services.find((service) => service.id === order.service)?.uid ?? order.service,
		customerName(world, order.customerId),
		order.log.length === 0 ? '' : html`<ul class="log">${order.log.map((entry) => html`<li>${formatStockholm(entry.atMs)} ${entry.type}, ${entry.user}: ${entry.message}</li>`)}</ul>`,
	]);
	const warning = status !== null && !isOrderStatus(status) ? html`<p><strong>Unknown status ${status}</strong>; known: ${ORDER_STATUSES.join(', ')}.</p>` : '';
	return {
		title: 'Tjänsteguiden orders',
		html: html`<p>${arrived.length} arrived (${counts}); ${all.length - arrived.length} scheduled to arrive later.
Showing ${shown.length} of ${matching.length}${filter === '' ? '' : ` with ${filter}`}, newest first.</p>${warning}
${table(['Id', 'Arrived (Stockholm)', 'Status', 'Operator', 'Access', 'Service', 'Customer', 'Log'], rows, 'No orders match.')}`.text,
	};
}

function customerName(world: LiveTjansteguidenWorld, customerId: number): string {
	const customer = world.state.customer(customerId);
	return customer === undefined ? String(customerId) : `${customerId} ${customer.firstname} ${customer.surname}`;
}

function operatorsSection(config: TgConfig, query: URLSearchParams): AdminPageSection {
	const coId = query.get('co');
	const operators = config.operators.filter((operator) => coId === null || operator.coId === coId);
	const rows = operators.map((operator) => [
		operator.coId,
		operator.name,
		`${operator.socketPrefix}…`,
		config.operatorUsers
			.filter((user) => user.coId === operator.coId)
			.map((user) => `${user.apiUser} from ${user.allowedAddresses.join(', ')}`)
			.join('; '),
	]);
	const users = config.users.map((user) => `${user.apiUser} (${user.name})`).join(', ');
	return {
		title: 'Tjänsteguiden operators',
		html: html`${table(['coId', 'Name', 'Accesses', 'Operator API users (allowed addresses)'], rows, 'No operators match.')}
<p>Service-provider API users: ${users}. Login hashes live ${Math.round(config.hashLifetimeMs / 60_000)} minutes of sandbox time.</p>`.text,
	};
}
