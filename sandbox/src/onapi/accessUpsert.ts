/**
 * Admin "add or modify accesses": validates a partial access and merges it over the stored one
 * (or over defaults for a new access). New accesses get the demo services unless others are given.
 */
import type { AccessSeed, ServiceOffer } from './types';
import { isObject } from './isObject';
import { ACCESS_STATES, PREMISES_TYPES } from './types';

/** A service offer as given to the admin: only `service` is needed, the rest has defaults. */
export type ServiceOfferUpsert = Partial<ServiceOffer> & { service: string };

/**
 * A new access needs streetName, postalCode and city; an existing one takes any subset. Given
 * `services` replace the access's services (default: the operator's standard services).
 */
export type AccessUpsert = Partial<Omit<AccessSeed, 'services'>> & { accessId: string; services?: ServiceOfferUpsert[] };

const ID_PATTERN = /^[-0-9a-zA-Z.]{1,36}$/;
const POSTAL_CODE_PATTERN = /^[1-9][0-9]{4}$/;
const STREET_NUMBER_PATTERN = /^(([0-9]+)|([0-9]{1,4}-[0-9]{1,4}))$/;
const DATE_TIME_OR_EMPTY = /^$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,4})?Z$/;

const STRING_FIELDS = [
	'legacyAccessId',
	'streetName',
	'streetNumber',
	'streetLittera',
	'postalCode',
	'city',
	'countryCode',
	'mduApartmentNumber',
	'mduDistinguisher',
	'outlet',
	'population',
	'coFiberConverter',
	'coCpeSwitch',
	'coCpeRouter',
	'nationalAddressUUID',
] as const;

const KNOWN_FIELDS = new Set<string>([
	'accessId',
	...STRING_FIELDS,
	'premisesType',
	'accessState',
	'coNetworkAgreement',
	'priceGroup',
	'services',
]);

function checkOffer(value: unknown, where: string): string | undefined {
	if (!isObject(value)) return `${where} must be an object`;
	if (typeof value.service !== 'string' || value.service === '') return `${where}.service must be text`;
	if (value.serviceType !== undefined && typeof value.serviceType !== 'string') return `${where}.serviceType must be text`;
	for (const key of ['connectionDateTime', 'availableDateTime', 'disconnectionDateTime']) {
		if (value[key] !== undefined && (typeof value[key] !== 'string' || !DATE_TIME_OR_EMPTY.test(value[key] as string))) {
			return `${where}.${key} must be a UTC dateTime like 2019-02-05T00:00:00Z or ""`;
		}
	}
	if (value.forcedTakeoverPossible !== undefined && typeof value.forcedTakeoverPossible !== 'boolean') {
		return `${where}.forcedTakeoverPossible must be true or false`;
	}
	if (value.comments !== undefined && (!Array.isArray(value.comments) || value.comments.some((c) => typeof c !== 'string'))) {
		return `${where}.comments must be an array of text`;
	}
	if (value.characteristics !== undefined && !isObject(value.characteristics)) return `${where}.characteristics must be an object`;
	return undefined;
}

/** Service type from the code's prefix when not given: BB-… is broadband, IPTV TV, VOIP telephony. */
function defaultServiceType(service: string): string {
	if (service.startsWith('BB')) return 'Broadband';
	if (/TV/i.test(service)) return 'TV';
	if (/VOIP|TEL/i.test(service)) return 'Telephony';
	return service;
}

function toOffer(value: Record<string, unknown>): ServiceOffer {
	const service = value.service as string;
	const connected = (value.connectionDateTime as string | undefined) ?? '1990-01-01T00:00:01Z';
	return {
		service,
		serviceType: (value.serviceType as string | undefined) ?? defaultServiceType(service),
		connectionDateTime: connected,
		availableDateTime: (value.availableDateTime as string | undefined) ?? connected,
		disconnectionDateTime: (value.disconnectionDateTime as string | undefined) ?? '',
		forcedTakeoverPossible: (value.forcedTakeoverPossible as boolean | undefined) ?? false,
		comments: value.comments as string[] | undefined,
		characteristics: value.characteristics as ServiceOffer['characteristics'],
	};
}

/** Validates `value` and merges it; returns the complete access or a problem description. */
export function mergeAccess(
	existing: AccessSeed | undefined,
	value: unknown,
	defaultServices: () => ServiceOffer[],
): { ok: true; access: AccessSeed } | { ok: false; cause: string } {
	const fail = (cause: string) => ({ ok: false as const, cause });
	if (!isObject(value)) return fail('each access must be a JSON object');
	if (typeof value.accessId !== 'string' || !ID_PATTERN.test(value.accessId)) return fail('accessId must be an ID (1-36 of a-z A-Z 0-9 - .)');
	const where = `access '${value.accessId}'`;
	for (const key of Object.keys(value)) if (!KNOWN_FIELDS.has(key)) return fail(`${where}: unknown field '${key}'`);
	for (const key of STRING_FIELDS) {
		if (value[key] !== undefined && typeof value[key] !== 'string') return fail(`${where}: ${key} must be text`);
	}
	if (value.postalCode !== undefined && !POSTAL_CODE_PATTERN.test(value.postalCode as string)) return fail(`${where}: postalCode must be 5 digits`);
	if (value.streetNumber !== undefined && value.streetNumber !== '' && !STREET_NUMBER_PATTERN.test(value.streetNumber as string)) {
		return fail(`${where}: streetNumber must be numeric or a meter address like 550-7`);
	}
	if (value.premisesType !== undefined && !(PREMISES_TYPES as readonly unknown[]).includes(value.premisesType)) {
		return fail(`${where}: premisesType must be one of ${PREMISES_TYPES.join(', ')}`);
	}
	if (value.accessState !== undefined && !(ACCESS_STATES as readonly unknown[]).includes(value.accessState)) {
		return fail(`${where}: accessState must be one of ${ACCESS_STATES.join(', ')}`);
	}
	if (value.coNetworkAgreement !== undefined && !['', 'NOT_REQUIRED', 'REQUIRED_VALID', 'REQUIRED_NOT_VALID'].includes(value.coNetworkAgreement as string)) {
		return fail(`${where}: coNetworkAgreement must be NOT_REQUIRED, REQUIRED_VALID, REQUIRED_NOT_VALID or ""`);
	}
	if (value.priceGroup !== undefined && (!Number.isInteger(value.priceGroup) || (value.priceGroup as number) < 0)) {
		return fail(`${where}: priceGroup must be an integer >= 0`);
	}
	let services: ServiceOffer[] | undefined;
	if (value.services !== undefined) {
		if (!Array.isArray(value.services)) return fail(`${where}: services must be an array`);
		for (const [index, offer] of value.services.entries()) {
			const problem = checkOffer(offer, `${where}: services[${index}]`);
			if (problem) return fail(problem);
		}
		services = (value.services as Record<string, unknown>[]).map(toOffer);
	}
	if (!existing) {
		for (const key of ['streetName', 'postalCode', 'city'] as const) {
			if (value[key] === undefined) return fail(`${where} is new and needs ${key}`);
		}
	}
	const base: AccessSeed = existing ?? {
		accessId: value.accessId,
		streetName: '',
		postalCode: '',
		city: '',
		countryCode: 'SE',
		premisesType: 'RESIDENTIAL_HOUSE',
		accessState: 'CONNECTED',
		coNetworkAgreement: 'NOT_REQUIRED',
		priceGroup: 0,
		services: defaultServices(),
	};
	const merged = { ...base, ...value, services: services ?? base.services } as AccessSeed;
	if (merged.premisesType === 'MDU_APARTMENT' && !merged.mduApartmentNumber && !merged.mduDistinguisher) {
		return fail(`${where}: MDU_APARTMENT needs mduApartmentNumber or mduDistinguisher`);
	}
	return { ok: true, access: merged };
}
