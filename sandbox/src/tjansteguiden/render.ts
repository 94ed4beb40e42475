/** XML views of orders, log entries and customers, field for field as in the spec's examples. */
import type { TgConfig, TgCustomer, TgLogEntry, TgOrder } from './model';
import { formatStockholm } from './stockholmTime';
import { element, type XmlElement } from './xml';

export function orderSummary(order: TgOrder): XmlElement {
	return element('order', [
		element('id', order.id),
		element('type', order.type),
		element('date', formatStockholm(order.createdAtMs)),
		element('status', order.status),
		element('service', order.service),
		element('xsp', order.xsp),
		element('delivery', deliveryText(order)),
		element('customer', order.customerId),
	]);
}

/** order_info has no documented shape (spec §5.2); this is our assumed, richer order. */
export function orderDetails(order: TgOrder, config: TgConfig): XmlElement {
	const service = config.services.find((candidate) => candidate.id === order.service);
	const operator = config.operators.find((candidate) => candidate.coId === order.coId);
	const fields: XmlElement[] = [
		element('id', order.id),
		element('type', order.type),
		element('date', formatStockholm(order.createdAtMs)),
		element('status', order.status),
		element('service', order.service),
		element('service_uid', service?.uid ?? ''),
		element('service_name', service?.name ?? ''),
		element('xsp', order.xsp),
		element('co', order.coId),
		element('co_name', operator?.name ?? order.coId),
		element('socket', order.socket),
		element('delivery', deliveryText(order)),
		element('customer', order.customerId),
	];
	if (order.message !== undefined) fields.push(element('message', order.message));
	return element('order', fields);
}

export function logEntry(entry: TgLogEntry): XmlElement {
	return element('log', [
		element('id', entry.id),
		element('date', formatStockholm(entry.atMs)),
		element('type', entry.type),
		element('message', entry.message),
		element('user', entry.user),
	]);
}

export function customerDetails(customer: TgCustomer): XmlElement[] {
	const data: XmlElement[] = [element('phone', customer.phone), element('premise', customer.premise)];
	if (customer.message !== undefined) data.push(element('message', customer.message));
	return [
		element('customer', [
			element('id', customer.id),
			element('socket', customer.socket),
			element('serial', customer.serial),
			element('firstname', customer.firstname),
			element('surname', customer.surname),
			element('email', customer.email),
			element('address', customer.address),
			element('zip', customer.zip),
			element('city', customer.city),
		]),
		element('data', data),
	];
}

export function customerSummary(customer: TgCustomer): XmlElement {
	return element('customer', [
		element('id', customer.id),
		element('socket', customer.socket),
		element('serial', customer.serial),
		element('firstname', customer.firstname),
		element('surname', customer.surname),
		element('date', formatStockholm(customer.changedAtMs, false)),
	]);
}

function deliveryText(order: TgOrder): string {
	return order.delivery === 'asap' ? 'asap' : formatStockholm(order.delivery);
}
