/**
 * Typed client for the sandbox's admin API (tests, demo scripts, benchmarks). Every method is one
 * HTTP call; a 4xx/5xx answer becomes a SandboxAdminError with the server's message.
 */
import axios, { type AxiosInstance, type Method } from 'axios';

import type { FaultRule, FaultRuleInput } from './faults';
import type { AccessUpsert } from './onapi/accessUpsert';
import type { OnApiAdminState } from './onapi/adminState';
import type { OperatorBehaviourPatch, TimingInput } from './onapi/behaviourPatch';
import type { AccessRecord, OperatorBehaviour, Outage, SubscriptionRecord, SubscriptionSeed } from './onapi/types';
import type { RequestCounters, RequestLogPage, RequestLogQuery } from './requestLog';
import type { CustomerView, HashView, LogEntryView, OrderView } from './tjansteguiden/adminViews';
import type { TgConfigPatch } from './tjansteguiden/config';
import type { MessageType, OrderStatus, TgConfig, TgOperator, TgService } from './tjansteguiden/model';
import type { BulkOrderInput, CustomerInput, OrderInput } from './tjansteguiden/orderInput';
import { TJANSTEGUIDEN_PATH } from './tjansteguiden/paths';
import type { TjansteguidenSnapshot } from './tjansteguiden/worldTypes';

export interface ClockState {
	now: string;
	offsetMs: number;
}

export interface SandboxState {
	clock: ClockState;
	latency: Record<string, number>;
	faults: FaultRule[];
	counters: RequestCounters;
	heldRequests: number;
	simulators: { tjansteguiden: TjansteguidenSnapshot } & Record<string, unknown>;
}

export interface CreatedOrders {
	ids: number[];
	customerIds: number[];
	/** Present when at most 1000 orders were created. */
	orders?: OrderView[];
}

export interface OrderListQuery {
	status?: OrderStatus;
	/** Orders created at or after this instant. */
	from?: string;
	/** Only orders whose creation time has passed on the sandbox clock. */
	arrived?: boolean;
	/** Include each order's log (default true). */
	log?: boolean;
	limit?: number;
	offset?: number;
}

export interface PublicUser {
	apiUser: string;
	name: string;
}

export type PublicTgConfig = Omit<TgConfig, 'users'> & { users: PublicUser[] };

export interface RawResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

export class SandboxAdminError extends Error {
	constructor(
		message: string,
		readonly status: number,
	) {
		super(message);
	}
}

/** Sends admin calls and unwraps their JSON; shared by the core and per-simulator clients. */
class AdminTransport {
	constructor(readonly http: AxiosInstance) {}

	async call<T>(method: Method, path: string, data?: unknown, params?: Record<string, string | number | boolean>): Promise<T> {
		const response = await this.http.request<unknown>({ method, url: path, data, params });
		if (response.status >= 400) {
			const body = response.data as { error?: unknown } | undefined;
			const reason = typeof body?.error === 'string' ? body.error : JSON.stringify(response.data);
			throw new SandboxAdminError(`${method.toUpperCase()} ${path} failed with ${response.status}: ${reason}`, response.status);
		}
		return response.data as T;
	}
}

export class TjansteguidenAdminClient {
	constructor(private readonly transport: AdminTransport) {}

	snapshot(): Promise<TjansteguidenSnapshot> {
		return this.transport.call('GET', '/__admin/tjansteguiden');
	}

	createOrders(input: OrderInput | OrderInput[] | BulkOrderInput): Promise<CreatedOrders> {
		return this.transport.call('POST', '/__admin/tjansteguiden/orders', input);
	}

	async createOrder(input: OrderInput = {}): Promise<OrderView> {
		const created = await this.createOrders(input);
		const order = created.orders?.[0];
		if (order === undefined) throw new Error('The sandbox did not return the created order');
		return order;
	}

	orders(query: OrderListQuery = {}): Promise<{ total: number; offset: number; orders: OrderView[] }> {
		return this.transport.call('GET', '/__admin/tjansteguiden/orders', undefined, { ...query });
	}

	order(id: number): Promise<OrderView> {
		return this.transport.call('GET', `/__admin/tjansteguiden/orders/${id}`);
	}

	/** Changes an order's status as the city network or Tjänsteguiden would (logged like set_status). */
	setOrderStatus(id: number, status: OrderStatus, user?: string): Promise<OrderView> {
		return this.transport.call('POST', `/__admin/tjansteguiden/orders/${id}/status`, { status, user });
	}

	addLogEntry(id: number, entry: { type: MessageType; message: string; user?: string }): Promise<LogEntryView> {
		return this.transport.call('POST', `/__admin/tjansteguiden/orders/${id}/log`, entry);
	}

	customers(query: { limit?: number; offset?: number } = {}): Promise<{ total: number; offset: number; customers: CustomerView[] }> {
		return this.transport.call('GET', '/__admin/tjansteguiden/customers', undefined, { ...query });
	}

	customer(id: number): Promise<CustomerView> {
		return this.transport.call('GET', `/__admin/tjansteguiden/customers/${id}`);
	}

	createCustomer(input: CustomerInput = {}): Promise<CustomerView> {
		return this.transport.call('POST', '/__admin/tjansteguiden/customers', input);
	}

	/** Edits a customer; `customers` lists it again from now on. */
	editCustomer(id: number, changes: Partial<Omit<CustomerInput, 'id' | 'date'>>): Promise<CustomerView> {
		return this.transport.call('POST', `/__admin/tjansteguiden/customers/${id}`, changes);
	}

	config(): Promise<PublicTgConfig> {
		return this.transport.call('GET', '/__admin/tjansteguiden/config');
	}

	updateConfig(patch: TgConfigPatch | { services?: TgService[]; operators?: TgOperator[] }): Promise<PublicTgConfig> {
		return this.transport.call('POST', '/__admin/tjansteguiden/config', patch);
	}

	users(): Promise<PublicUser[]> {
		return this.transport.call('GET', '/__admin/tjansteguiden/users');
	}

	/** Adds an API user, or replaces the one with the same apiUser. */
	addUser(user: { apiUser: string; apiKey: string; name?: string }): Promise<PublicUser[]> {
		return this.transport.call('POST', '/__admin/tjansteguiden/users', user);
	}

	/**
	 * Makes order_info of this order, or customer_info of its customer, fail every time (default
	 * messages: "Order N could not be read", "Customer N not found"); `clear` undoes it.
	 */
	setFailing(id: number, method: 'order_info' | 'customer_info', options: { message?: string; clear?: boolean } = {}): Promise<{ method: string; id: number; failing: boolean; message?: string }> {
		return this.transport.call('POST', `/__admin/tjansteguiden/orders/${id}/failing`, { method, ...options });
	}

	/** Every login hash issued since the last reset (to check that none leaks into output). */
	async hashes(): Promise<HashView[]> {
		return (await this.transport.call<{ hashes: HashView[] }>('GET', '/__admin/tjansteguiden/hashes')).hashes;
	}

	/** One raw Orders 1.0 call (GET with query parameters), answered as text. */
	async call(params: Record<string, string | number>): Promise<RawResponse> {
		const response = await this.transport.http.get<string>(TJANSTEGUIDEN_PATH, {
			params,
			responseType: 'text',
			transformResponse: (data: string) => data,
		});
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(response.headers)) {
			if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
		}
		return { status: response.status, headers, body: response.data };
	}
}

/** The ON-API simulator's admin routes (`/__admin/onapi/...`), when the sandbox mounts it. */
export class OnApiAdminClient {
	constructor(private readonly transport: AdminTransport) {}

	/** Orders with history, subscriptions, create-call counts and behaviour; one operator or all. */
	state(coId?: string): Promise<OnApiAdminState> {
		return this.transport.call('GET', '/__admin/onapi/state', undefined, coId === undefined ? undefined : { coId });
	}

	async configure(coId: string, patch: OperatorBehaviourPatch): Promise<OperatorBehaviour> {
		return (await this.transport.call<{ behaviour: OperatorBehaviour }>('POST', `/__admin/onapi/config/${encodeURIComponent(coId)}`, patch)).behaviour;
	}

	/** How long this operator's orders take on the sandbox clock, e.g. `{ inProgressAfter: '1h', doneAfter: '2d' }`. */
	setOrderDuration(coId: string, timing: TimingInput): Promise<OperatorBehaviour> {
		return this.configure(coId, { timing });
	}

	/** Takes the operator down (reset, 401, 5xx, timeout) until `setOutage(coId, null)`. */
	setOutage(coId: string, outage: Outage | null): Promise<OperatorBehaviour> {
		return this.configure(coId, { outage });
	}

	/** Whether the operator's endpoint list offers `orderevents/`. */
	setOrderEvents(coId: string, offered: boolean): Promise<OperatorBehaviour> {
		return this.configure(coId, { orderEvents: offered });
	}

	async upsertAccesses(coId: string, accesses: AccessUpsert[]): Promise<AccessRecord[]> {
		return (await this.transport.call<{ accesses: AccessRecord[] }>('POST', `/__admin/onapi/accesses/${encodeURIComponent(coId)}`, { accesses })).accesses;
	}

	async addSubscription(coId: string, seed: SubscriptionSeed): Promise<SubscriptionRecord> {
		return (await this.transport.call<{ subscription: SubscriptionRecord }>('POST', `/__admin/onapi/subscriptions/${encodeURIComponent(coId)}`, seed)).subscription;
	}
}

export class SandboxAdminClient {
	readonly http: AxiosInstance;
	readonly tjansteguiden: TjansteguidenAdminClient;
	readonly onapi: OnApiAdminClient;
	private readonly transport: AdminTransport;

	constructor(readonly baseUrl: string) {
		this.http = axios.create({ baseURL: baseUrl, validateStatus: () => true, proxy: false });
		this.transport = new AdminTransport(this.http);
		this.tjansteguiden = new TjansteguidenAdminClient(this.transport);
		this.onapi = new OnApiAdminClient(this.transport);
	}

	state(): Promise<SandboxState> {
		return this.transport.call('GET', '/__admin/state');
	}

	async reset(options: { keepClock?: boolean } = {}): Promise<void> {
		await this.transport.call('POST', '/__admin/reset', options);
	}

	clock(): Promise<ClockState> {
		return this.transport.call('GET', '/__admin/clock');
	}

	advanceClock(ms: number): Promise<ClockState> {
		return this.transport.call('POST', '/__admin/clock', { advanceMs: ms });
	}

	setClock(instant: Date | string): Promise<ClockState> {
		return this.transport.call('POST', '/__admin/clock', { set: instant instanceof Date ? instant.toISOString() : instant });
	}

	latency(): Promise<Record<string, number>> {
		return this.transport.call('GET', '/__admin/latency');
	}

	setLatency(simulator: string, ms: number): Promise<Record<string, number>> {
		return this.transport.call('POST', '/__admin/latency', { simulator, ms });
	}

	async addFault(rule: FaultRuleInput): Promise<FaultRule> {
		const [created] = await this.addFaults([rule]);
		return created as FaultRule;
	}

	async addFaults(rules: FaultRuleInput[]): Promise<FaultRule[]> {
		return (await this.transport.call<{ rules: FaultRule[] }>('POST', '/__admin/faults', rules)).rules;
	}

	async faults(): Promise<FaultRule[]> {
		return (await this.transport.call<{ rules: FaultRule[] }>('GET', '/__admin/faults')).rules;
	}

	async clearFaults(): Promise<void> {
		await this.transport.call('DELETE', '/__admin/faults');
	}

	async removeFault(id: string): Promise<void> {
		await this.transport.call('DELETE', `/__admin/faults/${encodeURIComponent(id)}`);
	}

	requests(query: RequestLogQuery = {}): Promise<RequestLogPage> {
		return this.transport.call('GET', '/__admin/requests', undefined, { ...query });
	}

	counters(): Promise<RequestCounters> {
		return this.transport.call('GET', '/__admin/counters');
	}
}

export type {
	BulkOrderInput,
	CustomerInput,
	CustomerView,
	FaultRule,
	FaultRuleInput,
	HashView,
	LogEntryView,
	OrderInput,
	OrderView,
	RequestCounters,
	RequestLogPage,
	RequestLogQuery,
	TjansteguidenSnapshot,
};
