/**
 * The sandbox's HTTP core: one loopback server for all simulators. It owns what is common to every
 * simulated API (clock, latency, fault injection, request log, admin routes) and hands each API
 * request, already parsed, to the simulator whose path it is.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

import { handleAdminRequest, isAdminPath, type AdminContext } from './admin';
import { jsonResponse } from './adminJson';
import type { SandboxClock } from './clock';
import { echoUrlPage, gatewayErrorPage, padded, redirectTo } from './errorPages';
import { FaultRules, GENERIC_FAULT_KINDS, isGenericFaultKind, type FaultRule } from './faults';
import { LatencySettings } from './latency';
import { RequestLog } from './requestLog';
import type { RequestClass, SandboxRequest, SandboxResponse, Simulator } from './types';

export interface SandboxServerOptions {
	clock: SandboxClock;
	simulators: readonly Simulator[];
	/** Request log entries kept (default 20 000); counters are kept for every request regardless. */
	requestLogCapacity?: number;
	/** Longest a `timeout` fault holds a request open (default 10 minutes). */
	maxHoldMs?: number;
	/** Largest request body accepted (default 64 MiB: bulk order creation posts big JSON). */
	maxBodyBytes?: number;
}

export const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_MAX_HOLD_MS = 10 * 60 * 1000;
const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Simulator name for requests no simulator serves. */
const UNMATCHED = '(none)';
const RESERVED_NAMES = new Set(['', 'routes', 'state', 'reset', 'clock', 'latency', 'faults', 'requests', 'counters']);

class BodyTooLarge extends Error {}

export class SandboxServer {
	readonly clock: SandboxClock;
	readonly simulators: readonly Simulator[];
	readonly faults: FaultRules;
	readonly requestLog: RequestLog;
	readonly latency = new LatencySettings();
	private readonly maxHoldMs: number;
	private readonly maxBodyBytes: number;
	private readonly server: http.Server;
	/** Releases for requests held open by a `timeout` fault. */
	private readonly holds = new Set<() => void>();
	/** Releases for latency and `slow` delays, so close() does not wait for them. */
	private readonly delays = new Set<() => void>();
	private address: AddressInfo | undefined;

	constructor(options: SandboxServerOptions) {
		const names = new Set<string>();
		for (const simulator of options.simulators) {
			if (RESERVED_NAMES.has(simulator.name) || names.has(simulator.name) || simulator.name.includes('/')) {
				throw new Error(`Simulator name not usable: '${simulator.name}'`);
			}
			names.add(simulator.name);
		}
		this.clock = options.clock;
		this.simulators = options.simulators;
		this.faults = new FaultRules((kind, simulator) => this.faultKindError(kind, simulator));
		this.requestLog = new RequestLog(options.requestLogCapacity);
		this.maxHoldMs = options.maxHoldMs ?? DEFAULT_MAX_HOLD_MS;
		this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
		this.server = http.createServer((incoming, outgoing) => {
			this.serve(incoming, outgoing).catch((error: unknown) => {
				console.error('sandbox: unexpected error while serving', incoming.method, incoming.url, error);
				send(outgoing, { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Sandbox internal error' });
			});
		});
	}

	/** Starts listening; port 0 picks a free port. */
	async listen(port = 0, host = DEFAULT_HOST): Promise<{ port: number; host: string; url: string }> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				this.server.off('error', reject);
				resolve();
			});
		});
		this.address = this.server.address() as AddressInfo;
		return { port: this.address.port, host, url: this.url };
	}

	get port(): number {
		if (this.address === undefined) throw new Error('The sandbox is not listening');
		return this.address.port;
	}

	get url(): string {
		if (this.address === undefined) throw new Error('The sandbox is not listening');
		const host = this.address.address.includes(':') ? `[${this.address.address}]` : this.address.address;
		return `http://${host}:${this.address.port}`;
	}

	get heldRequestCount(): number {
		return this.holds.size;
	}

	async close(): Promise<void> {
		for (const release of [...this.holds, ...this.delays]) release();
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	/** Back to the start: seeded simulators, no faults, no latency, empty log, clock at its start (unless kept). */
	reset(options: { keepClock?: boolean } = {}): void {
		for (const release of [...this.holds]) release();
		this.faults.clear();
		this.latency.reset();
		this.requestLog.reset();
		if (options.keepClock !== true) this.clock.reset();
		for (const simulator of this.simulators) simulator.reset();
	}

	private get adminContext(): AdminContext {
		return {
			clock: this.clock,
			faults: this.faults,
			requestLog: this.requestLog,
			latency: this.latency,
			simulators: this.simulators,
			reset: (options) => this.reset(options),
			heldRequestCount: () => this.heldRequestCount,
		};
	}

	private async serve(incoming: http.IncomingMessage, outgoing: http.ServerResponse): Promise<void> {
		const startedAt = performance.now();
		let body: string;
		try {
			body = await readBody(incoming, this.maxBodyBytes);
		} catch (error) {
			if (!(error instanceof BodyTooLarge)) throw error;
			send(outgoing, { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Request body too large' });
			return;
		}
		const url = new URL(incoming.url ?? '/', 'http://sandbox.invalid');
		const request: SandboxRequest = {
			method: (incoming.method ?? 'GET').toUpperCase(),
			path: url.pathname,
			query: url.searchParams,
			headers: incoming.headers,
			body,
			remoteAddress: incoming.socket.remoteAddress ?? '',
		};

		if (isAdminPath(request.path)) {
			send(outgoing, await handleAdminRequest(request, this.adminContext));
			return;
		}

		const simulator = this.simulators.find((candidate) => candidate.matches(request.path));
		const requestClass: RequestClass = simulator?.classify?.(request) ?? defaultClass(request);
		const entry = this.requestLog.begin({
			time: this.clock.now(),
			simulator: simulator?.name ?? UNMATCHED,
			httpMethod: request.method,
			path: request.path,
			query: request.query,
			operation: requestClass.operation,
			login: requestClass.login === true,
		});
		const elapsed = () => Math.round(performance.now() - startedAt);

		if (simulator === undefined) {
			const response = jsonResponse(404, { error: `No simulator serves ${request.path}` });
			send(outgoing, response);
			this.requestLog.finish(entry, response.status, elapsed());
			return;
		}

		const names = [requestClass.operation, request.query.get('method') ?? ''].filter((name) => name !== '');
		const rule = this.faults.pick({ simulator: simulator.name, names, path: request.path }, (candidate) =>
			this.faultApplies(simulator, candidate, request),
		);
		if (rule !== undefined) this.requestLog.fault(entry, rule.kind, rule.id);

		await this.delay(this.latency.get(simulator.name));
		const response = await this.respond(simulator, request, rule, incoming, outgoing);
		if (response === undefined || response.connection !== undefined) {
			this.requestLog.finish(entry, undefined, elapsed(), response?.connection === 'reset' ? 'reset' : 'held');
			return;
		}
		send(outgoing, response);
		this.requestLog.finish(entry, response.status, elapsed(), response.outcome);
	}

	/** The answer to an API request, or undefined when a `timeout` fault swallowed it. */
	private async respond(
		simulator: Simulator,
		request: SandboxRequest,
		rule: FaultRule | undefined,
		incoming: http.IncomingMessage,
		outgoing: http.ServerResponse,
	): Promise<SandboxResponse | undefined> {
		if (rule !== undefined) {
			const faultResponse = await this.genericFault(rule, incoming, outgoing);
			if (faultResponse !== 'continue') return faultResponse;
			if (!isGenericFaultKind(rule.kind)) {
				request.fault = {
					ruleId: rule.id,
					kind: rule.kind,
					...(rule.status === undefined ? {} : { status: rule.status }),
					...(rule.message === undefined ? {} : { message: rule.message }),
					...(rule.location === undefined ? {} : { location: rule.location }),
				};
			}
		}
		try {
			const answer = await simulator.handle(request);
			const response = rule?.kind === 'hugeBody' ? padded(answer, rule.sizeBytes ?? 0) : answer;
			if (response.connection === 'hold') await this.hold(outgoing, this.maxHoldMs);
			if (response.connection !== undefined) incoming.socket.destroy();
			return response;
		} catch (error) {
			console.error(`sandbox: simulator ${simulator.name} failed on ${request.method} ${request.path}`, error);
			return { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Sandbox simulator error', outcome: 'crash' };
		}
	}

	/**
	 * Carries out a generic fault: its response, undefined for a swallowed request, or 'continue'
	 * when the simulator should still answer (after `slow`, or for a simulator-specific kind).
	 */
	private async genericFault(
		rule: FaultRule,
		incoming: http.IncomingMessage,
		outgoing: http.ServerResponse,
	): Promise<SandboxResponse | undefined | 'continue'> {
		switch (rule.kind) {
			case 'timeout':
				await this.hold(outgoing, rule.delayMs ?? this.maxHoldMs);
				incoming.socket.destroy();
				return undefined;
			case 'http5xx':
				return gatewayErrorPage(rule.status ?? 500);
			case 'html':
				return maintenancePage(rule.status ?? 200);
			case 'status429':
				return {
					status: 429,
					headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': this.retryAfter(rule) },
					body: 'Too Many Requests',
					outcome: 'fault',
				};
			case 'redirect':
				return redirectTo(rule.status ?? 302, rule.location ?? 'http://redirected.invalid', incoming.url ?? '/');
			case 'echoUrl':
				return echoUrlPage(rule.status ?? 404, incoming.url ?? '/');
			case 'slow':
				await this.delay(rule.delayMs ?? 0);
				return 'continue';
			default:
				return 'continue';
		}
	}

	private retryAfter(rule: FaultRule): string {
		if (rule.retryAfter !== undefined) return rule.retryAfter;
		const seconds = rule.retryAfterSeconds ?? 1;
		return rule.retryAfterDate === true ? new Date(this.clock.nowMs() + seconds * 1000).toUTCString() : String(seconds);
	}

	private faultApplies(simulator: Simulator, rule: FaultRule, request: SandboxRequest): boolean {
		if (isGenericFaultKind(rule.kind)) return true;
		if (simulator.faultKinds?.includes(rule.kind) !== true) return false;
		return simulator.faultApplies?.(rule.kind, request) ?? true;
	}

	private faultKindError(kind: string, simulatorName: string | undefined): string | undefined {
		const candidates = simulatorName === undefined ? this.simulators : this.simulators.filter((s) => s.name === simulatorName);
		if (simulatorName !== undefined && candidates.length === 0) return `Unknown simulator: ${simulatorName}`;
		if (isGenericFaultKind(kind)) return undefined;
		if (candidates.some((simulator) => simulator.faultKinds?.includes(kind) === true)) return undefined;
		const known = [...GENERIC_FAULT_KINDS, ...candidates.flatMap((simulator) => simulator.faultKinds ?? [])];
		return `Unknown fault kind '${kind}'${simulatorName === undefined ? '' : ` for ${simulatorName}`}; known: ${known.join(', ')}`;
	}

	/** Real-time wait that close() can cut short. */
	private delay(ms: number): Promise<void> {
		if (ms <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const release = () => {
				clearTimeout(timer);
				this.delays.delete(release);
				resolve();
			};
			const timer = setTimeout(release, ms);
			this.delays.add(release);
		});
	}

	/** Keeps a request unanswered until the client gives up, the bound passes, or reset/close. */
	private hold(outgoing: http.ServerResponse, ms: number): Promise<void> {
		return new Promise((resolve) => {
			const release = () => {
				clearTimeout(timer);
				outgoing.off('close', release);
				this.holds.delete(release);
				resolve();
			};
			const timer = setTimeout(release, ms);
			outgoing.on('close', release);
			this.holds.add(release);
		});
	}
}

function defaultClass(request: SandboxRequest): RequestClass {
	const method = request.query.get('method');
	return { operation: method !== null && method !== '' ? method : `${request.method} ${request.path}` };
}

function readBody(incoming: http.IncomingMessage, maxBytes: number): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		incoming.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBytes) {
				incoming.removeAllListeners('data');
				incoming.resume();
				reject(new BodyTooLarge());
				return;
			}
			chunks.push(chunk);
		});
		incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		incoming.on('error', reject);
	});
}

function send(outgoing: http.ServerResponse, response: SandboxResponse): void {
	if (outgoing.headersSent || outgoing.destroyed) return;
	const body = Buffer.from(response.body ?? '', response.encoding ?? 'utf8');
	outgoing.writeHead(response.status, { ...response.headers, 'Content-Length': body.length });
	outgoing.end(body);
}

/** A maintenance page where XML was expected; often served with 200, which is the tricky case. */
function maintenancePage(status: number): SandboxResponse {
	return {
		status,
		headers: { 'Content-Type': 'text/html; charset=UTF-8' },
		body:
			'<!DOCTYPE html>\n<html lang="sv">\n<head><meta charset="utf-8"><title>Underhåll pågår</title></head>\n' +
			'<body><h1>Underhåll pågår</h1><p>Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.</p></body>\n</html>\n',
		outcome: 'fault',
	};
}
