/**
 * Tjänsteguiden as a sandbox Simulator, with its two faces on one state:
 * - "Orders 1.0" for service providers: `GET /plain/serviceguide_log?method=...&hash=...`;
 * - the network operators' API: `GET /admin/edit/services/plain/orders?method=...&api_user=...`
 *   (api_user plus an allow-list of client addresses, see operatorMethods.ts).
 * Both always answer HTTP 200 with an XML envelope, like the real API.
 */
import type { AppliedFault, Clock, RequestClass, SandboxRequest, SandboxResponse, Simulator } from '../types';
import { handleTjansteguidenAdmin } from './admin';
import { orderView, type OrderView } from './adminViews';
import { defaultConfig, patchConfig, publicConfig, type TgConfigPatch } from './config';
import { failure, type TgReply } from './envelope';
import { isOutputFormat, renderJsonDocument } from './jsonOutput';
import { callMethod, countListedOrders, INVALID_HASH_MESSAGE, isKnownMethod, LOGIN_METHOD, sessionOf } from './methods';
import { ORDER_STATUSES, type OrderStatus, type TgConfig } from './model';
import { callOperatorMethod, countListedOperatorOrders, OPERATOR_PATH, type OperatorCall } from './operatorMethods';
import { TjansteguidenState } from './state';
import { renderXmlDocument } from './xml';

export const TJANSTEGUIDEN_NAME = 'tjansteguiden';
export const TJANSTEGUIDEN_PATH = '/plain/serviceguide_log';

/**
 * malformedXml: the answer is cut off mid-document; expiredHash (service-provider side only): the next
 * call with a valid hash is refused as if the hash had expired, and the hash stays dead; errorEnvelope: an error envelope
 * with the rule's message; duplicateListing: `orders` lists one order twice.
 */
export const TJANSTEGUIDEN_FAULT_KINDS = ['malformedXml', 'expiredHash', 'errorEnvelope', 'duplicateListing'] as const;

const DEFAULT_FAULT_MESSAGE = 'Internal error, please try again later';

/** What a seed function gets to build the world with (see seed.ts). */
export interface TjansteguidenWorld {
	readonly state: TjansteguidenState;
	readonly config: TgConfig;
	readonly nowMs: number;
}

export interface TjansteguidenSimulatorOptions {
	clock: Clock;
	/** Applied over the defaults, at start and on every reset. */
	config?: TgConfigPatch;
	/** Fills the world at start and on every reset (e.g. seedDemoWorld). */
	seed?: (world: TjansteguidenWorld) => void;
}

export interface TjansteguidenSnapshot {
	config: ReturnType<typeof publicConfig>;
	orders: { total: number; arrived: number; scheduled: number; byStatus: Record<OrderStatus, number> };
	customers: number;
	hashes: { issued: number; valid: number };
	/** The ten most recently created orders that have arrived. */
	latestOrders: OrderView[];
}

export class TjansteguidenSimulator implements Simulator {
	readonly name = TJANSTEGUIDEN_NAME;
	readonly faultKinds: readonly string[] = TJANSTEGUIDEN_FAULT_KINDS;
	readonly state = new TjansteguidenState();
	readonly clock: Clock;
	private currentConfig: TgConfig;
	private readonly initialConfig: TgConfig;

	constructor(private readonly options: TjansteguidenSimulatorOptions) {
		this.clock = options.clock;
		this.initialConfig = patchConfig(defaultConfig(), { ...(options.config ?? {}) });
		this.currentConfig = structuredClone(this.initialConfig);
		this.reset();
	}

	get config(): TgConfig {
		return this.currentConfig;
	}

	/** Changes configuration until the next reset; throws AdminError on invalid fields. */
	updateConfig(patch: Record<string, unknown>): TgConfig {
		this.currentConfig = patchConfig(this.currentConfig, patch);
		return this.currentConfig;
	}

	nowMs(): number {
		return this.clock.now().getTime();
	}

	matches(path: string): boolean {
		return isServiceProviderPath(path) || isOperatorPath(path);
	}

	classify(request: SandboxRequest): RequestClass {
		const method = callParameters(request).get('method');
		return { operation: method === null || method === '' ? '(no method)' : method, login: method === LOGIN_METHOD };
	}

	faultApplies(kind: string, request: SandboxRequest): boolean {
		const params = callParameters(request);
		const method = params.get('method');
		if (isOperatorPath(request.path)) return this.operatorFaultApplies(kind, this.operatorCall(method ?? '', params, request));
		const call = { params, nowMs: this.nowMs(), state: this.state };
		switch (kind) {
			case 'malformedXml':
			case 'errorEnvelope':
				return true;
			case 'expiredHash':
				return method !== null && method !== LOGIN_METHOD && isKnownMethod(method) && sessionOf(call) !== undefined;
			case 'duplicateListing':
				return method === 'orders' && countListedOrders(call) > 0;
			default:
				return false;
		}
	}

	handle(request: SandboxRequest): SandboxResponse {
		const params = callParameters(request);
		const method = params.get('method');
		if (isOperatorPath(request.path)) return this.handleOperator(method, params, request);
		const reply = this.reply(method, params, request.fault);
		let body = renderXmlDocument(reply.root);
		let outcome = outcomeOf(reply);
		if (request.fault?.kind === 'malformedXml') {
			body = cutOff(body);
			outcome = 'malformed';
		}
		return { status: 200, headers: { 'Content-Type': 'application/xml' }, body, outcome };
	}

	handleAdmin(request: SandboxRequest, subPath: string): SandboxResponse | undefined {
		return handleTjansteguidenAdmin(this, request, subPath);
	}

	reset(): void {
		this.state.clear();
		this.currentConfig = structuredClone(this.initialConfig);
		this.options.seed?.({ state: this.state, config: this.currentConfig, nowMs: this.nowMs() });
	}

	snapshot(): TjansteguidenSnapshot {
		const nowMs = this.nowMs();
		const byStatus = Object.fromEntries(ORDER_STATUSES.map((status) => [status, 0])) as Record<OrderStatus, number>;
		const orders = this.state.allOrders();
		let arrived = 0;
		for (const order of orders) {
			if (order.createdAtMs > nowMs) break;
			arrived += 1;
			byStatus[order.status] += 1;
		}
		return {
			config: publicConfig(this.currentConfig),
			orders: { total: orders.length, arrived, scheduled: orders.length - arrived, byStatus },
			customers: this.state.customerCount,
			hashes: {
				issued: this.state.issuedHashes().length,
				valid: this.state.issuedHashes().filter((issued) => this.state.validHash(issued.hash, nowMs) !== undefined).length,
			},
			latestOrders: orders
				.slice(Math.max(0, arrived - 10), arrived)
				.reverse()
				.map((order) => orderView(order, this.currentConfig, nowMs, false)),
		};
	}

	/** The operator API, optionally with `output_format=json` (spec §2). */
	private handleOperator(method: string | null, params: URLSearchParams, request: SandboxRequest): SandboxResponse {
		const format = params.get('output_format') ?? 'xml';
		let reply: TgReply;
		if (method === null || method.trim() === '') reply = failure(null, 'Missing parameter: method');
		else if (!isOutputFormat(format)) reply = failure(method, `Invalid output_format: ${format}`);
		else if (request.fault?.kind === 'errorEnvelope') reply = failure(method, request.fault.message ?? DEFAULT_FAULT_MESSAGE);
		else reply = callOperatorMethod(this.operatorCall(method, params, request));
		const json = format === 'json';
		let body = json ? renderJsonDocument(reply.root) : renderXmlDocument(reply.root);
		let outcome = outcomeOf(reply);
		if (request.fault?.kind === 'malformedXml') {
			body = cutOff(body);
			outcome = 'malformed';
		}
		return { status: 200, headers: { 'Content-Type': json ? 'application/json' : 'application/xml' }, body, outcome };
	}

	private operatorCall(method: string, params: URLSearchParams, request: SandboxRequest): OperatorCall {
		return {
			method,
			params,
			remoteAddress: request.remoteAddress,
			nowMs: this.nowMs(),
			state: this.state,
			config: this.currentConfig,
			...(request.fault === undefined ? {} : { fault: request.fault }),
		};
	}

	/** There is no hash on the operator side, so expiredHash never applies there. */
	private operatorFaultApplies(kind: string, call: OperatorCall): boolean {
		switch (kind) {
			case 'malformedXml':
			case 'errorEnvelope':
				return true;
			case 'duplicateListing':
				return call.method === 'orders' && countListedOperatorOrders(call) > 0;
			default:
				return false;
		}
	}

	private reply(method: string | null, params: URLSearchParams, fault: AppliedFault | undefined): TgReply {
		if (method === null || method.trim() === '') return failure(null, 'Missing parameter: method');
		const nowMs = this.nowMs();
		if (fault?.kind === 'errorEnvelope') return failure(method, fault.message ?? DEFAULT_FAULT_MESSAGE);
		if (fault?.kind === 'expiredHash') {
			const session = sessionOf({ params, nowMs, state: this.state });
			if (session !== undefined) this.state.invalidateHash(session, nowMs);
			return failure(method, INVALID_HASH_MESSAGE);
		}
		return callMethod({ method, params, nowMs, state: this.state, config: this.currentConfig, fault });
	}
}

export function createTjansteguidenSimulator(options: TjansteguidenSimulatorOptions): TjansteguidenSimulator {
	return new TjansteguidenSimulator(options);
}

function isServiceProviderPath(path: string): boolean {
	return path === TJANSTEGUIDEN_PATH || path === `${TJANSTEGUIDEN_PATH}/`;
}

function isOperatorPath(path: string): boolean {
	return path === OPERATOR_PATH || path === `${OPERATOR_PATH}/`;
}

/** Query parameters, plus a form-encoded body: PHP-style endpoints read both. */
function callParameters(request: SandboxRequest): URLSearchParams {
	const contentType = String(request.headers['content-type'] ?? '');
	if (request.body === '' || !contentType.includes('application/x-www-form-urlencoded')) return request.query;
	const merged = new URLSearchParams(request.query);
	for (const [name, value] of new URLSearchParams(request.body)) merged.append(name, value);
	return merged;
}

/** A bounded set of outcome names for the counters: ids and echoed input are dropped from messages. */
function outcomeOf(reply: TgReply): string {
	if (reply.outcome === 'success') return 'success';
	const message = (reply.message ?? '').replace(/:.*$/, '').replace(/\d+/g, 'N');
	return `error: ${message}`;
}

/** Cuts the document off inside the root element, as a dropped connection behind a proxy would. */
function cutOff(body: string): string {
	return body.slice(0, Math.floor(body.length * 0.6));
}
