import { createHash } from 'node:crypto';

import * as emissions from '../../shared/emissionMemory';
import { processState } from '../processState';

/** Order IDs this n8n process has emitted lately, per trigger and credential (see nodes/shared/emissionMemory.ts). */
export function triggerKey(workflowId: string | undefined, nodeId: string, credentials: unknown): string {
	return createHash('sha256')
		.update(`${workflowId ?? ''}\u0000${nodeId}\u0000${JSON.stringify(credentials)}`)
		.digest('hex');
}

/** The IDs this process emitted lately for the trigger, with when (ms since the epoch). */
export function recentlyEmitted(key: string, now = Date.now()): Map<string, number> {
	return emissions.recentlyEmitted(processState.emittedOrders, key, now);
}

export function rememberEmitted(key: string, orderIds: string[], now = Date.now()): void {
	emissions.rememberEmitted(processState.emittedOrders, key, orderIds, now);
}
