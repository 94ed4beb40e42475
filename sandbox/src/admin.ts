/** The core's admin JSON API under /__admin; simulator routes are delegated to Simulator.handleAdmin. */
import { AdminError, adminErrorAnswer, integerParameter, jsonResponse, readJsonBody, readJsonObject } from './adminJson';
import { renderAdminPage } from './adminPage';
import type { SandboxClock } from './clock';
import { FaultRuleError, type FaultRules } from './faults';
import type { LatencySettings } from './latency';
import type { RequestLog } from './requestLog';
import type { SandboxRequest, SandboxResponse, Simulator } from './types';

export const ADMIN_PREFIX = '/__admin';

export interface AdminContext {
	clock: SandboxClock;
	faults: FaultRules;
	requestLog: RequestLog;
	latency: LatencySettings;
	simulators: readonly Simulator[];
	reset(options: { keepClock: boolean }): void;
	heldRequestCount(): number;
}

const ROUTES = [
	'GET    /__admin  (HTML page for people; ?status=&co=&state=&limit=)',
	'GET    /__admin/routes',
	'GET    /__admin/state',
	'POST   /__admin/reset {keepClock?}',
	'GET    /__admin/clock',
	'POST   /__admin/clock {advanceMs} | {set: ISO}',
	'GET    /__admin/latency',
	'POST   /__admin/latency {simulator, ms}',
	'GET    /__admin/faults',
	'POST   /__admin/faults rule | [rules] | {rules}',
	'DELETE /__admin/faults',
	'DELETE /__admin/faults/<id>',
	'GET    /__admin/requests ?simulator=&operation=&since=<seq|ISO>&limit=',
	'GET    /__admin/counters',
	'*      /__admin/<simulator>/...',
];

export function isAdminPath(path: string): boolean {
	return path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`);
}

export async function handleAdminRequest(request: SandboxRequest, context: AdminContext): Promise<SandboxResponse> {
	try {
		const response = await route(request, context);
		return response ?? jsonResponse(404, { error: `No admin route for ${request.method} ${request.path}` });
	} catch (error) {
		const answer = adminErrorAnswer(error);
		if (answer !== undefined) return answer;
		if (error instanceof FaultRuleError || error instanceof RangeError) return jsonResponse(400, { error: error.message });
		throw error;
	}
}

async function route(request: SandboxRequest, context: AdminContext): Promise<SandboxResponse | undefined> {
	const subPath = trimSlashes(request.path.slice(ADMIN_PREFIX.length));
	const [head = '', ...rest] = subPath === '' ? [] : subPath.split('/');
	const verb = request.method;

	switch (head) {
		case '':
			if (verb !== 'GET') return undefined;
			return wantsJson(request) ? routes(context) : htmlResponse(renderAdminPage(context, request.query));
		case 'routes':
			return verb === 'GET' && rest.length === 0 ? routes(context) : undefined;
		case 'state':
			return verb === 'GET' && rest.length === 0 ? jsonResponse(200, state(context)) : undefined;
		case 'reset':
			if (verb !== 'POST' || rest.length > 0) return undefined;
			context.reset({ keepClock: readJsonObject(request).keepClock === true });
			return jsonResponse(200, { ok: true, clock: context.clock.toJSON() });
		case 'clock':
			if (rest.length > 0) return undefined;
			if (verb === 'GET') return jsonResponse(200, context.clock.toJSON());
			if (verb === 'POST') return jsonResponse(200, moveClock(request, context.clock));
			return undefined;
		case 'latency':
			if (rest.length > 0) return undefined;
			if (verb === 'GET') return jsonResponse(200, context.latency.toJSON());
			if (verb === 'POST') return jsonResponse(200, setLatency(request, context));
			return undefined;
		case 'faults':
			return faults(request, context.faults, rest);
		case 'requests':
			if (verb !== 'GET' || rest.length > 0) return undefined;
			return jsonResponse(200, requests(request, context.requestLog));
		case 'counters':
			return verb === 'GET' && rest.length === 0 ? jsonResponse(200, context.requestLog.counters()) : undefined;
		default: {
			const simulator = context.simulators.find((candidate) => candidate.name === head);
			if (simulator?.handleAdmin === undefined) return undefined;
			return simulator.handleAdmin(request, rest.join('/'));
		}
	}
}

function routes(context: AdminContext): SandboxResponse {
	return jsonResponse(200, { routes: ROUTES, simulators: context.simulators.map((simulator) => simulator.name) });
}

/** A client that asks for JSON and not for HTML (scripts did before the page existed) still gets the route list. */
function wantsJson(request: SandboxRequest): boolean {
	const accept = String(request.headers.accept ?? '');
	return accept.includes('application/json') && !accept.includes('text/html');
}

function htmlResponse(body: string): SandboxResponse {
	return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body };
}

function state(context: AdminContext): unknown {
	return {
		clock: context.clock.toJSON(),
		latency: context.latency.toJSON(),
		faults: context.faults.list(),
		counters: context.requestLog.counters(),
		heldRequests: context.heldRequestCount(),
		simulators: Object.fromEntries(context.simulators.map((simulator) => [simulator.name, simulator.snapshot()])),
	};
}

function moveClock(request: SandboxRequest, clock: SandboxClock): unknown {
	const body = readJsonObject(request);
	if (body.advanceMs !== undefined) {
		if (typeof body.advanceMs !== 'number' || !Number.isFinite(body.advanceMs)) throw new AdminError('advanceMs must be a number');
		clock.advance(body.advanceMs);
	} else if (body.set !== undefined) {
		const target = typeof body.set === 'string' || typeof body.set === 'number' ? new Date(body.set) : new Date(Number.NaN);
		if (Number.isNaN(target.getTime())) throw new AdminError('set must be an ISO 8601 date-time');
		clock.set(target);
	} else {
		throw new AdminError('Send {advanceMs} or {set}');
	}
	return clock.toJSON();
}

function setLatency(request: SandboxRequest, context: AdminContext): unknown {
	const body = readJsonObject(request);
	const simulator = body.simulator;
	if (typeof simulator !== 'string' || !context.simulators.some((candidate) => candidate.name === simulator)) {
		throw new AdminError(`simulator must be one of ${context.simulators.map((candidate) => candidate.name).join(', ')}`);
	}
	if (typeof body.ms !== 'number') throw new AdminError('ms must be a number');
	context.latency.set(simulator, body.ms);
	return context.latency.toJSON();
}

function faults(request: SandboxRequest, rules: FaultRules, rest: string[]): SandboxResponse | undefined {
	const verb = request.method;
	if (rest.length === 1) {
		if (verb !== 'DELETE') return undefined;
		if (!rules.remove(rest[0] as string)) throw new AdminError(`No fault rule ${rest[0] as string}`, 404);
		return jsonResponse(200, { rules: rules.list() });
	}
	if (rest.length > 1) return undefined;
	if (verb === 'GET') return jsonResponse(200, { rules: rules.list() });
	if (verb === 'DELETE') {
		rules.clear();
		return jsonResponse(200, { rules: [] });
	}
	if (verb !== 'POST') return undefined;
	const body = readJsonBody(request);
	const inputs: unknown[] = Array.isArray(body)
		? body
		: typeof body === 'object' && body !== null && Array.isArray((body as { rules?: unknown }).rules)
			? ((body as { rules: unknown[] }).rules)
			: [body];
	return jsonResponse(201, { rules: rules.addAll(inputs) });
}

function requests(request: SandboxRequest, log: RequestLog): unknown {
	const query = request.query;
	return log.query({
		...(query.get('simulator') === null ? {} : { simulator: query.get('simulator') as string }),
		...(query.get('operation') === null ? {} : { operation: query.get('operation') as string }),
		...(query.get('since') === null ? {} : { since: query.get('since') as string }),
		limit: integerParameter(query, 'limit', 1000),
	});
}

function trimSlashes(text: string): string {
	return text.replace(/^\/+|\/+$/g, '');
}
