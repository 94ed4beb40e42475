/**
 * Starting the sandbox in-process (jest tests, demo and benchmark scripts) and everything needed
 * to drive it. `node sandbox/dist/main.js` is the command-line way to the same server.
 */
import { SandboxAdminClient } from './client';
import { SandboxClock } from './clock';
import { seedDemoWorld, type DemoSeedOptions } from './demo/tjansteguidenOrders';
import { DEFAULT_HOST, SandboxServer } from './server';
import { createTjansteguidenSimulator, TJANSTEGUIDEN_PATH, type TgConfigPatch, type TjansteguidenSimulator } from './tjansteguiden';
import type { Simulator } from './types';

export interface SimulatorContext {
	/** The sandbox clock every simulator must read time from. */
	clock: SandboxClock;
}

/** Builds one more simulator to mount (e.g. `({ clock }) => createOnApiSimulator({ clock })`). */
export type SimulatorFactory = (context: SimulatorContext) => Simulator;

export interface StartSandboxOptions {
	/** Default 0 (a free port); main.ts uses 8790. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Sandbox time at start (default: real time). */
	clockStart?: Date | string;
	/** Seed the demo world; `true` includes orders arriving every ~20 s after start. */
	demo?: boolean | DemoSeedOptions;
	/** Tjänsteguiden configuration over the defaults (hash lifetime, envelope variants, users ...). */
	tjansteguiden?: TgConfigPatch;
	/** Further simulators, mounted after Tjänsteguiden. */
	extraSimulators?: SimulatorFactory[];
	/** Request log entries kept (default 20 000). */
	requestLogCapacity?: number;
	/** Longest a `timeout` fault holds a request (default 10 minutes). */
	maxHoldMs?: number;
}

export interface RunningSandbox {
	/** e.g. `http://127.0.0.1:8790` */
	url: string;
	port: number;
	host: string;
	urls: {
		/** The Orders 1.0 endpoint: `<url>/plain/serviceguide_log`. */
		tjansteguiden: string;
		admin: string;
	};
	clock: SandboxClock;
	/** Admin client over HTTP, bound to this sandbox. */
	admin: SandboxAdminClient;
	/** Direct access for in-process tests (same objects the HTTP routes use). */
	server: SandboxServer;
	tjansteguiden: TjansteguidenSimulator;
	close(): Promise<void>;
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
	const clock = new SandboxClock(options.clockStart === undefined ? undefined : new Date(options.clockStart));
	const demo = options.demo === undefined || options.demo === false ? undefined : options.demo === true ? {} : options.demo;
	const tjansteguiden = createTjansteguidenSimulator({
		clock,
		...(options.tjansteguiden === undefined ? {} : { config: options.tjansteguiden }),
		...(demo === undefined ? {} : { seed: (world) => seedDemoWorld(world, demo) }),
	});
	const simulators: Simulator[] = [tjansteguiden, ...(options.extraSimulators ?? []).map((factory) => factory({ clock }))];
	const server = new SandboxServer({
		clock,
		simulators,
		...(options.requestLogCapacity === undefined ? {} : { requestLogCapacity: options.requestLogCapacity }),
		...(options.maxHoldMs === undefined ? {} : { maxHoldMs: options.maxHoldMs }),
	});
	const host = options.host ?? DEFAULT_HOST;
	const { port, url } = await server.listen(options.port ?? 0, host);
	return {
		url,
		port,
		host,
		urls: { tjansteguiden: `${url}${TJANSTEGUIDEN_PATH}`, admin: `${url}/__admin` },
		clock,
		admin: new SandboxAdminClient(url),
		server,
		tjansteguiden,
		close: () => server.close(),
	};
}

export { OnApiAdminClient, SandboxAdminClient, SandboxAdminError, TjansteguidenAdminClient } from './client';
export type { ClockState, CreatedOrders, OrderListQuery, PublicTgConfig, PublicUser, RawResponse, SandboxState } from './client';
export { SandboxClock } from './clock';
export { FaultRules, GENERIC_FAULT_KINDS, type FaultRule, type FaultRuleInput } from './faults';
export type { RequestCounters, RequestLogEntry, RequestLogPage, RequestLogQuery, SimulatorCounters } from './requestLog';
export { demoArrivals, seedDemoWorld, type DemoSeedOptions } from './demo/tjansteguidenOrders';
export * from './demo/world';
export { directoryEntries, directoryOnApiOperators, type DirectoryEntry } from './demo/onApiOperators';
export { SandboxServer, type SandboxServerOptions } from './server';
export * from './tjansteguiden';
export type * from './types';
