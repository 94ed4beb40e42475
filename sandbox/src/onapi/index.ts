/** Public surface of the ON-API operator simulator. */
export { createOnApiSimulator } from './onApiSimulator';
export type { OnApiSimulator, OnApiSimulatorOptions } from './onApiSimulator';
export type { OperatorBehaviourPatch, TimingInput } from './behaviourPatch';
export { formatDuration, parseDuration } from './durations';
export type { AccessUpsert, ServiceOfferUpsert } from './accessUpsert';
export type { AdminOrderView, AdminSubscriptionView, OnApiAdminState, OperatorAdminState } from './adminState';
export { demoOperators, directoryEntries, directoryOnApiOperators, type DirectoryEntry } from '../demo/onApiOperators';
export {
	DEMO_SERVICES,
	DEMO_SP_ID,
	DEMO_USERNAME,
	FAILING_ACCESS_ID,
	FAILING_ACCESS_MESSAGE,
	FIBNORR_PASSWORD,
	OTHER_SP_ID,
	PORTAL_API_KEY,
	PORTAL_API_USER,
	SNDEMO_PASSWORD,
	TAKEN_ACCESS_ID,
} from '../demo/world';
export * from './types';
