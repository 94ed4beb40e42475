/** Public surface of the ON-API operator simulator. */
export { createOnApiSimulator, OnApiAdminError } from './onApiSimulator';
export type { OnApiSimulator, OnApiSimulatorOptions } from './onApiSimulator';
export type { OperatorBehaviourPatch } from './behaviourPatch';
export type { AccessUpsert, ServiceOfferUpsert } from './accessUpsert';
export type { AdminOrderView, AdminSubscriptionView, OnApiAdminState, OperatorAdminState } from './adminState';
export * from './demoWorld';
export * from './types';
