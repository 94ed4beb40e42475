/**
 * Tjänsteguiden as a sandbox Simulator, with its two faces on one state:
 * - "Orders 1.0" for service providers: `GET /plain/serviceguide_log?method=...&hash=...`;
 * - the network operators' API: `GET /admin/edit/services/plain/orders?method=...&api_user=...`
 *   (api_user plus an allow-list of client addresses); the two differ only in a CallerSide (sides.ts).
 * Both always answer HTTP 200 with an XML envelope, like the real API.
 */
import type { AdminPageSection, AppliedFault, Clock, RequestClass, SandboxRequest, SandboxResponse, Simulator } from '../types';
import { handleTjansteguidenAdmin } from './admin';
import { tjansteguidenAdminPage } from './adminPage';
import { orderView } from './adminViews';
import { defaultConfig, patchConfig, publicConfig, type TgConfigPatch } from './config';
import { documentedFailure, failure, type TgReply } from './envelope';
import { callMethod, countListedOrders, isKnownMethod, type CallerSide, type TgCall } from './methods';
import { ORDER_STATUSES, type OrderStatus, type TgConfig } from './model';
import { isOperatorPath, isServiceProviderPath } from './paths';
import { INVALID_HASH_MESSAGE, LOGIN_METHOD, operatorSide, serviceProviderSide, sessionOf } from './sides';
import { TjansteguidenState } from './state';
import type { LiveTjansteguidenWorld, TjansteguidenSnapshot, TjansteguidenWorld } from './worldTypes';
import { renderXmlDocument } from './xml';

export const TJANSTEGUIDEN_NAME = 'tjansteguiden';

/**
 * documentedError: this one error in the vendor's documented style (HTTP 400, `failed`) with the
 * rule's message, whatever the configured errorStyle; latin1: the answer in ISO-8859-1 (declared
 * so); numericReferences: every non-ASCII character as `&#NNN;`.
 * malformedXml: the answer is cut off mid-document; expiredHash (service-provider side only): the next
 * call with a valid hash is refused as if the hash had expired, and the hash stays dead; errorEnvelope: an error envelope
 * with the rule's message; duplicateListing: `orders` lists one order twice.
 */
export const TJANSTEGUIDEN_FAULT_KINDS = [
	'malformedXml',
	'expiredHash',
	'errorEnvelope',
	'duplicateListing',
	'documentedError',
	'latin1',
	'numericReferences',
] as const;

const DEFAULT_FAULT_MESSAGE = 'Internal error, please try again later';

export interface TjansteguidenSimulatorOptions {
	clock: Clock;
	/** Applied over the defaults, at start and on every reset. */
	config?: TgConfigPatch;
	/** Fills the world at start and on every reset (e.g. seedDemoWorld). */
	seed?: (world: TjansteguidenWorld) => void;
}

export class TjansteguidenSimulator implements Simulator, LiveTjansteguidenWorld {
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
		const call = this.call(request);
		const side = sideOf(request);
		switch (kind) {
			case 'malformedXml':
			case 'errorEnvelope':
			case 'documentedError':
			case 'latin1':
			case 'numericReferences':
				return true;
			// There is no hash on the operator side, so expiredHash never applies there.
			case 'expiredHash':
				return side === serviceProviderSide && call.method !== LOGIN_METHOD && isKnownMethod(side, call.method) && sessionOf(call) !== undefined;
			case 'duplicateListing':
				return call.method === 'orders' && countListedOrders(call, side) > 0;
			default:
				return false;
		}
	}

	/** Both faces answer HTTP 200 with an XML envelope, errors included, like the real API. */
	handle(request: SandboxRequest): SandboxResponse {
		const reply = this.reply(request);
		const kind = request.fault?.kind;
		const documented = reply.outcome === 'error' && (kind === 'documentedError' || this.currentConfig.errorStyle === 'documented');
		const { root, httpStatus } = documented ? documentedFailure(reply) : { root: reply.root, httpStatus: 200 };
		const charset = kind === 'latin1' ? 'ISO-8859-1' : kind === 'numericReferences' ? 'ASCII-references' : 'UTF-8';
		let body = renderXmlDocument(root, charset);
		let outcome = outcomeOf(reply);
		if (kind === 'malformedXml') {
			body = cutOff(body);
			outcome = 'malformed';
		}
		return {
			status: httpStatus,
			headers: { 'Content-Type': charset === 'ISO-8859-1' ? 'application/xml; charset=ISO-8859-1' : 'application/xml' },
			body,
			outcome,
			...(charset === 'ISO-8859-1' ? { encoding: 'latin1' as const } : {}),
		};
	}

	handleAdmin(request: SandboxRequest, subPath: string): SandboxResponse | undefined {
		return handleTjansteguidenAdmin(this, request, subPath);
	}

	adminPage(query: URLSearchParams): AdminPageSection[] {
		return tjansteguidenAdminPage(this, query);
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

	private call(request: SandboxRequest): TgCall {
		return {
			method: callParameters(request).get('method') ?? '',
			params: callParameters(request),
			remoteAddress: request.remoteAddress,
			nowMs: this.nowMs(),
			state: this.state,
			config: this.currentConfig,
			...(request.fault === undefined ? {} : { fault: request.fault }),
		};
	}

	private reply(request: SandboxRequest): TgReply {
		const call = this.call(request);
		const fault: AppliedFault | undefined = request.fault;
		if (call.method.trim() === '') return failure(null, 'Missing parameter: method');
		// The node asks for XML; the operator API's undocumented JSON is not simulated.
		const format = call.params.get('output_format');
		if (isOperatorPath(request.path) && format !== null && format !== 'xml') return failure(call.method, `Invalid output_format: ${format}`);
		if (fault?.kind === 'errorEnvelope' || fault?.kind === 'documentedError') return failure(call.method, fault.message ?? DEFAULT_FAULT_MESSAGE);
		if (fault?.kind === 'expiredHash') {
			const session = sessionOf(call);
			if (session !== undefined) this.state.invalidateHash(session, call.nowMs);
			return failure(call.method, INVALID_HASH_MESSAGE);
		}
		return callMethod(call, sideOf(request));
	}
}

export function createTjansteguidenSimulator(options: TjansteguidenSimulatorOptions): TjansteguidenSimulator {
	return new TjansteguidenSimulator(options);
}

function sideOf(request: SandboxRequest): CallerSide<unknown> {
	return (isOperatorPath(request.path) ? operatorSide : serviceProviderSide) as CallerSide<unknown>;
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
