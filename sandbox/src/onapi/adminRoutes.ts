/**
 * `/__admin/onapi/...` routes (JSON), thin HTTP wrappers around the simulator's typed admin helpers:
 *
 *   GET  state[?coId=]            orders with history, subscriptions, create-call counts per access
 *   GET  config[?coId=]           behaviour per operator
 *   POST config                   {coId, ...patch}  (or POST config/{coId} with the patch)
 *   POST accesses                 {coId, accesses: [...]}  (or POST accesses/{coId} with {accesses} or an array)
 *   POST subscriptions            {coId, accessId, service, spId, ...}
 *   POST reset                    back to the seeded world
 */
import type { SandboxRequest, SandboxResponse } from '../types';
import type { AccessUpsert } from './accessUpsert';
import type { OperatorBehaviourPatch } from './behaviourPatch';
import { jsonResponse } from './httpResponses';
import { isObject } from './isObject';
import type { OnApiSimulator } from './onApiSimulator';
import type { SubscriptionSeed } from './types';

const ADMIN_PREFIX = '__admin/onapi';

function adminError(status: number, message: string): SandboxResponse {
	return jsonResponse(status, { error: message });
}

function normalise(subPath: string): string[] {
	let path = subPath.replace(/^\/+|\/+$/g, '');
	if (path.startsWith(ADMIN_PREFIX)) path = path.slice(ADMIN_PREFIX.length).replace(/^\/+/, '');
	return path === '' ? [] : path.split('/').map((part) => decodeURIComponent(part));
}

function readBody(request: SandboxRequest): { ok: true; value: unknown } | { ok: false } {
	if (request.body.trim() === '') return { ok: true, value: {} };
	try {
		return { ok: true, value: JSON.parse(request.body) as unknown };
	} catch {
		return { ok: false };
	}
}

/** Splits `{coId, ...rest}` (coId from the path wins). */
function withOperator(body: unknown, pathCoId: string | undefined): { coId: string; rest: unknown } | undefined {
	if (pathCoId) return { coId: pathCoId, rest: body };
	if (!isObject(body) || typeof body.coId !== 'string') return undefined;
	const { coId, ...rest } = body;
	return { coId, rest };
}

export function handleOnApiAdmin(simulator: OnApiSimulator, request: SandboxRequest, subPath: string): SandboxResponse | undefined {
	let segments: string[];
	try {
		segments = normalise(subPath);
	} catch {
		return undefined;
	}
	const [route, pathCoId, ...rest] = segments;
	if (rest.length > 0) return undefined;
	const method = request.method.toUpperCase();
	const queryCoId = request.query.get('coId') ?? undefined;
	try {
		switch (route ?? 'state') {
			case 'state':
				if (method !== 'GET') return adminError(405, 'use GET');
				return jsonResponse(200, simulator.state(pathCoId ?? queryCoId));
			case 'config':
				if (method === 'GET') {
					const state = simulator.state(pathCoId ?? queryCoId);
					const configs = Object.fromEntries(Object.entries(state.operators).map(([coId, operator]) => [coId, operator.behaviour]));
					return jsonResponse(200, configs);
				}
				if (method === 'POST') return postConfig(simulator, request, pathCoId);
				return adminError(405, 'use GET or POST');
			case 'accesses':
				if (method !== 'POST') return adminError(405, 'use POST');
				return postAccesses(simulator, request, pathCoId);
			case 'subscriptions':
				if (method !== 'POST') return adminError(405, 'use POST');
				return postSubscription(simulator, request, pathCoId);
			case 'reset':
				if (method !== 'POST') return adminError(405, 'use POST');
				simulator.reset();
				return jsonResponse(200, { reset: true });
			default:
				return undefined;
		}
	} catch (error) {
		if (error instanceof Error && error.name === 'OnApiAdminError') {
			return adminError((error as Error & { status?: number }).status ?? 400, error.message);
		}
		throw error;
	}
}

function postConfig(simulator: OnApiSimulator, request: SandboxRequest, pathCoId: string | undefined): SandboxResponse {
	const body = readBody(request);
	if (!body.ok) return adminError(400, 'body is not valid JSON');
	const target = withOperator(body.value, pathCoId);
	if (!target) return adminError(400, 'body needs coId (or use config/{coId})');
	const behaviour = simulator.configure(target.coId, target.rest as OperatorBehaviourPatch);
	return jsonResponse(200, { coId: target.coId, behaviour });
}

function postAccesses(simulator: OnApiSimulator, request: SandboxRequest, pathCoId: string | undefined): SandboxResponse {
	const body = readBody(request);
	if (!body.ok) return adminError(400, 'body is not valid JSON');
	const value = body.value;
	let coId = pathCoId;
	let accesses: unknown = value;
	if (isObject(value)) {
		coId = pathCoId ?? (typeof value.coId === 'string' ? value.coId : undefined);
		accesses = value.accesses;
	}
	if (!coId) return adminError(400, 'body needs coId (or use accesses/{coId})');
	if (!Array.isArray(accesses)) return adminError(400, 'body needs accesses: [...]');
	const stored = simulator.upsertAccesses(coId, accesses as AccessUpsert[]);
	return jsonResponse(200, { coId, accesses: stored });
}

function postSubscription(simulator: OnApiSimulator, request: SandboxRequest, pathCoId: string | undefined): SandboxResponse {
	const body = readBody(request);
	if (!body.ok) return adminError(400, 'body is not valid JSON');
	const target = withOperator(body.value, pathCoId);
	if (!target) return adminError(400, 'body needs coId (or use subscriptions/{coId})');
	const subscription = simulator.addSubscription(target.coId, target.rest as SubscriptionSeed);
	return jsonResponse(201, { coId: target.coId, subscription });
}
