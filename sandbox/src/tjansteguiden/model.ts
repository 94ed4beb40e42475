/** The Tjänsteguiden simulator's data: orders, customers, log entries, login hashes, configuration. */

/** Order statuses of Orders 1.0 (spec §6.1). */
export const ORDER_STATUSES = ['new', 'received', 'active', 'waiting', 'cancelled', 'delivered'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** add_message types (spec §6.2). */
export const MESSAGE_TYPES = ['error', 'alert', 'system', 'log'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export function isOrderStatus(value: string): value is OrderStatus {
	return (ORDER_STATUSES as readonly string[]).includes(value);
}

export function isMessageType(value: string): value is MessageType {
	return (MESSAGE_TYPES as readonly string[]).includes(value);
}

export interface TgCustomer {
	id: number;
	/** The accessId of the customer's outlet. */
	socket: string;
	/** Personal identity number; always obviously fake (1912-12-12 birth dates). */
	serial: string;
	firstname: string;
	surname: string;
	email: string;
	address: string;
	zip: string;
	city: string;
	phone: string;
	/** Apartment number / local ID. */
	premise: string;
	/** Customer's free-text comment from the order form. */
	message?: string;
	createdAtMs: number;
	/** Creation or last edit: what `customers` filters on. */
	changedAtMs: number;
}

export interface TgLogEntry {
	id: number;
	atMs: number;
	type: MessageType;
	message: string;
	user: string;
}

export interface TgOrder {
	id: number;
	type: string;
	/** Creation time; an order with a creation time after the sandbox clock has not arrived yet. */
	createdAtMs: number;
	status: OrderStatus;
	/** Numeric Tjänsteguiden service id (see TgService). */
	service: number;
	xsp: number;
	delivery: number | 'asap';
	customerId: number;
	socket: string;
	coId: string;
	/** Customer's free-text comment on this order. */
	message?: string;
	log: TgLogEntry[];
}

export interface TgService {
	id: number;
	uid: string;
	name: string;
}

/** A city network (KO); `socketPrefix` assigns orders to it by accessId. */
export interface TgOperator {
	coId: string;
	name: string;
	socketPrefix: string;
}

export interface TgUser {
	apiUser: string;
	apiKey: string;
	/** Shown in the login message ("<name> logged in") and as author of log entries. */
	name: string;
}

/**
 * A network operator's API user on its own Atlas site (the operator API, spec §2). There is no key:
 * the operator API lets a request in when its `api_user` is known and the caller's IP address is on
 * the user's allow-list (set up under "API Credentials" in the operator's admin).
 */
export interface TgOperatorUser {
	apiUser: string;
	/** The operator (TgOperator.coId) whose orders and customers this user sees. */
	coId: string;
	/** Author of the log entries this user writes. */
	name: string;
	/** Client IP addresses let in; '*' lets any address in (for a sandbox reached from a container). */
	allowedAddresses: string[];
}

export interface TgConfig {
	/** Lifetime of a login hash in sandbox time, fixed from login. */
	hashLifetimeMs: number;
	/** 'orders': `<orders>…<status>success</status></orders>`; 'serviceguide': the CO example's root without `<status>`. */
	ordersEnvelope: 'orders' | 'serviceguide';
	/** 'wrapped': the SP example; 'bare': the CO example without `<response>`/`<status>`. */
	customerInfoEnvelope: 'wrapped' | 'bare';
	/** 'assumed': errors as HTTP 200 + status `error`; 'documented': the vendor's HTTP 400 + `failed` (envelope.ts). */
	errorStyle: 'assumed' | 'documented';
	/** This service provider's xsp id. */
	xsp: number;
	/**
	 * Listings (`orders`, `customers`) stop after this many rows, as Atlas listings may (the Orders spec
	 * §11: another Atlas API "will never return more than 100 matches"); null: no cap.
	 */
	maxListingRows: number | null;
	users: TgUser[];
	services: TgService[];
	operators: TgOperator[];
	/** API users of the operator API (`/admin/edit/services/plain/orders`). */
	operatorUsers: TgOperatorUser[];
}

export interface IssuedHash {
	hash: string;
	apiUser: string;
	issuedAtMs: number;
	expiresAtMs: number;
	/** Set when an `expiredHash` fault killed the hash before its time. */
	invalidatedAtMs?: number;
}
