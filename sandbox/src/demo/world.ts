/**
 * The demo world, in one place: who the service provider is, its logins and keys on both APIs, the
 * two network operators and their accesses, and the trouble cases the template must handle. The
 * simulators build their seeds from it, and tests, the demo and the benchmark import these names
 * instead of repeating the literals, so a changed login or access is changed once.
 *
 * Operators: SNDEMO (Demostad Stadsnät, ON-API 2.6) and FIBNORR (Norrby Fibernät, ON-API 2.4), 30
 * accesses each (SNDEMO-A0001 … SNDEMO-A0030, FIBNORR-1001 … FIBNORR-1030). Access number 13 is the
 * trouble access on both: taken by another service provider on SNDEMO, failing at the operator on
 * FIBNORR.
 */

/** The demo service provider (TL): its ON-API spId and its Tjänsteguiden xsp. */
export const DEMO_SP_ID = 'SPDEMO';
export const DEMO_XSP = 31420;
/** The service provider that already holds broadband on the taken access. */
export const OTHER_SP_ID = 'SPOTHER';

/** Orders 1.0 login (api_user / api_key); Stadsnätsportalen takes the same pair as its Basic login. */
export const DEMO_API_USER = '1234';
export const DEMO_API_KEY = 'sandbox-api-key';
/** Shown in the login message and as the author of the service provider's log entries. */
export const DEMO_API_USER_NAME = 'Sandbox User';
export const PORTAL_API_USER = DEMO_API_USER;
export const PORTAL_API_KEY = DEMO_API_KEY;

/** ON-API Basic login of the demo service provider; the password differs per operator. */
export const DEMO_USERNAME = 'sp-demo';
export const SNDEMO_PASSWORD = 'sandbox-onapi-secret';
export const FIBNORR_PASSWORD = 'sandbox-onapi-secret-2';

/** Operator API users (Tjänsteguiden's network-operator face) of SNDEMO and FIBNORR. */
export const DEMO_OPERATOR_API_USER = '4711';
export const DEMO_OPERATOR_API_USER_FIBNORR = '4712';
/** Loopback only, as a real operator allows only its integrator's own addresses. */
export const DEMO_OPERATOR_ADDRESSES: readonly string[] = ['127.0.0.1', '::1'];

export type DemoCity = 'Demostad' | 'Norrby';
export type DemoOnApiVersion = '2.4' | '2.5' | '2.6';

export interface DemoOperator {
	coId: string;
	name: string;
	city: DemoCity;
	/** What every access ID of this operator starts with; Tjänsteguiden assigns orders by it. */
	socketPrefix: string;
	/** The access ID of access number `n` (1 … ACCESSES_PER_OPERATOR). */
	access(n: number): string;
	/** The version the demo credentials are documented for (every version is served). */
	onApiVersion: DemoOnApiVersion;
	onApiPassword: string;
	operatorApiUser: string;
}

export const ACCESSES_PER_OPERATOR = 30;
/** Number 13 is the trouble access on both operators (conflict on SNDEMO, splice failure on FIBNORR). */
export const TROUBLE_ACCESS_NUMBER = 13;

export const SNDEMO: DemoOperator = {
	coId: 'SNDEMO',
	name: 'Demostad Stadsnät',
	city: 'Demostad',
	socketPrefix: 'SNDEMO-',
	access: (n) => `SNDEMO-A${String(n).padStart(4, '0')}`,
	onApiVersion: '2.6',
	onApiPassword: SNDEMO_PASSWORD,
	operatorApiUser: DEMO_OPERATOR_API_USER,
};

export const FIBNORR: DemoOperator = {
	coId: 'FIBNORR',
	name: 'Norrby Fibernät',
	city: 'Norrby',
	socketPrefix: 'FIBNORR-',
	access: (n) => `FIBNORR-${1000 + n}`,
	onApiVersion: '2.4',
	onApiPassword: FIBNORR_PASSWORD,
	operatorApiUser: DEMO_OPERATOR_API_USER_FIBNORR,
};

export const DEMO_OPERATORS: readonly DemoOperator[] = [SNDEMO, FIBNORR];

/**
 * How long the demo operators take while `npm run demo` runs (the simulators' default is seconds,
 * which suits the tests): long enough that an order the life-cycle template placed sits `active`
 * for a few minutes before its completion run sets it `delivered`, short enough that the first
 * orders are delivered within about five minutes of the demo's start. Real time, no clock tricks.
 */
export const DEMO_RUN_ORDER_DURATIONS: Readonly<Record<string, { inProgressAfter: string; doneAfter: string }>> = {
	[SNDEMO.coId]: { inProgressAfter: '1m', doneAfter: '2m' },
	[FIBNORR.coId]: { inProgressAfter: '2m', doneAfter: '4m' },
};

/** Another SP's broadband is active here (forced takeover possible): an activation conflicts. */
export const TAKEN_ACCESS_ID = SNDEMO.access(TROUBLE_ACCESS_NUMBER);
export const TAKEN_ACCESS_SUBSCRIPTION = { service: 'BB-100-100', spId: OTHER_SP_ID, spReference: 'OTHERSP-CUST-7731' } as const;
/** Every order on this access ends DONE_FAILED with FAILING_ACCESS_MESSAGE. */
export const FAILING_ACCESS_ID = FIBNORR.access(TROUBLE_ACCESS_NUMBER);
export const FAILING_ACCESS_MESSAGE = 'Fibre not spliced';

/** ON-API services offered on every demo access. */
export const DEMO_SERVICES = ['BB-100-100', 'BB-250-250', 'BB-1000-1000'] as const;

/** Tjänsteguiden's products; the three broadband ones map to DEMO_SERVICES, TV has no ON-API service. */
export const DEMO_TG_SERVICES: ReadonlyArray<{ id: number; uid: string; name: string }> = [
	{ id: 2440, uid: 'BB100100', name: 'Bredband 100/100 Mbit/s' },
	{ id: 2441, uid: 'BB250250', name: 'Bredband 250/250 Mbit/s' },
	{ id: 2442, uid: 'BB10001000', name: 'Bredband 1000/1000 Mbit/s' },
	{ id: 2450, uid: 'TVBAS', name: 'TV Bas' },
];

export function sndemoAccess(number: number): string {
	return SNDEMO.access(number);
}

export function fibnorrAccess(number: number): string {
	return FIBNORR.access(number);
}

/**
 * The n-th automatically assigned access: alternates between the operators and walks through
 * the accesses, skipping the trouble accesses so bulk-created orders go through cleanly.
 */
export function autoAccess(n: number): string {
	const operator = DEMO_OPERATORS[n % DEMO_OPERATORS.length] as DemoOperator;
	const usable = ACCESSES_PER_OPERATOR - 1;
	let number = (Math.floor(n / DEMO_OPERATORS.length) % usable) + 1;
	if (number >= TROUBLE_ACCESS_NUMBER) number += 1;
	return operator.access(number);
}

/** City of a demo access, for made-up customer addresses. */
export function cityOfAccess(socket: string): DemoCity {
	return DEMO_OPERATORS.find((operator) => socket.startsWith(operator.socketPrefix))?.city ?? SNDEMO.city;
}

/**
 * A directory of generated operators for tests of a service provider with many operators (the
 * ON-API Trigger and the multi-operator credential): DIR01 … DIR30 by default, ON-API only. They
 * differ the way real ones do: versions 2.6, 2.5 and 2.4 in turn; order durations of minutes, hours
 * or days on the sandbox clock; every second operator without `orderevents/` in its endpoint list.
 */
export interface DirectoryOperator {
	coId: string;
	name: string;
	socketPrefix: string;
	access(n: number): string;
	onApiVersion: DemoOnApiVersion;
	onApiPassword: string;
	/** How long an order takes: minutes, hours or days. */
	pace: 'minutes' | 'hours' | 'days';
	orderEvents: boolean;
}

export const DIRECTORY_SIZE = 30;
const DIRECTORY_VERSIONS: readonly DemoOnApiVersion[] = ['2.6', '2.5', '2.4'];
const DIRECTORY_PACES: ReadonlyArray<DirectoryOperator['pace']> = ['minutes', 'hours', 'days'];

export function directoryOperators(count = DIRECTORY_SIZE): DirectoryOperator[] {
	return Array.from({ length: count }, (_, index) => {
		const coId = `DIR${String(index + 1).padStart(2, '0')}`;
		return {
			coId,
			name: `Stadsnät ${index + 1}`,
			socketPrefix: `${coId}-`,
			access: (n: number) => `${coId}-A${String(n).padStart(4, '0')}`,
			onApiVersion: DIRECTORY_VERSIONS[index % DIRECTORY_VERSIONS.length] as DemoOnApiVersion,
			onApiPassword: `sandbox-onapi-secret-${coId}`,
			pace: DIRECTORY_PACES[Math.floor(index / 2) % DIRECTORY_PACES.length] as DirectoryOperator['pace'],
			orderEvents: index % 2 === 0,
		};
	});
}
