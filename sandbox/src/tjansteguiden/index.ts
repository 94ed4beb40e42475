export {
	createTjansteguidenSimulator,
	TjansteguidenSimulator,
	TJANSTEGUIDEN_FAULT_KINDS,
	TJANSTEGUIDEN_NAME,
	TJANSTEGUIDEN_PATH,
	type TjansteguidenSimulatorOptions,
	type TjansteguidenSnapshot,
	type TjansteguidenWorld,
} from './simulator';
export {
	DEMO_API_KEY,
	DEMO_API_USER,
	DEMO_OPERATOR_API_USER,
	DEMO_OPERATOR_API_USER_FIBNORR,
	DEMO_XSP,
	type TgConfigPatch,
} from './config';
export { OPERATOR_PATH } from './operatorMethods';
export { TjansteguidenOperatorClient, type OperatorAccessInput, type OperatorRawResponse } from './operatorClient';
export type { CustomerInput, LogEntryInput, OrderInput, BulkOrderInput } from './orderInput';
export type { CustomerView, HashView, LogEntryView, OrderView } from './adminViews';
export { MESSAGE_TYPES, ORDER_STATUSES, type MessageType, type OrderStatus, type TgConfig, type TgOperatorUser } from './model';
