/** Vocabulary of the ON-API shared by the node's helpers, transport and actions. */

export const ON_API_VERSIONS = ['2.4', '2.5', '2.6'] as const;
export type OnApiVersion = (typeof ON_API_VERSIONS)[number];

export function isOnApiVersion(value: unknown): value is OnApiVersion {
	return typeof value === 'string' && (ON_API_VERSIONS as readonly string[]).includes(value);
}

export const ORDER_OPERATIONS = ['ACTIVATE', 'DEACTIVATE', 'SUSPEND', 'RESUME', 'MODIFY', 'CHANGE'] as const;
export type OrderOperation = (typeof ORDER_OPERATIONS)[number];

export const ORDER_STATES = ['RECEIVED', 'IN_PROGRESS', 'DONE_SUCCESS', 'DONE_FAILED'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const FINAL_ORDER_STATES: readonly string[] = ['DONE_SUCCESS', 'DONE_FAILED'];

export function isFinalOrderState(state: unknown): boolean {
	return typeof state === 'string' && FINAL_ORDER_STATES.includes(state);
}

/** The endpoints the node calls, by the name the spec gives them. */
export type OnApiEndpointName = 'accesses' | 'services' | 'subscriptions' | 'orders' | 'orderevents';

/** A field that failed validation, named as in the ON-API (and in the node's parameters). */
export interface FieldProblem {
	field: string;
	message: string;
}
