/**
 * The ON-API operator simulator as a sandbox `Simulator`: one OperatorStore per configured operator,
 * the request router, and typed admin operations (also reachable over `/__admin/onapi/...`).
 */
import { AdminError } from '../adminJson';
import { demoOperators } from '../demo/onApiOperators';
import type { AdminPageSection, Clock, RequestClass, SandboxRequest, SandboxResponse, Simulator } from '../types';
import { mergeAccess, type AccessUpsert } from './accessUpsert';
import { onApiAdminPage } from './adminPage';
import { handleOnApiAdmin, type OnApiAdminOperations } from './adminRoutes';
import { operatorAdminState, type OnApiAdminState } from './adminState';
import { applyBehaviourPatch, BEHAVIOUR_KEYS, checkBehaviourPatch, type OperatorBehaviourPatch } from './behaviourPatch';
import { isoDateTime } from './httpResponses';
import { classifyOnApiRequest, routeOnApiRequest } from './onApiRouter';
import { OperatorStore } from './operatorStore';
import { isOnApiPath, parseOnApiPath } from './routePath';
import type { AccessRecord, CreateCallCounts, OperatorBehaviour, OperatorConfig, ServiceOffer, SubscriptionRecord, SubscriptionSeed } from './types';

export interface OnApiSimulatorOptions {
	clock: Clock;
	/** Operators to simulate; the demo world (SNDEMO, FIBNORR) when omitted. */
	operators?: OperatorConfig[];
}

export interface OnApiSimulator extends Simulator, OnApiAdminOperations {
	readonly name: 'onapi';
	/** coIds of the simulated operators. */
	operatorIds(): string[];
	createCallCounts(coId: string): Record<string, CreateCallCounts>;
}

function copyConfig(config: OperatorConfig): OperatorConfig {
	return JSON.parse(JSON.stringify(config)) as OperatorConfig;
}

/** foreignEndpoints: the endpoint list names another origin (rule `location`, default http://other-host.invalid). */
export const ONAPI_FAULT_KINDS = ['foreignEndpoints'] as const;

class OnApiSimulatorImpl implements OnApiSimulator {
	readonly name = 'onapi' as const;
	readonly faultKinds: readonly string[] = ONAPI_FAULT_KINDS;
	private readonly clock: Clock;
	private readonly configs: OperatorConfig[];
	private stores = new Map<string, OperatorStore>();

	constructor(options: OnApiSimulatorOptions) {
		this.clock = options.clock;
		this.configs = (options.operators ?? demoOperators()).map(copyConfig);
		const ids = new Set<string>();
		for (const config of this.configs) {
			if (ids.has(config.coId)) throw new Error(`Duplicate ON-API operator coId '${config.coId}'`);
			ids.add(config.coId);
			const problem = checkBehaviourPatch(behaviourOf(config));
			if (problem) throw new Error(`Operator '${config.coId}': ${problem}`);
		}
		this.reset();
	}

	private now(): number {
		return this.clock.now().getTime();
	}

	matches(path: string): boolean {
		return isOnApiPath(path);
	}

	handle(request: SandboxRequest): SandboxResponse {
		return routeOnApiRequest(request, this.stores, this.now());
	}

	faultApplies(kind: string, request: SandboxRequest): boolean {
		const route = parseOnApiPath(request.path);
		return kind === 'foreignEndpoints' && request.method === 'GET' && route?.variant === 'versioned' && route.segments.length === 0;
	}

	classify(request: SandboxRequest): RequestClass {
		return classifyOnApiRequest(request);
	}

	handleAdmin(request: SandboxRequest, subPath: string): SandboxResponse | undefined {
		return handleOnApiAdmin(this, request, subPath);
	}

	adminPage(query: URLSearchParams): AdminPageSection[] {
		return onApiAdminPage(this.state(), query);
	}

	reset(): void {
		// Seeded changes are dated a day back so a fresh client's first delta already has a past Last-Modified.
		const seededAt = Math.floor((this.now() - 24 * 60 * 60 * 1000) / 1000) * 1000;
		this.stores = new Map(this.configs.map((config) => [config.coId, new OperatorStore(copyConfig(config), seededAt)]));
	}

	snapshot(): OnApiAdminState {
		return this.state();
	}

	operatorIds(): string[] {
		return [...this.stores.keys()];
	}

	/** The store, settled up to now so admin reads and changes see the current order states. */
	private settledStore(coId: string): OperatorStore {
		const store = this.stores.get(coId);
		if (!store) throw new AdminError(`Unknown operator (coId): '${coId}'`, 404);
		store.settle(this.now());
		return store;
	}

	configure(coId: string, patch: OperatorBehaviourPatch): OperatorBehaviour {
		const store = this.settledStore(coId);
		const problem = checkBehaviourPatch(patch);
		if (problem) throw new AdminError(problem);
		applyBehaviourPatch(store.behaviour, patch);
		store.recomputeNextDue();
		store.settle(this.now());
		return JSON.parse(JSON.stringify(store.behaviour)) as OperatorBehaviour;
	}

	upsertAccesses(coId: string, accesses: AccessUpsert[]): AccessRecord[] {
		const store = this.settledStore(coId);
		if (!Array.isArray(accesses)) throw new AdminError('accesses must be an array');
		const merged = accesses.map((value) => {
			const accessId = (value as { accessId?: unknown } | null)?.accessId;
			const existing = typeof accessId === 'string' ? store.access(accessId) : undefined;
			const result = mergeAccess(existing, value, () => this.standardOffers(coId));
			if (!result.ok) throw new AdminError(result.cause);
			return result.access;
		});
		const at = store.stampNotBefore(this.now());
		return merged.map((seed) => JSON.parse(JSON.stringify(store.putAccess(seed, at))) as AccessRecord);
	}

	/** Services given to a new access: those of the operator's first seeded access. */
	private standardOffers(coId: string): ServiceOffer[] {
		const first = this.configs.find((config) => config.coId === coId)?.accesses[0];
		return (first?.services ?? []).map((offer) => JSON.parse(JSON.stringify(offer)) as ServiceOffer);
	}

	addSubscription(coId: string, seed: SubscriptionSeed): SubscriptionRecord {
		const store = this.settledStore(coId);
		if (seed === null || typeof seed !== 'object') throw new AdminError('subscription must be an object');
		for (const key of ['accessId', 'service', 'spId'] as const) {
			if (typeof seed[key] !== 'string' || seed[key] === '') throw new AdminError(`subscription needs ${key}`);
		}
		const access = store.access(seed.accessId);
		if (!access) throw new AdminError(`Unknown accessId: '${seed.accessId}'`, 404);
		if (!access.services.some((offer) => offer.service === seed.service)) {
			throw new AdminError(`Service '${seed.service}' is not offered on access '${seed.accessId}'`);
		}
		if (seed.subscriptionId !== undefined && store.subscription(seed.subscriptionId)) {
			throw new AdminError(`subscriptionId '${seed.subscriptionId}' already exists`, 409);
		}
		if (seed.operationalState !== undefined && seed.operationalState !== 'ACTIVATED' && seed.operationalState !== 'SUSPENDED') {
			throw new AdminError('operationalState must be ACTIVATED or SUSPENDED');
		}
		const subscription = store.seedSubscription(
			{ ...seed, subscriptionId: seed.subscriptionId ?? store.newSubscriptionId() },
			store.stampNotBefore(this.now()),
		);
		return { ...subscription };
	}

	state(coId?: string): OnApiAdminState {
		const ids = coId === undefined ? this.operatorIds() : [coId];
		const operators: OnApiAdminState['operators'] = {};
		for (const id of ids) operators[id] = operatorAdminState(this.settledStore(id));
		return { now: isoDateTime(this.now()), operators };
	}

	createCallCounts(coId: string): Record<string, CreateCallCounts> {
		return this.settledStore(coId).createCallCounts();
	}
}

function behaviourOf(config: OperatorConfig): OperatorBehaviourPatch {
	const patch: Record<string, unknown> = {};
	for (const key of BEHAVIOUR_KEYS) {
		if (config[key] !== undefined) patch[key] = config[key];
	}
	return patch as OperatorBehaviourPatch;
}

export function createOnApiSimulator(options: OnApiSimulatorOptions): OnApiSimulator {
	return new OnApiSimulatorImpl(options);
}
