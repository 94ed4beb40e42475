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
export { DEMO_API_KEY, DEMO_API_USER, DEMO_XSP, type TgConfigPatch } from './config';
export type { CustomerInput, LogEntryInput, OrderInput, BulkOrderInput } from './orderInput';
export type { CustomerView, HashView, LogEntryView, OrderView } from './adminViews';
export { MESSAGE_TYPES, ORDER_STATUSES, type MessageType, type OrderStatus, type TgConfig } from './model';
