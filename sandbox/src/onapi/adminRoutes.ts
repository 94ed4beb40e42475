/**
 * `/__admin/onapi/...` routes (JSON), thin HTTP wrappers around the simulator's typed admin helpers:
 *
 *   GET  state[?coId=]            orders with history, subscriptions, create-call counts per access
 *   GET  config[?coId=]           behaviour per operator
 *   POST config                   {coId, ...patch}  (or POST config/{coId} with the patch)
 *   POST accesses                 {coId, accesses: [...]}  (or POST accesses/{coId} with {accesses} or an array)
 *   POST subscriptions            {coId, accessId, service, spId, ...}
 *   POST reset                    back to the seeded world
 *
 * Bad input is an AdminError (adminJson.ts), answered as `{error}` JSON with its status.
 */
import { AdminError, adminErrorAnswer, jsonResponse, readJsonBody } from '../adminJson';
import type { SandboxRequest, SandboxResponse } from '../types';
import type { AccessUpsert } from './accessUpsert';
import type { OnApiAdminState } from './adminState';
import type { OperatorBehaviourPatch } from './behaviourPatch';
import { isObject } from './isObject';
import type { AccessRecord, OperatorBehaviour, SubscriptionRecord, SubscriptionSeed } from './types';

/** The simulator's typed admin operations, as these routes use them. */
export interface OnApiAdminOperations {
	/** Changes delays, failing/slow accesses, refused versions, unsupportedFields ...; returns the result. */
	configure(coId: string, patch: OperatorBehaviourPatch): OperatorBehaviour;
	/** Adds or modifies accesses (partial fields merge into existing ones) and bumps their Last-Modified. */
	upsertAccesses(coId: string, accesses: AccessUpsert[]): AccessRecord[];
	/** Creates a subscription directly, e.g. another SP's service on an access. */
	addSubscription(coId: string, seed: SubscriptionSeed): SubscriptionRecord;
	/** Orders with history, subscriptions, create-call counts ...; one operator or all. */
	state(coId?: string): OnApiAdminState;
	reset(): void;
}

const ADMIN_PREFIX = '__admin/onapi';

function normalise(subPath: string): string[] {
	let path = subPath.replace(/^\/+|\/+$/g, '');
	if (path.startsWith(ADMIN_PREFIX)) path = path.slice(ADMIN_PREFIX.length).replace(/^\/+/, '');
	return path === '' ? [] : path.split('/').map((part) => decodeURIComponent(part));
}

/** Splits `{coId, ...rest}` (coId from the path wins). */
function withOperator(body: unknown, pathCoId: string | undefined, route: string): { coId: string; rest: unknown } {
	if (pathCoId) return { coId: pathCoId, rest: body };
	if (!isObject(body) || typeof body.coId !== 'string') throw new AdminError(`body needs coId (or use ${route}/{coId})`);
	const { coId, ...rest } = body;
	return { coId, rest };
}

function onlyVerbs(method: string, allowed: string[]): void {
	if (!allowed.includes(method)) throw new AdminError(`use ${allowed.join(' or ')}`, 405);
}

export function handleOnApiAdmin(simulator: OnApiAdminOperations, request: SandboxRequest, subPath: string): SandboxResponse | undefined {
	try {
		return route(simulator, request, subPath);
	} catch (error) {
		const answer = adminErrorAnswer(error);
		if (answer !== undefined) return answer;
		throw error;
	}
}

function route(simulator: OnApiAdminOperations, request: SandboxRequest, subPath: string): SandboxResponse | undefined {
	let segments: string[];
	try {
		segments = normalise(subPath);
	} catch {
		return undefined;
	}
	const [resource = 'state', pathCoId, ...rest] = segments;
	if (rest.length > 0) return undefined;
	const method = request.method.toUpperCase();
	const coId = pathCoId ?? request.query.get('coId') ?? undefined;
	switch (resource) {
		case 'state':
			onlyVerbs(method, ['GET']);
			return jsonResponse(200, simulator.state(coId));
		case 'config': {
			onlyVerbs(method, ['GET', 'POST']);
			if (method === 'GET') {
				const operators = Object.entries(simulator.state(coId).operators);
				return jsonResponse(200, Object.fromEntries(operators.map(([id, operator]) => [id, operator.behaviour])));
			}
			const target = withOperator(readJsonBody(request), pathCoId, resource);
			return jsonResponse(200, { coId: target.coId, behaviour: simulator.configure(target.coId, target.rest as OperatorBehaviourPatch) });
		}
		case 'accesses': {
			onlyVerbs(method, ['POST']);
			const body = readJsonBody(request);
			const target = isObject(body) ? withOperator(body, pathCoId, resource).coId : pathCoId;
			if (!target) throw new AdminError('body needs coId (or use accesses/{coId})');
			const accesses = isObject(body) ? body.accesses : body;
			if (!Array.isArray(accesses)) throw new AdminError('body needs accesses: [...]');
			return jsonResponse(200, { coId: target, accesses: simulator.upsertAccesses(target, accesses as AccessUpsert[]) });
		}
		case 'subscriptions': {
			onlyVerbs(method, ['POST']);
			const target = withOperator(readJsonBody(request), pathCoId, resource);
			return jsonResponse(201, { coId: target.coId, subscription: simulator.addSubscription(target.coId, target.rest as SubscriptionSeed) });
		}
		case 'reset':
			onlyVerbs(method, ['POST']);
			simulator.reset();
			return jsonResponse(200, { reset: true });
		default:
			return undefined;
	}
}
