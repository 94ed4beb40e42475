/**
 * The simulated week of the life-cycle template (issue 13, point 3): one order per situation, the
 * operator behaviour and accesses each needs, and what each order must end as. The end-to-end test
 * places the orders on day 0, moves the sandbox and n8n clocks through the week, and checks every
 * order against `expect`. Kept as data beside the sandbox so a benchmark or a demo can replay it.
 */
import type { OnApiAdminOperations } from '../onapi/adminRoutes';
import type { OperatorConfig } from '../onapi/types';
import type { OrderStatus } from '../tjansteguiden/model';
import { demoOperators } from '../demo/onApiOperators';
import { PORTAL_PREFIX } from '../onapi/routePath';
import { DEMO_SP_ID, DEMO_USERNAME, FAILING_ACCESS_ID, FIBNORR, FIBNORR_PASSWORD, OTHER_SP_ID, PORTAL_API_KEY, PORTAL_API_USER, SNDEMO, TAKEN_ACCESS_ID } from '../demo/world';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface LifecycleCase {
	/** The Tjänsteguiden order placed on day 0. */
	order: { service: string; socket: string; co?: string; status?: OrderStatus; type?: string };
	/** Days after day 0 the customer wants it (a Swedish date); absent = asap. */
	deliveryInDays?: number;
	/** When (after day 0's orders) the customer or KO cancels it in Tjänsteguiden. */
	cancelAfterMs?: number;
	/** On day 1 a person fixes the cause (here: the operator's fault is mended) and clears needsFollowUp. */
	fixedOnDayOne?: boolean;
	expect: {
		status: OrderStatus;
		/** Messages the template must have added (type, and a text the message contains). */
		messages: Array<{ type: 'log' | 'alert' | 'error'; contains: string }>;
		/** ON-API orders placed for this Tjänsteguiden order (by spReference): one per intent; a retry a person asked for is a second. */
		onApiOrders: 0 | 1 | 2;
		operation?: 'ACTIVATE' | 'CHANGE';
		forcedTakeover?: boolean;
		/** The ON-API order must be withdrawn (cancelled at the operator). */
		withdrawn?: boolean;
		/** The row's state in the tracking table at the end of the week. */
		row: string;
		needsFollowUp: boolean;
	};
}

const sndemo = (n: number) => SNDEMO.access(n);
const fibnorr = (n: number) => FIBNORR.access(n);

/** Another provider's service that may not be taken over (the demo world's taken access may). */
export const HELD_ACCESS_ID = sndemo(10);

/** An access that fails at the operator until a person has it mended (then the order is retried once). */
export const FIXED_ACCESS_ID = fibnorr(3);
export const FIXED_ACCESS_FAULT = 'Port not patched in the node';

/** A network operator Tjänsteguiden knows but the ON-API Operators credential does not list. */
export const UNLISTED_OPERATOR = { coId: 'NOSUCH', name: 'Okända Stadsnätet', socketPrefix: 'NOSUCH-' };

/**
 * A stadsnät whose only ON-API is Stadsnätsportalen's read-only one (on-api/STATUS.md, "ON-API 2.4
 * Stadsnätsportalen"): its Endpoints list offers accesses and nothing else, so no orders endpoint.
 */
export const PORTAL_OPERATOR = { coId: 'SNPORTAL', name: 'Portalby Stadsnät', socketPrefix: 'SNPORTAL-' };
const portalAccess = (n: number) => `${PORTAL_OPERATOR.socketPrefix}A${String(n).padStart(4, '0')}`;

/**
 * A stadsnät on ON-API 2.4 without `orderevents/` whose orders finish a fifth of a second after they
 * are placed. The ON-API Trigger follows such an operator by comparing its unfinished-orders list
 * between polls (a minute apart), never sees these orders unfinished, and so never hears them finish:
 * the template's hourly check of orders left `ordered` (*Read open order*) must.
 */
export const QUIET_OPERATOR = { coId: 'SNTYST', name: 'Tystorp Stadsnät', socketPrefix: 'SNTYST-' };
const quietAccess = (n: number) => `${QUIET_OPERATOR.socketPrefix}${1000 + n}`;
export const QUIET_TIMING = { inProgressAfterMs: 0, doneAfterMs: 200 };

export const LIFECYCLE_CASES = {
	immediate: {
		order: { service: 'BB100100', socket: sndemo(1) },
		expect: { status: 'delivered', messages: [], onApiOrders: 1, operation: 'ACTIVATE', row: 'delivered', needsFollowUp: false },
	},
	dateOperatorSchedules: {
		order: { service: 'BB250250', socket: sndemo(2) },
		deliveryInDays: 3,
		expect: { status: 'delivered', messages: [], onApiOrders: 1, operation: 'ACTIVATE', row: 'delivered', needsFollowUp: false },
	},
	dateOperatorCannotSchedule: {
		order: { service: 'BB250250', socket: fibnorr(2) },
		deliveryInDays: 3,
		expect: { status: 'delivered', messages: [{ type: 'log', contains: 'Ordered for' }], onApiOrders: 1, operation: 'ACTIVATE', row: 'delivered', needsFollowUp: false },
	},
	operatorTakesTwoHours: {
		order: { service: 'BB100100', socket: sndemo(4) },
		expect: { status: 'delivered', messages: [], onApiOrders: 1, operation: 'ACTIVATE', row: 'delivered', needsFollowUp: false },
	},
	doneFailed: {
		order: { service: 'BB100100', socket: FAILING_ACCESS_ID },
		expect: { status: 'active', messages: [{ type: 'error', contains: 'Operator FIBNORR' }], onApiOrders: 1, operation: 'ACTIVATE', row: 'failed', needsFollowUp: true },
	},
	failedThenRetried: {
		order: { service: 'BB100100', socket: FIXED_ACCESS_ID },
		fixedOnDayOne: true,
		expect: { status: 'delivered', messages: [{ type: 'error', contains: 'Operator FIBNORR' }], onApiOrders: 2, operation: 'ACTIVATE', row: 'delivered', needsFollowUp: false },
	},
	takeoverAllowed: {
		order: { service: 'BB100100', socket: TAKEN_ACCESS_ID },
		expect: { status: 'delivered', messages: [], onApiOrders: 1, operation: 'ACTIVATE', forcedTakeover: true, row: 'delivered', needsFollowUp: false },
	},
	takeoverNotPossible: {
		order: { service: 'BB100100', socket: HELD_ACCESS_ID },
		expect: { status: 'waiting', messages: [{ type: 'alert', contains: 'must end it first' }], onApiOrders: 0, row: 'waitingCustomer', needsFollowUp: true },
	},
	ourOtherProduct: {
		order: { service: 'BB250250', socket: sndemo(6) },
		expect: { status: 'delivered', messages: [], onApiOrders: 1, operation: 'CHANGE', row: 'delivered', needsFollowUp: false },
	},
	sameProductActive: {
		order: { service: 'BB250250', socket: sndemo(7) },
		expect: { status: 'delivered', messages: [{ type: 'log', contains: 'already has' }], onApiOrders: 0, row: 'alreadyActive', needsFollowUp: false },
	},
	cancelledBeforeStart: {
		order: { service: 'BB100100', socket: sndemo(8) },
		cancelAfterMs: 20 * 60_000,
		expect: { status: 'cancelled', messages: [{ type: 'log', contains: 'withdrawn' }], onApiOrders: 1, withdrawn: true, row: 'cancelled', needsFollowUp: false },
	},
	cancelledAfterDelivery: {
		order: { service: 'BB100100', socket: sndemo(9) },
		cancelAfterMs: DAY_MS,
		expect: { status: 'cancelled', messages: [{ type: 'alert', contains: 'ending the service is your decision' }], onApiOrders: 1, operation: 'ACTIVATE', row: 'cancelledLate', needsFollowUp: true },
	},
	unknownOperator: {
		order: { service: 'BB100100', socket: 'NOSUCH-0001', co: UNLISTED_OPERATOR.coId },
		expect: { status: 'received', messages: [{ type: 'error', contains: 'Unknown operator "NOSUCH"' }], onApiOrders: 0, row: 'held', needsFollowUp: true },
	},
	unmappedProduct: {
		order: { service: 'TVBAS', socket: sndemo(11) },
		expect: { status: 'received', messages: [{ type: 'error', contains: 'TVBAS' }], onApiOrders: 0, row: 'held', needsFollowUp: true },
	},
	portalOnly: {
		order: { service: 'BB100100', socket: portalAccess(1), co: PORTAL_OPERATOR.coId },
		expect: {
			status: 'received',
			messages: [
				{ type: 'alert', contains: 'Stadsnätsportalen' },
				{ type: 'alert', contains: 'no orders endpoint' },
			],
			onApiOrders: 0,
			row: 'held',
			needsFollowUp: true,
		},
	},
	finishedUnheard: {
		order: { service: 'BB100100', socket: quietAccess(1), co: QUIET_OPERATOR.coId },
		expect: { status: 'delivered', messages: [], onApiOrders: 1, operation: 'ACTIVATE', row: 'delivered', needsFollowUp: false },
	},
	directActivated: {
		order: { service: 'BB10001000', socket: sndemo(12), status: 'delivered' },
		expect: { status: 'delivered', messages: [], onApiOrders: 0, row: 'imported', needsFollowUp: false },
	},
} satisfies Record<string, LifecycleCase>;

export type LifecycleCaseName = keyof typeof LIFECYCLE_CASES;

/**
 * The ON-API operators of the week: the demo world's, PORTAL_OPERATOR with a few accesses (SNDEMO's
 * first ones under its own IDs), reached only through Stadsnätsportalen, and QUIET_OPERATOR (FIBNORR's
 * first accesses under its own IDs, no `orderevents/`, orders done at once but not synchronously).
 */
export function lifecycleOnApiOperators(): OperatorConfig[] {
	const operators = demoOperators();
	const sndemo = operators.find((operator) => operator.coId === SNDEMO.coId)!;
	const fibnorr = operators.find((operator) => operator.coId === FIBNORR.coId)!;
	const quiet: OperatorConfig = {
		...fibnorr,
		coId: QUIET_OPERATOR.coId,
		name: QUIET_OPERATOR.name,
		accesses: fibnorr.accesses.slice(0, 3).map((access, index) => ({ ...access, accessId: quietAccess(index + 1) })),
		subscriptions: [],
		failingAccesses: {},
		timing: { ...QUIET_TIMING },
		orderEvents: false,
	};
	const portal: OperatorConfig = {
		...sndemo,
		coId: PORTAL_OPERATOR.coId,
		name: PORTAL_OPERATOR.name,
		preferredVersion: '2.4',
		accesses: sndemo.accesses.slice(0, 3).map((access, index) => ({ ...access, accessId: portalAccess(index + 1) })),
		subscriptions: [],
		onPortal: true,
	};
	return [...operators, portal, quiet];
}

/** PORTAL_OPERATOR as the ON-API Operators credential lists it: Stadsnätsportalen's URL and the Atlas API login. */
export function portalDirectoryEntry(sandboxUrl: string): Record<string, string> {
	return {
		coId: PORTAL_OPERATOR.coId,
		baseUrl: `${sandboxUrl}${PORTAL_PREFIX}${PORTAL_OPERATOR.coId}`,
		version: '2.4',
		username: PORTAL_API_USER,
		password: PORTAL_API_KEY,
	};
}

/** QUIET_OPERATOR as the ON-API Operators credential lists it: its own ON-API, FIBNORR's login. */
export function quietDirectoryEntry(sandboxUrl: string): Record<string, string> {
	return { coId: QUIET_OPERATOR.coId, baseUrl: `${sandboxUrl}/onapi/${QUIET_OPERATOR.coId}`, version: '2.4', username: DEMO_USERNAME, password: FIBNORR_PASSWORD };
}

/** The person's fix of `failedThenRetried`: the operator no longer fails that access. */
export function mendFixedAccess(onApi: OnApiAdminOperations): void {
	onApi.configure(FIBNORR.coId, { failingAccesses: { [FIXED_ACCESS_ID]: null } });
}

/**
 * The operators and accesses of the week, on top of the demo world: quick operators, one access that
 * takes two hours and one that waits three before starting, FIBNORR unable to schedule orders, our
 * own subscriptions (for CHANGE and "already ours"), and another provider's service that may not be
 * taken over (the demo world's TAKEN_ACCESS_ID holds one that may).
 */
export function setUpLifecycleWorld(onApi: OnApiAdminOperations): void {
	onApi.configure(SNDEMO.coId, {
		timing: { inProgressAfter: '30s', doneAfter: '1m' },
		slowAccesses: {
			[sndemo(4)]: { inProgressAfter: '10m', doneAfter: '2h' },
			[sndemo(8)]: { inProgressAfter: '3h', doneAfter: '4h' },
		},
	});
	onApi.configure(FIBNORR.coId, {
		timing: { inProgressAfter: '30s', doneAfter: '1m' },
		unsupportedFields: ['requestedDateTime'],
		failingAccesses: { [FIXED_ACCESS_ID]: FIXED_ACCESS_FAULT },
	});
	onApi.addSubscription(SNDEMO.coId, { accessId: sndemo(6), service: 'BB-100-100', spId: DEMO_SP_ID });
	onApi.addSubscription(SNDEMO.coId, { accessId: sndemo(7), service: 'BB-250-250', spId: DEMO_SP_ID });
	onApi.addSubscription(SNDEMO.coId, { accessId: HELD_ACCESS_ID, service: 'BB-100-100', spId: OTHER_SP_ID });
}
