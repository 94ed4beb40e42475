/** JSON shapes the Tjänsteguiden admin routes return (also the types client.ts hands to tests). */
import type { IssuedHash, MessageType, OrderStatus, TgConfig, TgCustomer, TgLogEntry, TgOrder } from './model';
import { formatStockholm } from './stockholmTime';

export interface LogEntryView {
	id: number;
	/** ISO 8601 (UTC). */
	date: string;
	/** As order_log shows it (Stockholm time). */
	localDate: string;
	type: MessageType;
	message: string;
	user: string;
}

export interface OrderView {
	id: number;
	type: string;
	date: string;
	localDate: string;
	status: OrderStatus;
	service: number;
	serviceUid: string;
	serviceName: string;
	xsp: number;
	co: string;
	coName: string;
	socket: string;
	delivery: string;
	customer: number;
	message?: string;
	/** False while the creation time is after the sandbox clock (a scheduled arrival). */
	arrived: boolean;
	log?: LogEntryView[];
}

export interface CustomerView extends Omit<TgCustomer, 'createdAtMs' | 'changedAtMs'> {
	createdAt: string;
	changedAt: string;
}

export interface HashView {
	hash: string;
	apiUser: string;
	issuedAt: string;
	expiresAt: string;
	invalidatedAt?: string;
	valid: boolean;
}

export function orderView(order: TgOrder, config: TgConfig, nowMs: number, withLog: boolean): OrderView {
	const service = config.services.find((candidate) => candidate.id === order.service);
	const view: OrderView = {
		id: order.id,
		type: order.type,
		date: new Date(order.createdAtMs).toISOString(),
		localDate: formatStockholm(order.createdAtMs),
		status: order.status,
		service: order.service,
		serviceUid: service?.uid ?? '',
		serviceName: service?.name ?? '',
		xsp: order.xsp,
		co: order.coId,
		coName: config.operators.find((operator) => operator.coId === order.coId)?.name ?? order.coId,
		socket: order.socket,
		delivery: order.delivery === 'asap' ? 'asap' : new Date(order.delivery).toISOString(),
		customer: order.customerId,
		arrived: order.createdAtMs <= nowMs,
	};
	if (order.message !== undefined) view.message = order.message;
	if (withLog) view.log = order.log.map(logEntryView);
	return view;
}

export function logEntryView(entry: TgLogEntry): LogEntryView {
	return {
		id: entry.id,
		date: new Date(entry.atMs).toISOString(),
		localDate: formatStockholm(entry.atMs),
		type: entry.type,
		message: entry.message,
		user: entry.user,
	};
}

export function customerView(customer: TgCustomer): CustomerView {
	const { createdAtMs, changedAtMs, ...fields } = customer;
	return { ...fields, createdAt: new Date(createdAtMs).toISOString(), changedAt: new Date(changedAtMs).toISOString() };
}

export function hashView(issued: IssuedHash, nowMs: number): HashView {
	const view: HashView = {
		hash: issued.hash,
		apiUser: issued.apiUser,
		issuedAt: new Date(issued.issuedAtMs).toISOString(),
		expiresAt: new Date(issued.expiresAtMs).toISOString(),
		valid: issued.invalidatedAtMs === undefined && nowMs < issued.expiresAtMs,
	};
	if (issued.invalidatedAtMs !== undefined) view.invalidatedAt = new Date(issued.invalidatedAtMs).toISOString();
	return view;
}
