/**
 * The sandbox a benchmark run talks to: Tjänsteguiden plus both ON-API operators, in this process,
 * with the injected latency on every API call, a request log big enough for a whole run, and a
 * backlog of orders whose accesses exist at the operators.
 */
import { DEMO_OPERATORS, SNDEMO, startSandbox, type RunningSandbox } from '../sandbox/src';
import type { OrderStatus } from '../sandbox/src/tjansteguiden/model';
import { createOnApiSimulator, type OnApiSimulator } from '../sandbox/src/onapi';

export interface BenchSandbox {
	sandbox: RunningSandbox;
	onApi: OnApiSimulator;
	close(): Promise<void>;
}

/** How the operators carry out an activation in a run. */
export type OperatorSpeed =
	/** Done within the POST: the drain measures the package and n8n, not the operator's working time. */
	| { kind: 'immediate' }
	/** The sandbox's default: IN_PROGRESS after 2 s, DONE after 5 s. */
	| { kind: 'delayed'; inProgressAfterMs: number; doneAfterMs: number };

export const OPERATORS = DEMO_OPERATORS.map((operator) => operator.coId);
const SERVICES = ['BB100100', 'BB250250', 'BB10001000'];
/** Everything but ACTIVATE is already immediate in the sandbox's default behaviour. */
const IMMEDIATE_OPERATIONS = ['ACTIVATE', 'SUSPEND', 'RESUME', 'MODIFY', 'CHANGE'] as const;

export async function startBenchSandbox(latencyMs: number, speed: OperatorSpeed): Promise<BenchSandbox> {
	let onApi: OnApiSimulator | undefined;
	const sandbox = await startSandbox({
		requestLogCapacity: 500_000,
		extraSimulators: [
			({ clock }) => {
				onApi = createOnApiSimulator({ clock });
				return onApi;
			},
		],
	});
	if (onApi === undefined) throw new Error('the ON-API simulator was not mounted');
	for (const simulator of ['tjansteguiden', 'onapi']) sandbox.server.latency.set(simulator, latencyMs);
	for (const coId of OPERATORS) {
		onApi.configure(
			coId,
			speed.kind === 'immediate'
				? { immediateOperations: [...IMMEDIATE_OPERATIONS] }
				: { timing: { inProgressAfterMs: speed.inProgressAfterMs, doneAfterMs: speed.doneAfterMs } },
		);
	}
	return { sandbox, onApi, close: () => sandbox.close() };
}

function accessId(coId: string, index: number): string {
	return `${coId}-BENCH${String(index).padStart(5, '0')}`;
}

/** The accesses of a backlog of `count` orders, in order: alternating between the operators. */
export function backlogSockets(count: number): string[] {
	const sockets: string[] = [];
	for (let index = 0; index < count; index++) {
		const coId = OPERATORS[index % OPERATORS.length] as string;
		sockets.push(accessId(coId, Math.floor(index / OPERATORS.length) + 1));
	}
	return sockets;
}

/**
 * A burst of new orders: each on its own new access (alternating between the operators, each
 * access known at its operator with the demo services) and with its own new customer, for the
 * products the template maps. Created in one admin call, so a poll sees all of them or none.
 */
export async function createBacklog(world: BenchSandbox, count: number): Promise<number[]> {
	const sockets = backlogSockets(count);
	for (const operator of DEMO_OPERATORS) {
		const coId = operator.coId;
		const ours = sockets.filter((socket) => socket.startsWith(`${coId}-`));
		world.onApi.upsertAccesses(
			coId,
			ours.map((id, index) => ({
				accessId: id,
				streetName: 'Bänkgatan',
				streetNumber: String(index + 1),
				postalCode: operator === SNDEMO ? '12345' : '93100',
				city: operator.city,
			})),
		);
	}
	const created = await world.sandbox.admin.tjansteguiden.createOrders(
		sockets.map((socket, index) => ({ socket, service: SERVICES[index % SERVICES.length], status: 'new' as const })),
	);
	if (created.ids.length !== count) throw new Error(`the sandbox created ${created.ids.length} of ${count} orders`);
	return created.ids;
}

/** How many orders of the sandbox have reached a status. */
export async function countOrders(world: BenchSandbox, status: OrderStatus): Promise<number> {
	return (await world.sandbox.admin.tjansteguiden.orders({ status, limit: 1, log: false })).total;
}
