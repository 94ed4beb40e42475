/**
 * The demo world shared with the Tjänsteguiden simulator (see the project brief): operators
 * SNDEMO (Demostad Stadsnät) and FIBNORR (Norrby Fibernät), 30 accesses each, the services
 * BB-100-100, BB-250-250 and BB-1000-1000 on every access, SNDEMO-A0013 taken by another SP and
 * FIBNORR-1013 failing at the operator.
 */
import { uuidFrom } from './identifiers';
import type { AccessSeed, OperatorConfig, PremisesType, ServiceOffer, SpUser } from './types';

export const DEMO_SP_ID = 'SPDEMO';
/** The SP that already holds BB-100-100 on SNDEMO-A0013. */
export const OTHER_SP_ID = 'SPOTHER';

export const DEMO_USERNAME = 'sp-demo';
export const SNDEMO_PASSWORD = 'sandbox-onapi-secret';
export const FIBNORR_PASSWORD = 'sandbox-onapi-secret-2';
/** Stadsnätsportalen: Atlas API user id and API key of the demo SP (xsp 31420). */
export const PORTAL_API_USER = '1234';
export const PORTAL_API_KEY = 'sandbox-api-key';

export const DEMO_SERVICES = ['BB-100-100', 'BB-250-250', 'BB-1000-1000'] as const;
export const TAKEN_ACCESS_ID = 'SNDEMO-A0013';
export const FAILING_ACCESS_ID = 'FIBNORR-1013';
export const FAILING_ACCESS_MESSAGE = 'Fibre not spliced';

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
	city: string,
	accessIdOf: (index: number) => string,
	connected: string,
	extras: (accessId: string, row: AddressRow) => Partial<AccessSeed>,
): AccessSeed[] {
	return expand(rows).map((row, index) => {
		const accessId = accessIdOf(index + 1);
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
	return buildAccesses(
		SNDEMO_ROWS,
		'Demostad',
		(n) => `SNDEMO-A${String(n).padStart(4, '0')}`,
		'2016-04-12T08:00:00Z',
		(accessId, row) => ({
			...(row.premises === 'RESIDENTIAL_HOUSE' ? { coFiberConverter: 'GENEXIS FIBERTWIST P2410' } : {}),
			// The one access where another SP already has broadband; a forced takeover is allowed.
			...(accessId === TAKEN_ACCESS_ID ? { services: demoOffers('2016-04-12T08:00:00Z', true) } : {}),
		}),
	);
}

function fibnorrAccesses(): AccessSeed[] {
	return buildAccesses(
		FIBNORR_ROWS,
		'Norrby',
		(n) => `FIBNORR-${1000 + n}`,
		'2018-06-01T00:00:00Z',
		(accessId, row) => ({
			...(row.population === 'Norrby by' ? { legacyAccessId: `NBF-${accessId.slice(-4)}`, coCpeRouter: 'ZYXEL EX3301-T0' } : {}),
		}),
	);
}

function demoUser(password: string): SpUser[] {
	return [{ username: DEMO_USERNAME, password, spId: DEMO_SP_ID }];
}

const PORTAL_USERS: SpUser[] = [{ username: PORTAL_API_USER, password: PORTAL_API_KEY, spId: DEMO_SP_ID }];

/** A fresh copy of the demo operators (callers may mutate it). */
export function demoOperators(): OperatorConfig[] {
	return [
		{
			coId: 'SNDEMO',
			name: 'Demostad Stadsnät',
			preferredVersion: '2.6',
			users: demoUser(SNDEMO_PASSWORD),
			portalUsers: PORTAL_USERS.map((user) => ({ ...user })),
			accesses: sndemoAccesses(),
			subscriptions: [
				{ accessId: TAKEN_ACCESS_ID, service: 'BB-100-100', spId: OTHER_SP_ID, spReference: 'OTHERSP-CUST-7731' },
			],
		},
		{
			coId: 'FIBNORR',
			name: 'Norrby Fibernät',
			preferredVersion: '2.4',
			users: demoUser(FIBNORR_PASSWORD),
			portalUsers: PORTAL_USERS.map((user) => ({ ...user })),
			accesses: fibnorrAccesses(),
			failingAccesses: { [FAILING_ACCESS_ID]: FAILING_ACCESS_MESSAGE },
		},
	];
}
