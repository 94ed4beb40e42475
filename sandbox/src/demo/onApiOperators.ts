/**
 * The demo world (demo/world.ts) as the ON-API simulator seeds it: the addresses behind each demo
 * access, the services offered on them, the taken access's other-SP subscription and the failing
 * access.
 */
import { uuidFrom } from '../onapi/identifiers';
import type { AccessSeed, OperatorConfig, PremisesType, ServiceOffer, SpUser } from '../onapi/types';
import { VERSIONED_PREFIX } from '../onapi/routePath';
import {
	DEMO_SP_ID,
	DEMO_USERNAME,
	FAILING_ACCESS_ID,
	FAILING_ACCESS_MESSAGE,
	FIBNORR,
	PORTAL_API_KEY,
	PORTAL_API_USER,
	SNDEMO,
	TAKEN_ACCESS_ID,
	TAKEN_ACCESS_SUBSCRIPTION,
	directoryOperators,
	type DemoOperator,
	type DirectoryOperator,
} from './world';

interface AddressRow {
	street: string;
	number: string;
	littera?: string;
	postalCode: string;
	premises: PremisesType;
	/** Lantmäteriet apartment numbers for MDU_APARTMENT rows, one access each. */
	apartments?: string[];
	population: string;
}

function demoOffers(connected: string, forcedTakeoverPossible: boolean): ServiceOffer[] {
	const base = {
		serviceType: 'Broadband',
		connectionDateTime: connected,
		availableDateTime: connected,
		disconnectionDateTime: '',
		forcedTakeoverPossible,
	};
	return [
		{ service: 'BB-100-100', ...base },
		{ service: 'BB-250-250', ...base },
		{
			service: 'BB-1000-1000',
			...base,
			comments: ['Kräver en router som klarar 1 Gbit/s. Hastigheten kan vara begränsad till 100 Mbit/s i upp till två veckor efter beställning.'],
			characteristics: {
				fixedIp: { required: false, values: [true, false] },
				ipAddress: { required: false },
				SLA: { required: false, values: ['SLA-1', 'SLA-2', 'SLA-3'] },
			},
		},
	];
}

function expand(rows: AddressRow[]): Array<AddressRow & { apartment?: string }> {
	return rows.flatMap((row) => (row.apartments ? row.apartments.map((apartment) => ({ ...row, apartment })) : [{ ...row }]));
}

function buildAccesses(
	rows: AddressRow[],
	operator: Pick<DemoOperator, 'access' | 'city'>,
	connected: string,
	extras: (accessId: string, row: AddressRow) => Partial<AccessSeed>,
): AccessSeed[] {
	return expand(rows).map((row, index) => {
		const accessId = operator.access(index + 1);
		const city = operator.city;
		const address = `${row.street} ${row.number}${row.littera ?? ''}, ${row.postalCode} ${city}`;
		const seed: AccessSeed = {
			accessId,
			streetName: row.street,
			streetNumber: row.number,
			streetLittera: row.littera ?? '',
			postalCode: row.postalCode,
			city,
			countryCode: 'SE',
			premisesType: row.premises,
			mduApartmentNumber: row.apartment,
			outlet: row.apartment ? `LGH${row.apartment}-1` : 'A-01',
			population: row.population,
			accessState: 'CONNECTED',
			coNetworkAgreement: 'NOT_REQUIRED',
			priceGroup: row.premises === 'MDU_APARTMENT' ? 1 : row.premises === 'COMMERCIAL' ? 2 : 0,
			nationalAddressUUID: uuidFrom(address),
			services: demoOffers(connected, false),
			...extras(accessId, row),
		};
		return seed;
	});
}

const SNDEMO_ROWS: AddressRow[] = [
	{ street: 'Storgatan', number: '12', postalCode: '54130', premises: 'MDU_APARTMENT', apartments: ['1001', '1002', '1101', '1102', '1201', '1202'], population: 'Centrum' },
	{ street: 'Kyrkogatan', number: '4', littera: 'B', postalCode: '54131', premises: 'MDU_APARTMENT', apartments: ['1001', '1002', '1003'], population: 'Centrum' },
	{ street: 'Björkvägen', number: '3', postalCode: '54142', premises: 'RESIDENTIAL_HOUSE', population: 'Björkhagen' },
	{ street: 'Björkvägen', number: '5', postalCode: '54142', premises: 'RESIDENTIAL_HOUSE', population: 'Björkhagen' },
	{ street: 'Björkvägen', number: '7', postalCode: '54142', premises: 'RESIDENTIAL_HOUSE', population: 'Björkhagen' },
	{ street: 'Björkvägen', number: '9', postalCode: '54142', premises: 'RESIDENTIAL_HOUSE', population: 'Björkhagen' },
	{ street: 'Björkvägen', number: '11', postalCode: '54142', premises: 'RESIDENTIAL_HOUSE', population: 'Björkhagen' },
	{ street: 'Lärkstigen', number: '2', postalCode: '54143', premises: 'RESIDENTIAL_HOUSE', population: 'Björkhagen' },
	{ street: 'Lärkstigen', number: '4', postalCode: '54143', premises: 'RESIDENTIAL_HOUSE', population: 'Björkhagen' },
	{ street: 'Lärkstigen', number: '6', postalCode: '54143', premises: 'RESIDENTIAL_HOUSE', population: 'Björkhagen' },
	{ street: 'Vasagatan', number: '21', littera: 'A', postalCode: '54133', premises: 'MDU_APARTMENT', apartments: ['1001', '1002', '1101', '1102', '1201'], population: 'Centrum' },
	{ street: 'Industrivägen', number: '8', postalCode: '54150', premises: 'COMMERCIAL', population: 'Industriområdet' },
	{ street: 'Tallvägen', number: '14', postalCode: '54144', premises: 'RESIDENTIAL_HOUSE', population: 'Tallbacken' },
	{ street: 'Ängsvägen', number: '1', postalCode: '54145', premises: 'RESIDENTIAL_HOUSE', population: 'Tallbacken' },
	{ street: 'Ängsvägen', number: '3', postalCode: '54145', premises: 'RESIDENTIAL_HOUSE', population: 'Tallbacken' },
	{ street: 'Drottninggatan', number: '15', postalCode: '54132', premises: 'MDU_APARTMENT', apartments: ['1001', '1002', '1003'], population: 'Centrum' },
	{ street: 'Stationsgatan', number: '1', postalCode: '54134', premises: 'PUBLIC', population: 'Centrum' },
];

const FIBNORR_ROWS: AddressRow[] = [
	{ street: 'Norrbyvägen', number: '2', postalCode: '93231', premises: 'RESIDENTIAL_HOUSE', population: 'Norrby tätort' },
	{ street: 'Norrbyvägen', number: '4', postalCode: '93231', premises: 'RESIDENTIAL_HOUSE', population: 'Norrby tätort' },
	{ street: 'Norrbyvägen', number: '6', postalCode: '93231', premises: 'RESIDENTIAL_HOUSE', population: 'Norrby tätort' },
	{ street: 'Norrbyvägen', number: '8', postalCode: '93231', premises: 'RESIDENTIAL_HOUSE', population: 'Norrby tätort' },
	{ street: 'Älvgatan', number: '17', postalCode: '93232', premises: 'MDU_APARTMENT', apartments: ['1001', '1002', '1101', '1102', '1201', '1202'], population: 'Norrby tätort' },
	{ street: 'Skolgatan', number: '3', postalCode: '93233', premises: 'MDU_APARTMENT', apartments: ['1001', '1002'], population: 'Norrby tätort' },
	{ street: 'Granvägen', number: '1', postalCode: '93234', premises: 'RESIDENTIAL_HOUSE', population: 'Granbacken' },
	{ street: 'Granvägen', number: '3', postalCode: '93234', premises: 'RESIDENTIAL_HOUSE', population: 'Granbacken' },
	{ street: 'Granvägen', number: '5', postalCode: '93234', premises: 'RESIDENTIAL_HOUSE', population: 'Granbacken' },
	{ street: 'Myrvägen', number: '12', postalCode: '93235', premises: 'RESIDENTIAL_HOUSE', population: 'Granbacken' },
	{ street: 'Myrvägen', number: '14', postalCode: '93235', premises: 'RESIDENTIAL_HOUSE', population: 'Granbacken' },
	{ street: 'Fjällvägen', number: '7', postalCode: '93236', premises: 'RESIDENTIAL_HOUSE', population: 'Granbacken' },
	{ street: 'Sjöbodvägen', number: '20', postalCode: '93291', premises: 'RESIDENTIAL_HOUSE', population: 'Norrby by' },
	{ street: 'Byvägen', number: '412-16', postalCode: '93291', premises: 'RESIDENTIAL_HOUSE', population: 'Norrby by' },
	{ street: 'Byvägen', number: '412-18', postalCode: '93291', premises: 'RESIDENTIAL_HOUSE', population: 'Norrby by' },
	{ street: 'Byvägen', number: '415-3', postalCode: '93291', premises: 'RESIDENTIAL_HOUSE', population: 'Norrby by' },
	{ street: 'Kvarnvägen', number: '9', postalCode: '93292', premises: 'RESIDENTIAL_HOUSE', population: 'Norrby by' },
	{ street: 'Hamngatan', number: '5', postalCode: '93237', premises: 'COMMERCIAL', population: 'Norrby tätort' },
	{ street: 'Hamngatan', number: '7', postalCode: '93237', premises: 'MDU_APARTMENT', apartments: ['1001', '1002', '1101', '1102'], population: 'Norrby tätort' },
	{ street: 'Kyrkbacken', number: '1', postalCode: '93238', premises: 'RESIDENTIAL_HOUSE', population: 'Norrby tätort' },
	{ street: 'Kyrkbacken', number: '3', postalCode: '93238', premises: 'RESIDENTIAL_HOUSE', population: 'Norrby tätort' },
];

function sndemoAccesses(): AccessSeed[] {
	return buildAccesses(SNDEMO_ROWS, SNDEMO, '2016-04-12T08:00:00Z', (accessId, row) => ({
		...(row.premises === 'RESIDENTIAL_HOUSE' ? { coFiberConverter: 'GENEXIS FIBERTWIST P2410' } : {}),
		// The one access where another SP already has broadband; a forced takeover is allowed.
		...(accessId === TAKEN_ACCESS_ID ? { services: demoOffers('2016-04-12T08:00:00Z', true) } : {}),
	}));
}

function fibnorrAccesses(): AccessSeed[] {
	return buildAccesses(FIBNORR_ROWS, FIBNORR, '2018-06-01T00:00:00Z', (accessId, row) => ({
		...(row.population === 'Norrby by' ? { legacyAccessId: `NBF-${accessId.slice(-4)}`, coCpeRouter: 'ZYXEL EX3301-T0' } : {}),
	}));
}

function users(operator: DemoOperator | DirectoryOperator): Pick<OperatorConfig, 'coId' | 'name' | 'preferredVersion' | 'users' | 'portalUsers'> {
	const portalUser: SpUser = { username: PORTAL_API_USER, password: PORTAL_API_KEY, spId: DEMO_SP_ID };
	return {
		coId: operator.coId,
		name: operator.name,
		preferredVersion: operator.onApiVersion,
		users: [{ username: DEMO_USERNAME, password: operator.onApiPassword, spId: DEMO_SP_ID }],
		portalUsers: [portalUser],
	};
}

/** A fresh copy of the demo operators (callers may mutate it). */
export function demoOperators(): OperatorConfig[] {
	return [
		{
			...users(SNDEMO),
			accesses: sndemoAccesses(),
			subscriptions: [{ accessId: TAKEN_ACCESS_ID, ...TAKEN_ACCESS_SUBSCRIPTION }],
		},
		{
			...users(FIBNORR),
			accesses: fibnorrAccesses(),
			failingAccesses: { [FAILING_ACCESS_ID]: FAILING_ACCESS_MESSAGE },
		},
	];
}

/** Order timing per pace: when an order is IN_PROGRESS and when it is done, from its start. */
const PACE_TIMING: Record<DirectoryOperator['pace'], { inProgressAfterMs: number; doneAfterMs: number }> = {
	minutes: { inProgressAfterMs: 60_000, doneAfterMs: 10 * 60_000 },
	hours: { inProgressAfterMs: 15 * 60_000, doneAfterMs: 4 * 3_600_000 },
	days: { inProgressAfterMs: 3_600_000, doneAfterMs: 2 * 86_400_000 },
};

/** The directory's operators as the ON-API simulator seeds them: a few accesses each (the first rows of Demostad). */
export function directoryOnApiOperators(count?: number): OperatorConfig[] {
	return directoryOperators(count).map((operator) => ({
		...users(operator),
		accesses: buildAccesses(SNDEMO_ROWS.slice(0, 5), { access: operator.access, city: 'Demostad' }, '2016-04-12T08:00:00Z', () => ({})),
		timing: { ...PACE_TIMING[operator.pace] },
		orderEvents: operator.orderEvents,
	}));
}

/** One operator as a multi-operator credential lists it (coId, base URL without the version, version, login). */
export interface DirectoryEntry {
	coId: string;
	baseUrl: string;
	version: DirectoryOperator['onApiVersion'];
	username: string;
	password: string;
}

/** The directory as a client configures it against a sandbox at `sandboxUrl`. */
export function directoryEntries(sandboxUrl: string, count?: number): DirectoryEntry[] {
	return directoryOperators(count).map((operator) => ({
		coId: operator.coId,
		baseUrl: `${sandboxUrl}${VERSIONED_PREFIX}${operator.coId}`,
		version: operator.onApiVersion,
		username: DEMO_USERNAME,
		password: operator.onApiPassword,
	}));
}
