export {
	createTjansteguidenSimulator,
	TjansteguidenSimulator,
	TJANSTEGUIDEN_FAULT_KINDS,
	TJANSTEGUIDEN_NAME,
	type TjansteguidenSimulatorOptions,
} from './simulator';
export type { TjansteguidenSnapshot, TjansteguidenWorld } from './worldTypes';
export type { TgConfigPatch } from './config';
export { OPERATOR_PATH, TJANSTEGUIDEN_PATH } from './paths';
export { TjansteguidenOperatorClient, type OperatorAccessInput, type OperatorRawResponse } from './operatorClient';
export type { CustomerInput, LogEntryInput, OrderInput, BulkOrderInput } from './orderInput';
export type { CustomerView, HashView, LogEntryView, OrderView } from './adminViews';
export { MESSAGE_TYPES, ORDER_STATUSES, type MessageType, type OrderStatus, type TgConfig, type TgOperatorUser } from './model';
