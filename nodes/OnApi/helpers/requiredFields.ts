/**
 * Fields an order request must carry, per operation and ON-API version.
 *
 * 2.5 and 2.6 list them per operation (spec/orders.md, "operation"). 2.4's field list marks
 * accessId, service and spReference "Mandatory" and SUSPEND/RESUME/MODIFY/CHANGE as needing
 * subscriptionId, while its own examples leave accessId/service out of MODIFY and spReference out
 * of everything but ACTIVATE. Where the text and the examples disagree the node follows the
 * examples and lets the operator decide, rather than refusing orders an operator would accept:
 * 2.4 adds only spReference on ACTIVATE.
 */
import type { OnApiVersion, OrderOperation } from './onApiTypes';

const REQUIRED_2_5_AND_LATER: Record<OrderOperation, string[]> = {
	ACTIVATE: ['accessId', 'service'],
	DEACTIVATE: ['subscriptionId'],
	SUSPEND: ['subscriptionId'],
	RESUME: ['subscriptionId'],
	MODIFY: ['subscriptionId'],
	CHANGE: ['subscriptionId', 'service'],
};

const REQUIRED_2_4: Record<OrderOperation, string[]> = {
	...REQUIRED_2_5_AND_LATER,
	ACTIVATE: ['accessId', 'service', 'spReference'],
};

export function requiredOrderFields(operation: OrderOperation, version: OnApiVersion): string[] {
	return version === '2.4' ? REQUIRED_2_4[operation] : REQUIRED_2_5_AND_LATER[operation];
}

/** MODIFY changes something; an order that names nothing to change is a mistake, not a no-op. */
export const MODIFY_CHANGEABLE_FIELDS: Record<OnApiVersion, string[]> = {
	'2.4': ['spReference', 'spSubscriptionId'],
	'2.5': ['spReference', 'spSubscriptionId', 'equipment', 'characteristics'],
	'2.6': ['spReference', 'spSubscriptionId', 'equipment', 'characteristics'],
};
