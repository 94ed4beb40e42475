/**
 * The JSON shapes the simulator answers with, per ON-API version, following the spec examples'
 * field names and order.
 *
 * Optional fields are left `undefined` so JSON.stringify drops them (accesses.md: "Null is not a
 * valid value for any field"). The objects are fixed-shape literals on purpose: serialising a few
 * thousand accesses stays fast that way. They may share arrays/objects with the stored records and
 * are only meant to be serialised, never modified.
 */
import { isoDate, isoDateTime } from './httpResponses';
import type { OperatorStore } from './operatorStore';
import { isFinal } from './operatorStore';
import type {
	AccessRecord,
	OnApiVersion,
	OrderEventRecord,
	OrderOperation,
	OrderRecord,
	PremisesType,
	ServiceOffer,
	SubscriptionRecord,
} from './types';

type Json = Record<string, unknown>;

// ---- services ---------------------------------------------------------------------------------

/** 2.5 sentinels for "connected, date unknown" / "not yet, date unknown", shown as YES/NO in 2.4. */
const UNKNOWN_PAST_LIMIT = Date.parse('1990-01-01T00:00:01Z');
const UNKNOWN_FUTURE_FROM = Date.parse('3000-01-01T00:00:00Z');

function legacyConnection(dateTime: string): string {
	const at = Date.parse(dateTime);
	if (at <= UNKNOWN_PAST_LIMIT) return 'YES';
	if (at >= UNKNOWN_FUTURE_FROM) return 'NO';
	return dateTime.slice(0, 10);
}

/** 2.4 `available`: YES when orderable now, a date when later, NO when unknown. */
function legacyAvailable(dateTime: string, now: number): string {
	if (dateTime === '') return 'NO';
	const at = Date.parse(dateTime);
	if (at >= UNKNOWN_FUTURE_FROM) return 'NO';
	return at <= now ? 'YES' : dateTime.slice(0, 10);
}

export function renderService(offer: ServiceOffer, version: OnApiVersion, withCharacteristics: boolean, now: number): Json {
	const comments = offer.comments && offer.comments.length > 0 ? offer.comments : undefined;
	const characteristics = withCharacteristics ? offer.characteristics : undefined;
	if (version === '2.4') {
		return {
			service: offer.service,
			connection: legacyConnection(offer.connectionDateTime),
			available: legacyAvailable(offer.availableDateTime, now),
			disconnection: offer.disconnectionDateTime.slice(0, 10),
			forcedTakeoverPossible: offer.forcedTakeoverPossible,
			comments,
			characteristics,
		};
	}
	return {
		service: offer.service,
		connectionDateTime: offer.connectionDateTime,
		availableDateTime: offer.availableDateTime,
		disconnectionDateTime: offer.disconnectionDateTime,
		forcedTakeoverPossible: offer.forcedTakeoverPossible,
		comments,
		characteristics,
	};
}

// ---- subscriptions ----------------------------------------------------------------------------

/** Hex option82 TLV with sub-option 1 = circuit id and an empty sub-option 2, like the spec's example. */
function option82For(circuitId: string): string {
	const circuit = Buffer.from(circuitId, 'ascii');
	const body = Buffer.concat([Buffer.from([1, circuit.length]), circuit, Buffer.from([2, 0])]);
	return Buffer.concat([Buffer.from([0x52, body.length]), body]).toString('hex').toUpperCase();
}

const circuitCache = new Map<string, { circuitId: string; option82: string }>();

function circuitOf(accessId: string): { circuitId: string; option82: string } {
	let circuit = circuitCache.get(accessId);
	if (!circuit) {
		const circuitId = `CO-${accessId}`;
		circuit = { circuitId, option82: option82For(circuitId) };
		if (circuitCache.size > 100_000) circuitCache.clear();
		circuitCache.set(accessId, circuit);
	}
	return circuit;
}

export function renderSubscription(subscription: SubscriptionRecord, version: OnApiVersion): Json {
	const circuit = circuitOf(subscription.accessId);
	const v26 = version === '2.6';
	return {
		subscriptionId: subscription.subscriptionId,
		// 2.6 groups subscriptions under their access, so the item itself has no accessId.
		accessId: v26 ? undefined : subscription.accessId,
		service: subscription.service,
		operationalState: subscription.operationalState,
		connectionDate: v26 ? isoDate(subscription.connectedAt) : undefined,
		disconnectionDate: v26 && subscription.disconnectionAt !== undefined ? isoDate(subscription.disconnectionAt) : undefined,
		spReference: subscription.spReference,
		spSubscriptionId: subscription.spSubscriptionId,
		option82: circuit.option82,
		dhcpIdentifier: { ipv4CircuitId: circuit.circuitId },
		note: subscription.note,
		characteristics: subscription.characteristics,
		equipment: subscription.equipment,
	};
}

/** 2.6 `subscriptions/` and `services/`: `{accessId, <key>: [...]}` groups in first-seen order. */
export function groupByAccess<T extends { accessId: string }>(items: T[], render: (item: T) => Json, key: string): Json[] {
	const groups = new Map<string, Json[]>();
	for (const item of items) {
		let group = groups.get(item.accessId);
		if (!group) {
			group = [];
			groups.set(item.accessId, group);
		}
		group.push(render(item));
	}
	return [...groups].map(([accessId, rendered]) => ({ accessId, [key]: rendered }));
}

// ---- accesses ---------------------------------------------------------------------------------

/**
 * One literal for every version: the 2.6 fields and the 2.4/2.5 fields fall in the spec's order
 * around the shared address fields, and the other version's are left undefined.
 *
 * @param subscriptions the calling SP's active subscriptions on the access, for the 2.4/2.5 single
 *   form; undefined for list items
 */
export function renderAccess(access: AccessRecord, version: OnApiVersion, now: number, subscriptions?: SubscriptionRecord[]): Json {
	const is26 = version === '2.6';
	const single = subscriptions !== undefined;
	return {
		accessId: access.accessId,
		legacyAccessId: access.legacyAccessId,
		streetName: access.streetName,
		streetNumber: access.streetNumber,
		streetLittera: access.streetLittera,
		postalCode: access.postalCode,
		city: access.city,
		countryCode: access.countryCode,
		premisesType: access.premisesType,
		mduApartmentNumber: access.mduApartmentNumber,
		mduDistinguisher: access.mduDistinguisher,
		outlet: access.outlet,
		population: access.population,
		priceGroup: is26 ? access.priceGroup : undefined,
		accessState: access.accessState,
		nationalAddressUUID: is26 ? access.nationalAddressUUID : undefined,
		coNetworkAgreement: is26 ? undefined : access.coNetworkAgreement,
		services: is26 ? undefined : access.services.map((offer) => renderService(offer, version, single, now)),
		subscriptions: is26 ? undefined : subscriptions?.map((subscription) => renderSubscription(subscription, version)),
		coFiberConverter: is26 ? undefined : access.coFiberConverter,
		coCpeSwitch: is26 ? undefined : access.coCpeSwitch,
		coCpeRouter: is26 ? undefined : access.coCpeRouter,
	};
}

/** Marknadsdatabasen (MdB2) premisesType values used by Stadsnätsportalen. */
const PORTAL_PREMISES: Record<PremisesType, string> = {
	COMMERCIAL: 'COMMERCIAL',
	MDU_APARTMENT: 'RENTAL_APARTMENT',
	MDU_COMMON: 'OTHER',
	MDU_TECHNICAL: 'OTHER',
	PUBLIC: 'OTHER',
	RESIDENTIAL_HOUSE: 'RESIDENTIAL_HOUSE',
	UNKNOWN: 'OTHER',
};

/** Stadsnätsportalen accesses: ON-API 2.4 shape plus the MdB2 `coId` field and MdB2 premises values. */
export function renderPortalAccess(access: AccessRecord, coId: string, now: number): Json {
	const legacy = renderAccess(access, '2.4', now);
	return { coId, ...legacy, premisesType: PORTAL_PREMISES[access.premisesType] };
}

// ---- orders -----------------------------------------------------------------------------------

export function orderPath(base: string, orderId: string): string {
	return `${base}orders/${orderId}`;
}

export function renderOrder(store: OperatorStore, order: OrderRecord, base: string): Json {
	const fields = order.fields;
	return {
		path: orderPath(base, order.orderId),
		orderId: order.orderId,
		accessId: order.accessId,
		subscriptionId: order.subscriptionId,
		service: order.service,
		operation: fields.operation,
		state: order.state,
		forcedTakeover: fields.forcedTakeover,
		equipment: fields.equipment,
		spReference: fields.spReference,
		spSubscriptionId: fields.spSubscriptionId,
		requestedDateTime: fields.requestedDateTime,
		expectedCompletionDate: isFinal(order.state) ? undefined : isoDateTime(store.scheduleOf(order).doneAt),
		characteristics: fields.characteristics,
		externalNote: fields.externalNote,
		message: order.message,
	};
}

/** responses.md: "already active on ACTIVATE / inactive on DEACTIVATE" answers without a path. */
export function renderAlreadyInState(accessId: string, service: string, operation: OrderOperation, subscriptionId: string | undefined): Json {
	return { accessId, subscriptionId, service, operation, state: 'DONE_SUCCESS', message: '' };
}

export function renderOrderEvent(event: OrderEventRecord, base: string): Json {
	return {
		event: event.event,
		order: {
			path: orderPath(base, event.orderId),
			accessId: event.accessId,
			service: event.service,
			operation: event.operation,
			state: event.state,
			message: event.message,
		},
	};
}
