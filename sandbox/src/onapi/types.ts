/**
 * Domain model of the ON-API operator simulator: operator configuration, the stored accesses,
 * subscriptions, orders and order events. Version-specific JSON shapes live in representations.ts;
 * these records are version-neutral.
 */

export const ON_API_VERSIONS = ['2.4', '2.5', '2.6'] as const;
export type OnApiVersion = (typeof ON_API_VERSIONS)[number];

export const ORDER_OPERATIONS = ['ACTIVATE', 'DEACTIVATE', 'SUSPEND', 'RESUME', 'MODIFY', 'CHANGE'] as const;
export type OrderOperation = (typeof ORDER_OPERATIONS)[number];

export const ORDER_STATES = ['RECEIVED', 'IN_PROGRESS', 'DONE_SUCCESS', 'DONE_FAILED'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const PREMISES_TYPES = [
	'COMMERCIAL',
	'MDU_APARTMENT',
	'MDU_COMMON',
	'MDU_TECHNICAL',
	'PUBLIC',
	'RESIDENTIAL_HOUSE',
	'UNKNOWN',
] as const;
export type PremisesType = (typeof PREMISES_TYPES)[number];

export const ACCESS_STATES = [
	'PLANNED',
	'DEPLOYING',
	'HOMESPASSED',
	'CONNECTED',
	'DISCONNECTED',
	'INMIGRATION',
	'OUTMIGRATION',
] as const;
export type AccessState = (typeof ACCESS_STATES)[number];

export type OperationalState = 'ACTIVATED' | 'SUSPENDED';

/** Credentials of one service provider (SP) at an operator. */
export interface SpUser {
	username: string;
	password: string;
	/** The SP this login acts for; subscriptions and orders are scoped to it. */
	spId: string;
}

/** Order progress timing, measured from the moment an order may start (creation or requestedDateTime). */
export interface OrderTiming {
	inProgressAfterMs: number;
	doneAfterMs: number;
}

export interface CharacteristicOffer {
	required: boolean;
	/** The spec's text calls this `validValues`, its examples `values`; the simulator emits `values`. */
	values?: Array<string | boolean>;
}

/** A technical service offered on an access (the `services[]` item), stored version-neutrally. */
export interface ServiceOffer {
	service: string;
	/** Groups services that exclude each other on one access ('Broadband', 'TV', ...). */
	serviceType: string;
	/** dateTime; 1990-01-01T00:00:01Z = "connected, date unknown", 3030-12-12T00:00:01Z = "not yet, date unknown". */
	connectionDateTime: string;
	/** dateTime, or '' when unknown (2.5 rule). */
	availableDateTime: string;
	/** dateTime or ''. */
	disconnectionDateTime: string;
	forcedTakeoverPossible: boolean;
	comments?: string[];
	characteristics?: Record<string, CharacteristicOffer>;
}

export interface AccessRecord {
	accessId: string;
	legacyAccessId?: string;
	streetName: string;
	streetNumber?: string;
	streetLittera?: string;
	postalCode: string;
	city: string;
	countryCode: string;
	premisesType: PremisesType;
	mduApartmentNumber?: string;
	mduDistinguisher?: string;
	outlet?: string;
	population?: string;
	accessState: AccessState;
	/** 2.4/2.5 only. */
	coNetworkAgreement: '' | 'NOT_REQUIRED' | 'REQUIRED_VALID' | 'REQUIRED_NOT_VALID';
	coFiberConverter?: string;
	coCpeSwitch?: string;
	coCpeRouter?: string;
	/** 2.6 only. */
	priceGroup: number;
	nationalAddressUUID?: string;
	services: ServiceOffer[];
	/** Epoch ms of the last change; drives Last-Modified / If-Modified-Since. */
	lastModified: number;
}

export interface Equipment {
	vendorId: string;
	macAddress: string;
}

export interface SubscriptionRecord {
	subscriptionId: string;
	accessId: string;
	spId: string;
	service: string;
	operationalState: OperationalState;
	spReference?: string;
	spSubscriptionId?: string;
	characteristics?: Record<string, unknown>;
	equipment?: Equipment[];
	note?: string;
	/** Epoch ms when activated. */
	connectedAt: number;
	/** Epoch ms when a pending DEACTIVATE will end it, or when it ended. */
	disconnectionAt?: number;
	ended: boolean;
	lastModified: number;
}

/** Order fields as the SP sent them (after validation), without server-owned fields. */
export interface OrderRequestFields {
	operation: OrderOperation;
	accessId?: string;
	service?: string;
	subscriptionId?: string;
	requestedDateTime?: string;
	forcedTakeover?: boolean;
	equipment?: Equipment[];
	spReference?: string;
	spSubscriptionId?: string;
	characteristics?: Record<string, unknown>;
	externalNote?: string;
}

export interface OrderHistoryEntry {
	state: OrderState | 'CANCELLED' | 'UPDATED';
	at: string;
	message?: string;
}

export interface OrderRecord {
	orderId: string;
	/** Creation sequence, the tie-breaker when two transitions fall on the same instant. */
	sequence: number;
	spId: string;
	fields: OrderRequestFields;
	/** Resolved target: for subscription operations taken from the subscription. */
	accessId: string;
	service: string;
	subscriptionId: string;
	state: OrderState;
	message: string;
	createdAt: number;
	/** Last PUT/PATCH (createdAt before any): an order never starts before its final version exists. */
	updatedAt: number;
	/** Operations the operator executes without queueing go straight to a final state once due. */
	immediate: boolean;
	/** Same SP asked for the same thing again while this order was pending. */
	duplicateCreates: number;
	history: OrderHistoryEntry[];
}

export interface OrderEventRecord {
	event: string;
	spId: string;
	orderId: string;
	accessId: string;
	service: string;
	operation: OrderOperation;
	state: OrderState;
	message: string;
	at: number;
}

/** Per-access count of `POST orders/` calls, for the admin state (e.g. "the node retried once"). */
export interface CreateCallCounts {
	total: number;
	created: number;
	duplicates: number;
	alreadyInState: number;
	rejected: number;
}

/** Behaviour knobs of one simulated operator; everything except identity may be changed via admin. */
export interface OperatorBehaviour {
	/** Versions this operator answers 404 for. */
	refusedVersions: OnApiVersion[];
	timing: OrderTiming;
	/** accessId → failure message: orders on that access end DONE_FAILED with the message. */
	failingAccesses: Record<string, string>;
	/** accessId → timing that replaces `timing` for orders on that access. */
	slowAccesses: Record<string, OrderTiming>;
	/** Listed on the order endpoint in discovery; orders that use one of these fields get 400. */
	unsupportedFields: string[];
	/** Note on the order endpoint in discovery. */
	orderEndpointNote?: string;
	/** Operations done at once (the spec's SUSPEND/RESUME/MODIFY/CHANGE examples answer DONE_SUCCESS). */
	immediateOperations: OrderOperation[];
	/** Status for an order naming an unknown accessId/subscriptionId (responses.md says 400, the brief 404). */
	unknownReferenceStatus: 400 | 404;
	/** Served on the Stadsnätsportalen variant `/plain/onapi/{coId}/...`. */
	onPortal: boolean;
	/** Whether the endpoint list offers `orderevents/` (operators without it are polled through `orders/`). */
	orderEvents: boolean;
	/** The operator is unreachable or refusing until the outage is cleared (admin `outage: null`). */
	outage?: Outage;
}

export const OUTAGE_KINDS = ['down', 'unauthorized', 'http5xx', 'timeout'] as const;
/**
 * down: the connection is reset; unauthorized: every login is refused with 401 (a changed password);
 * http5xx: a proxy's error page with `status` (default 503); timeout: no answer until the client gives up.
 */
export interface Outage {
	kind: (typeof OUTAGE_KINDS)[number];
	status?: number;
}

/** Seed of a subscription that exists before any order (e.g. another SP's service). */
export interface SubscriptionSeed {
	accessId: string;
	service: string;
	spId: string;
	subscriptionId?: string;
	operationalState?: OperationalState;
	spReference?: string;
	spSubscriptionId?: string;
}

export type AccessSeed = Omit<AccessRecord, 'lastModified'>;

export interface OperatorConfig extends Partial<OperatorBehaviour> {
	coId: string;
	name: string;
	/** The version the demo credentials are documented for; every version is still answered. */
	preferredVersion: OnApiVersion;
	users: SpUser[];
	/** Stadsnätsportalen logins (Atlas API user id / API key). */
	portalUsers?: SpUser[];
	accesses: AccessSeed[];
	subscriptions?: SubscriptionSeed[];
}
