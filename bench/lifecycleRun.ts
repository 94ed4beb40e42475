/**
 * One life-cycle run (issue 13 point 4): a fresh sandbox whose operators take 1 minute to 2 hours
 * per order, a fresh n8n on a moved clock (libfaketime, e2e/lib/faketime.ts) running the life-cycle
 * template or its Wait-node baseline, and a backlog of asap orders. The intake runs in real time
 * (the trigger's polls a minute apart are part of its drain); then the world clock jumps, only
 * while n8n is idle, until every order is delivered or the step limit is reached.
 *
 * Everything is read back afterwards: the executions from n8n's public API, the calls from the
 * sandbox's request log (lifecycleFigures.ts), memory from /proc.
 */
import type { PackedPackage } from '../e2e/lib/community-package';
import { lifecycleWorkflowPath } from '../e2e/lib/paths';
import { createTrackingTable, trackingTablesOf, trackingTableScopes } from '../e2e/lib/tracking-table';
import { waitFor } from '../e2e/lib/wait-for';
import { createWorldClock } from '../e2e/lib/world-clock';
import { apiCallsSince, lastSeq } from './apiCalls';
import { startBenchN8n, type BenchN8n } from './benchN8n';
import { backlogSockets, countOrders, createBacklog, OPERATORS, startBenchSandbox, type BenchSandbox } from './benchSandbox';
import { lifecycleBaselineWorkflow, lifecycleTemplateWorkflow, type BenchWorkflow, type LifecycleKind } from './benchWorkflows';
import { executionFigures, lifecycleCallFigures, type ExecutionFigures, type LifecycleCallFigures } from './lifecycleFigures';
import { nodeConcurrency } from './nodeConcurrency';
import type { MemoryPeaks } from './processMemory';

export interface LifecycleScenario {
	kind: LifecycleKind;
	orders: number;
	latencyMs: number;
	/** baseline-batched: the HTTP Request nodes' Items per Batch (the template's concurrency). */
	batchSize?: number;
}

export interface LifecycleResult {
	scenario: LifecycleScenario;
	/** Every order delivered, and the run went as planned. */
	complete: boolean;
	problems: string[];
	delivered: number;
	/** Tjänsteguiden statuses of the backlog at the end. */
	statuses: Record<string, number>;
	/** Jumps of the world clock after the intake, and how far it was moved in all (min). */
	jumps: number;
	movedMinutes: number;
	executions?: ExecutionFigures;
	calls?: LifecycleCallFigures;
	memory: MemoryPeaks;
}

const MINUTE_MS = 60_000;
/** How long each order's operator takes (sandbox time), cycled over the backlog: 1 minute to 2 hours. */
export const OPERATOR_MINUTES = [1, 2, 5, 10, 15, 30, 45, 60, 90, 120] as const;
/** After the intake the clock moves in steps of 5 minutes (the baseline's Wait): each step fires every due poll, schedule and wait once. */
const JUMP_MS = 5 * MINUTE_MS;
const MAX_JUMPS = Math.ceil((Math.max(...OPERATOR_MINUTES) * MINUTE_MS) / JUMP_MS) + 12;

const say = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each access of the backlog finishes after its share of the spread; ON-API orders go IN_PROGRESS after at most 30 s. */
function spreadOperatorTimes(world: BenchSandbox, orders: number): void {
	const sockets = backlogSockets(orders);
	for (const coId of OPERATORS) {
		const slowAccesses: Record<string, { inProgressAfterMs: number; doneAfterMs: number }> = {};
		sockets.forEach((socket, index) => {
			if (!socket.startsWith(`${coId}-`)) return;
			const doneAfterMs = (OPERATOR_MINUTES[index % OPERATOR_MINUTES.length] as number) * MINUTE_MS;
			slowAccesses[socket] = { inProgressAfterMs: Math.min(30_000, doneAfterMs / 2), doneAfterMs };
		});
		world.onApi.configure(coId, { slowAccesses });
	}
}

function buildWorkflow(scenario: LifecycleScenario, sandboxUrl: string): BenchWorkflow {
	switch (scenario.kind) {
		case 'template':
			return lifecycleTemplateWorkflow(sandboxUrl);
		case 'baseline':
			return lifecycleBaselineWorkflow(sandboxUrl);
		case 'baseline-batched':
			return lifecycleBaselineWorkflow(sandboxUrl, { batchSize: scenario.batchSize ?? 10, batchIntervalMs: Math.max(1, scenario.latencyMs) });
	}
}

async function statusCounts(world: BenchSandbox): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const status of ['new', 'received', 'active', 'waiting', 'delivered', 'cancelled'] as const) {
		const total = await countOrders(world, status);
		if (total > 0) counts[status] = total;
	}
	return counts;
}

const describe = (counts: Record<string, number>) => Object.entries(counts).map(([status, total]) => `${total} ${status}`).join(', ');

export async function runLifecycle(label: string, scenario: LifecycleScenario, packed: PackedPackage): Promise<LifecycleResult> {
	const world = await startBenchSandbox(scenario.latencyMs, { kind: 'delayed', inProgressAfterMs: 30_000, doneAfterMs: MINUTE_MS });
	spreadOperatorTimes(world, scenario.orders);
	let n8n: BenchN8n | undefined;
	const problems: string[] = [];
	let jumps = 0;
	try {
		const workflow = buildWorkflow(scenario, world.sandbox.url);
		say(`[${label}] starting n8n on a moved clock with the ${scenario.kind} ...`);
		const started = await startBenchN8n(label, packed, workflow, { fakeClock: true, extraScopes: trackingTableScopes });
		n8n = started;
		if (!started.fakeClock) throw new Error('n8n was started without the moved clock');
		if (scenario.kind === 'template') {
			for (const table of trackingTablesOf(lifecycleWorkflowPath)) await createTrackingTable(started.server.baseUrl, started.apiKey, table);
		}
		const workflowId = workflow.json.id;
		const clock = createWorldClock({
			sandbox: world.sandbox,
			fake: started.fakeClock,
			executionsRunning: async () => (await started.api.listExecutions({ workflowId, status: 'running' })).length > 0,
			idleTimeoutMs: 600_000,
		});
		// The triggers' first polls remember what exists and emit nothing; the backlog must come after them.
		await waitFor(
			scenario.kind === 'template' ? "both triggers' first polls" : "the Tjänsteguiden Trigger's first poll",
			async () => {
				const calls = apiCallsSince(world.sandbox, 0);
				const listed = calls.some((call) => call.operation === 'orders' && call.status !== undefined);
				const onApiPolled = scenario.kind !== 'template' || calls.some((call) => call.simulator === 'onapi' && call.status !== undefined);
				return listed && onApiPolled ? true : undefined;
			},
			{ timeoutMs: 240_000, describeLastState: () => started.server.readLog().slice(-2000) },
		);
		const beforeBacklog = lastSeq(world.sandbox);
		const backlogAt = world.sandbox.clock.nowMs();
		await createBacklog(world, scenario.orders);
		say(`[${label}] ${scenario.orders} new orders; intake in real time ...`);

		// Intake: every order past `received` (the trigger takes Max Orders per Poll a minute).
		const intakeTimeoutMs = (Math.ceil(scenario.orders / 100) + 5) * MINUTE_MS;
		const intakeStart = Date.now();
		let lastReport = Date.now();
		for (;;) {
			const waitingForIntake = (await countOrders(world, 'new')) + (await countOrders(world, 'received'));
			if (waitingForIntake === 0) break;
			if (Date.now() - intakeStart > intakeTimeoutMs) {
				problems.push(`intake: ${waitingForIntake} orders still new or received after ${Math.round(intakeTimeoutMs / MINUTE_MS)} min`);
				break;
			}
			if (Date.now() - lastReport > 30_000) {
				say(`[${label}] intake: ${scenario.orders - waitingForIntake}/${scenario.orders} active or further after ${Math.round((Date.now() - intakeStart) / 1000)} s`);
				lastReport = Date.now();
			}
			await sleep(2000);
		}

		// The rest of the life-cycle on the moved clock.
		const allDelivered = async () => (await countOrders(world, 'delivered')) >= scenario.orders;
		while (!(await allDelivered()) && jumps < MAX_JUMPS) {
			jumps += 1;
			await clock.jump(JUMP_MS, `step ${jumps}`);
			say(`[${label}] +${(clock.offsetMs() / MINUTE_MS).toFixed(0)} min: ${describe(await statusCounts(world))}`);
		}
		await clock.waitIdle('the end of the run');
		const statuses = await statusCounts(world);
		const delivered = statuses.delivered ?? 0;
		if (delivered < scenario.orders) problems.push(`after ${jumps} jumps of ${JUMP_MS / MINUTE_MS} min: ${describe(statuses)}`);

		const calls = apiCallsSince(world.sandbox, beforeBacklog);
		const executions = await executionFigures(started.api, workflowId, world.sandbox.clock.nowMs());
		for (const [status, total] of Object.entries(executions.byStatus)) if (status !== 'success' && status !== 'error') problems.push(`${total} execution(s) ended ${status}`);
		for (const [message, total] of Object.entries(executions.errors)) problems.push(`${total} execution(s) failed: ${message}`);
		const figures = lifecycleCallFigures(workflow, calls, scenario, backlogAt);
		if (figures.intake === undefined) problems.push('no intake in the request log (no order was read, or none set active)');
		const result: LifecycleResult = {
			scenario,
			problems,
			complete: problems.length === 0,
			delivered,
			statuses,
			jumps,
			movedMinutes: Math.round(clock.offsetMs() / MINUTE_MS),
			executions,
			calls: figures,
			memory: started.memory.current(),
		};
		say(`[${label}] ${delivered}/${scenario.orders} delivered; longest execution ${((executions.longestMs ?? 0) / 1000).toFixed(1)} s`);
		return result;
	} finally {
		await n8n?.stop().catch(() => undefined);
		await world.close();
	}
}

/** What a run that could not be carried out reports. */
export function failedLifecycle(scenario: LifecycleScenario, error: unknown): LifecycleResult {
	return {
		scenario,
		complete: false,
		problems: [`the run failed: ${error instanceof Error ? error.message : String(error)}`],
		delivered: 0,
		statuses: {},
		jumps: 0,
		movedMinutes: 0,
		memory: { treeMiB: 0, largestProcessMiB: 0, samples: 0 },
	};
}

/** The concurrency of the life-cycle template's ON-API and Tjänsteguiden action nodes: the batched baseline's Items per Batch. */
export function lifecycleIntakeConcurrency(): number {
	const activate = lifecycleTemplateWorkflow('http://127.0.0.1').json.nodes.find((node) => node.name === 'Activate');
	if (!activate) throw new Error('the life-cycle template has no node "Activate"');
	return nodeConcurrency(activate).concurrency;
}
