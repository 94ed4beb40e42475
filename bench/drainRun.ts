/**
 * One drain: a fresh sandbox and a fresh n8n running one workflow (template or baseline); once the
 * workflow is live, a backlog of new orders appears at once; then we wait until every order is
 * delivered (or parked as waiting) and read the run back from the sandbox's request log.
 *
 * The drain time runs from the call that lists the backlog (the trigger's poll, or the baseline's
 * login that starts its run) to the answer to the last `set_status delivered`. Both workflows pay
 * for their listing and order details inside it; for the template the split at the trigger's emit
 * is reported too.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PackedPackage } from '../e2e/lib/community-package';
import { apiCallsSince, countCalls, lastSeq, type ApiCall, type CallCounts } from './apiCalls';
import { startBenchN8n, type BenchN8n } from './benchN8n';
import { countOrders, createBacklog, OPERATORS, startBenchSandbox, type BenchSandbox, type OperatorSpeed } from './benchSandbox';
import { baselineWorkflow, templateWorkflow, type BenchWorkflow, type WorkflowKind } from './benchWorkflows';
import { baselineFloor, templateFloor, type LatencyFloor } from './latencyFloor';
import type { MemoryPeaks } from './processMemory';

export interface DrainScenario {
	kind: WorkflowKind;
	orders: number;
	/** Template only: the trigger's Max Orders per Poll; as shipped when left out. */
	maxOrdersPerPoll?: number;
	/** Template only: every package node at the most concurrency its option allows. */
	maxConcurrency?: boolean;
	/** Template only: the trigger's "Fetch Customer Details" off (no customer_info calls). */
	withoutCustomerDetails?: boolean;
	speed: OperatorSpeed;
	latencyMs: number;
}

export interface DrainResult {
	scenario: DrainScenario;
	/** Every order delivered, and nothing else went wrong. */
	complete: boolean;
	problems: string[];
	delivered: number;
	waiting: number;
	/** Listing of the backlog → answer to the last `delivered`. */
	drainMs?: number;
	/** Template: listing → the trigger's emit (its last detail call answered). */
	pollMs?: number;
	/** Template: emit → last `delivered`. */
	afterEmitMs?: number;
	floor?: LatencyFloor;
	/** Calls inside the drain window. */
	window: CallCounts;
	/** Logins over the whole run, from n8n's start to the end of the drain. */
	logins: Record<string, number>;
	executions: Record<string, number>;
	memory: MemoryPeaks;
	/** Seconds from n8n start to the workflow picking the backlog up (not part of the drain). */
	waitedForPollS?: number;
	/** Every API call after the backlog appeared, times relative to the drain start (for a closer look). */
	callsFile?: string;
	/** Orders marked received more than once (the workflow ran for them twice or more). */
	repeatedOrders: number;
	/** Accesses that got more than one activation order at the operator. */
	repeatedActivations: number;
}

const say = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bound on a run: the workflow's next poll, the trigger's schedule, and every call one after another with 100 ms of n8n per call. */
function drainTimeoutMs(scenario: DrainScenario): number {
	const operatorMs = scenario.speed.kind === 'delayed' ? scenario.speed.doneAfterMs + 5000 : 0;
	const polls = scenario.kind === 'template' ? Math.ceil(scenario.orders / (scenario.maxOrdersPerPoll ?? 100)) : 1;
	return 90_000 + 120_000 + polls * 60_000 + scenario.orders * (8 * scenario.latencyMs + operatorMs + 100);
}

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean> | boolean): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await sleep(500);
	}
	throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
}

function buildWorkflow(scenario: DrainScenario, sandboxUrl: string): BenchWorkflow {
	return scenario.kind === 'template' ? templateWorkflow(
				sandboxUrl,
				{
					...(scenario.maxOrdersPerPoll === undefined ? {} : { maxOrdersPerPoll: scenario.maxOrdersPerPoll }),
					...(scenario.withoutCustomerDetails ? { customerDetails: false } : {}),
				},
				scenario.maxConcurrency === true,
			) : baselineWorkflow(sandboxUrl);
}

/** The drain window inside the calls logged after the backlog appeared. */
function drainWindow(kind: WorkflowKind, calls: ApiCall[]): { calls: ApiCall[]; startAt: number; endAt: number; emitAt?: number } | undefined {
	const firstDetail = calls.findIndex((call) => call.operation === 'order_info');
	if (firstDetail < 0) return undefined;
	const opener = (call: ApiCall) => (kind === 'template' ? call.simulator === 'tjansteguiden' && call.operation === 'orders' : call.login);
	let startIndex = firstDetail;
	while (startIndex > 0 && !opener(calls[startIndex] as ApiCall)) startIndex--;
	const delivered = calls.filter((call) => call.operation === 'set_status:delivered');
	if (delivered.length === 0) return undefined;
	const endAt = Math.max(...delivered.map((call) => call.answeredAt));
	const lastDeliveredSeq = Math.max(...delivered.map((call) => call.seq));
	const startSeq = (calls[startIndex] as ApiCall).seq;
	const inWindow = calls.filter((call) => call.seq >= startSeq && call.seq <= lastDeliveredSeq);
	let emitAt: number | undefined;
	if (kind === 'template') {
		const firstWrite = inWindow.findIndex((call) => call.operation.startsWith('set_status'));
		const details = inWindow.slice(0, firstWrite < 0 ? undefined : firstWrite).filter((call) => call.operation === 'order_info' || call.operation === 'customer_info');
		if (details.length > 0) emitAt = Math.max(...details.map((call) => call.answeredAt));
	}
	return { calls: inWindow, startAt: (calls[startIndex] as ApiCall).arrivedAt, endAt, ...(emitAt === undefined ? {} : { emitAt }) };
}

function repeatedOrders(calls: ApiCall[]): number {
	const received = new Map<string, number>();
	for (const call of calls) {
		if (call.operation === 'set_status:received' && call.id !== undefined) received.set(call.id, (received.get(call.id) ?? 0) + 1);
	}
	return [...received.values()].filter((count) => count > 1).length;
}

function repeatedActivations(world: BenchSandbox): number {
	const perAccess = new Map<string, number>();
	for (const coId of OPERATORS) {
		for (const order of world.onApi.state(coId).operators[coId]?.orders ?? []) {
			if (order.operation === 'ACTIVATE') perAccess.set(order.accessId, (perAccess.get(order.accessId) ?? 0) + 1);
		}
	}
	return [...perAccess.values()].filter((count) => count > 1).length;
}

async function executionCounts(n8n: BenchN8n, workflowId: string): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const execution of await n8n.api.listExecutions({ workflowId })) counts[execution.status] = (counts[execution.status] ?? 0) + 1;
	return counts;
}

export async function runDrain(label: string, scenario: DrainScenario, packed: PackedPackage): Promise<DrainResult> {
	const world: BenchSandbox = await startBenchSandbox(scenario.latencyMs, scenario.speed);
	let n8n: BenchN8n | undefined;
	const problems: string[] = [];
	try {
		const workflow = buildWorkflow(scenario, world.sandbox.url);
		say(`[${label}] starting n8n with the ${scenario.kind} ...`);
		n8n = await startBenchN8n(label, packed, workflow);
		const startedAt = Date.now();
		if (scenario.kind === 'template') {
			// The trigger's first poll remembers what exists and emits nothing; the backlog must come after it.
			await waitFor("the trigger's first poll", 150_000, () =>
				apiCallsSince(world.sandbox, 0).some((call) => call.operation === 'orders' && call.status !== undefined),
			);
		}
		const beforeBacklog = lastSeq(world.sandbox);
		await createBacklog(world, scenario.orders);
		const backlogAt = Date.now();
		say(`[${label}] ${scenario.orders} new orders in Tjänsteguiden; waiting for the workflow's next run (at most a minute) ...`);

		const timeoutMs = drainTimeoutMs(scenario);
		let delivered = 0;
		let waiting = 0;
		let lastReport = Date.now();
		const server = n8n.server;
		let serverGone = false;
		void server.exited.then(() => {
			serverGone = true;
		});
		while (Date.now() - backlogAt < timeoutMs && !serverGone) {
			delivered = await countOrders(world, 'delivered');
			waiting = await countOrders(world, 'waiting');
			if (delivered + waiting >= scenario.orders) break;
			if (Date.now() - lastReport > 15_000) {
				say(`[${label}] ${delivered}/${scenario.orders} delivered after ${Math.round((Date.now() - backlogAt) / 1000)} s`);
				lastReport = Date.now();
			}
			await sleep(1000);
		}
		if (serverGone) problems.push(`n8n exited during the drain (log: ${server.logFile})`);
		if (delivered + waiting < scenario.orders) problems.push(`only ${delivered + waiting} of ${scenario.orders} orders finished within ${Math.round(timeoutMs / 1000)} s`);
		if (waiting > 0) problems.push(`${waiting} orders ended as waiting (a problem path ran)`);
		// Let the last answers reach the log and the execution be saved.
		await sleep(2000);

		const calls = apiCallsSince(world.sandbox, beforeBacklog);
		const window = drainWindow(scenario.kind, calls);
		const callsFile = path.join(n8n.instance.workDir, 'api-calls.json');
		const origin = window?.startAt ?? backlogAt;
		writeFileSync(
			callsFile,
			JSON.stringify(calls.map((call) => ({ ...call, arrivedAt: call.arrivedAt - origin, answeredAt: call.answeredAt - origin }))),
		);
		const executions = await executionCounts(n8n, workflow.json.id).catch((error: unknown): Record<string, number> => {
			problems.push(`could not list executions: ${error instanceof Error ? error.message : String(error)}`);
			return {};
		});
		for (const status of Object.keys(executions)) if (status !== 'success') problems.push(`${executions[status]} execution(s) ended ${status}`);
		const twice = repeatedOrders(calls);
		if (twice > 0) problems.push(`${twice} orders went through the workflow more than once`);
		const memory = n8n.memory.current();
		const result: DrainResult = {
			scenario,
			complete: problems.length === 0,
			problems,
			delivered,
			waiting,
			window: countCalls(window?.calls ?? []),
			logins: countCalls(apiCallsSince(world.sandbox, 0)).logins,
			executions,
			memory,
			callsFile,
			repeatedOrders: repeatedOrders(calls),
			repeatedActivations: repeatedActivations(world),
		};
		if (window) {
			result.drainMs = window.endAt - window.startAt;
			result.waitedForPollS = Math.round((window.startAt - startedAt) / 1000);
			if (window.emitAt !== undefined) {
				result.pollMs = window.emitAt - window.startAt;
				result.afterEmitMs = window.endAt - window.emitAt;
			}
			result.floor = scenario.kind === 'template'
				? templateFloor(workflow, window.calls, scenario.latencyMs, scenario.speed, scenario.orders)
				: baselineFloor(workflow, window.calls, scenario.latencyMs, scenario.speed);
		} else {
			problems.push('no drain in the request log (no order was read, or none delivered)');
			result.complete = false;
		}
		say(`[${label}] ${delivered}/${scenario.orders} delivered; drain ${result.drainMs === undefined ? '-' : (result.drainMs / 1000).toFixed(1)} s`);
		return result;
	} finally {
		await n8n?.stop().catch(() => undefined);
		await world.close();
	}
}
