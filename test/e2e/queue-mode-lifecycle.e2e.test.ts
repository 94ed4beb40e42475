/**
 * The life-cycle template (workflows/tjansteguiden-tl-lifecycle.json) on n8n in queue mode: one main
 * process and two workers sharing PostgreSQL and Redis (Debian packages, started by the test), the
 * Data Table "TL order tracking" made on the main process, a few hundred orders over the demo
 * operators, who take minutes on the sandbox clock. One worker is killed (SIGKILL) while it runs an
 * intake execution, and started again.
 *
 * Time: the sandbox clock and every n8n process's clock (libfaketime, e2e/lib/faketime.ts: main,
 * workers, their task runners, the restarted worker) are moved together, only while nothing runs
 * (e2e/lib/world-clock.ts): a minute at a time until every order has been polled, then by a
 * quarter of an hour past "Emit Again" (30 min) and two runs of **Every hour**, which is where the
 * design (docs/lifecycle-design.md §4, Hourly 5) retries rows a killed execution left in `intake`.
 *
 * Run alone: npx jest test/e2e/queue-mode-lifecycle.e2e.test.ts --selectProjects=e2e (about
 * 10 minutes). QUEUE_LIFECYCLE_ORDERS changes the number of orders (default 200),
 * QUEUE_LIFECYCLE_PER_POLL the trigger's Max Orders per Poll for the run (default 40, so that the
 * intake is several executions the workers share). Figures: .e2e-work/queue-mode-lifecycle-result.json.
 */
import path from 'node:path';
import { apiCallsSince, lastSeq } from '../../bench/apiCalls';
import { countOrders, createBacklog, OPERATORS, startBenchSandbox, type BenchSandbox } from '../../bench/benchSandbox';
import { triggerNode, type BenchWorkflowJson } from '../../bench/benchWorkflows';
import { FIBNORR, SNDEMO } from '../../sandbox/src';
import { createFakeClock } from '../../e2e/lib/faketime';
import { defaultApiKeyScopes } from '../../e2e/lib/n8n-owner';
import { executionNodeItems, type ExecutionDetail } from '../../e2e/lib/n8n-public-api';
import { node24Env } from '../../e2e/lib/node24';
import { e2eWorkDir, lifecycleWorkflowPath } from '../../e2e/lib/paths';
import { preparedPackage } from '../../e2e/lib/prepared-package';
import { credentialReferences, readWorkflowFile, sandboxCredentials } from '../../e2e/lib/sandbox-credentials';
import { createTrackingTable, trackingTablesOf, trackingTableScopes } from '../../e2e/lib/tracking-table';
import { waitFor } from '../../e2e/lib/wait-for';
import { createWorldClock, type WorldClock } from '../../e2e/lib/world-clock';
import { startQueueCluster, type QueueCluster } from '../../e2e/queue-mode/n8n-queue-cluster';
import { pollsIn } from '../../e2e/queue-mode/poll-log';
import { emittedAgainIn, stopQueueRun, writeRunFigures } from '../../e2e/queue-mode/queue-run';
import { startQueueServices, type QueueServices } from '../../e2e/queue-mode/queue-services';
import { killAndRestart, QUICK_RECOVERY_ENV, workerInMidRun } from '../../e2e/queue-mode/worker-crash';
import { executionsPerWorker, workerExecutions, workerName } from '../../e2e/queue-mode/worker-executions';

const ORDERS = Number(process.env.QUEUE_LIFECYCLE_ORDERS ?? 200);
const MAX_ORDERS_PER_POLL = Number(process.env.QUEUE_LIFECYCLE_PER_POLL ?? 40);
const LATENCY_MS = 20;
const MINUTE_MS = 60_000;
/** The operators' working time on the sandbox clock; two speeds, so that completions come in several polls. */
const OPERATOR_TIMING = {
	[SNDEMO.coId]: { inProgressAfterMs: MINUTE_MS, doneAfterMs: 4 * MINUTE_MS },
	[FIBNORR.coId]: { inProgressAfterMs: 2 * MINUTE_MS, doneAfterMs: 12 * MINUTE_MS },
};
/** Moved time covered after the intake: "Emit Again" (30 min) passes, and two hourly runs (the retry, then its flag). */
const HORIZON_MS = 150 * MINUTE_MS;
const STEP_MS = 15 * MINUTE_MS;
/** The earliest the run may stop once every order is delivered: one hourly run has happened by then. */
const AT_LEAST_MS = 70 * MINUTE_MS;
/** The row states no later run changes for these orders (they are neither dated nor cancelled). */
const FINAL_STATES = ['delivered'];
/** Nodes that write the order's tracking row, and the kinds of execution, by their trigger. */
const ROW_WRITERS = ['Track', 'Record ordered', 'Record delivered', 'Record done early', 'Record parked', 'Record already ours', 'Record cancelled', 'Claim', 'Flag'];
const KINDS = { 'New order': 'intake', 'Order finished': 'completion', 'Every hour': 'hourly', Problem: 'problem' } as const;
type Kind = (typeof KINDS)[keyof typeof KINDS] | 'other';
const resultFile = path.join(e2eWorkDir, 'queue-mode-lifecycle-result.json');

const say = (line: string) => process.stderr.write(`queue-mode lifecycle: ${line}\n`);

/** The template with this run's Max Orders per Poll (a setting its user may change; the file stays as shipped). */
function lifecycleWorkflow(): BenchWorkflowJson {
	const [json] = readWorkflowFile(lifecycleWorkflowPath) as unknown as BenchWorkflowJson[];
	const trigger = triggerNode(json!);
	trigger.parameters.options = { ...((trigger.parameters.options ?? {}) as Record<string, unknown>), maxOrdersPerPoll: MAX_ORDERS_PER_POLL };
	return json!;
}

function kindOf(execution: ExecutionDetail): Kind {
	const ran = Object.keys(execution.data?.resultData.runData ?? {});
	const trigger = (Object.keys(KINDS) as Array<keyof typeof KINDS>).find((node) => ran.includes(node));
	return trigger ? KINDS[trigger] : 'other';
}

describe('the life-cycle template in queue mode (main + 2 workers, PostgreSQL, Redis, shared Data Table), a worker killed mid-intake, on a moved clock', () => {
	let services: QueueServices | undefined;
	let world: BenchSandbox | undefined;
	let cluster: QueueCluster | undefined;
	let clock: WorldClock;
	let tableId = '';
	let backlog: number[] = [];
	const workflowJson = lifecycleWorkflow();
	const workflowId = workflowJson.id;
	/** Every execution of the workflow with its data, and which worker ran it (from the workers' logs). */
	let executions: Array<ExecutionDetail & { kind: Kind; worker: string }> = [];
	let rows: Array<Record<string, unknown>> = [];
	const outcome = {
		orders: ORDERS,
		maxOrdersPerPoll: MAX_ORDERS_PER_POLL,
		latencyMs: LATENCY_MS,
		operatorTiming: OPERATOR_TIMING,
		killedWorker: '',
		killedExecution: '',
		killedExecutionStatus: '',
		/** What the killed execution had done to Tjänsteguiden and the operators when it died. */
		atKill: { receivedOrders: [] as string[], onApiPosts: 0 },
		jumps: 0,
		movedMinutes: 0,
		/** Backlog created → last order delivered (real time). */
		wallMs: 0,
		testMs: 0,
		deliveredAtEnd: 0,
		notDelivered: [] as string[],
		rowStates: {} as Record<string, number>,
		executionsByWorker: {} as Record<string, number>,
		kindsByWorker: {} as Record<string, Partial<Record<Kind, number>>>,
		/** Orders whose row was written by executions of both workers. */
		rowsWrittenByBoth: 0,
		emittedAgain: 0,
		failedTriggerPolls: 0,
	};
	const startedAt = Date.now();

	async function listExecutions(): Promise<ExecutionDetail[]> {
		return await cluster!.api.listExecutions({ workflowId });
	}

	async function deliveredCount(): Promise<number> {
		return await countOrders(world!, 'delivered');
	}

	/** Every backlog order has been read by the Tjänsteguiden Trigger (order_info): the intake polls are over. */
	function allPolled(sinceSeq: number): boolean {
		const read = new Set(apiCallsSince(world!.sandbox, sinceSeq).filter((call) => call.operation === 'order_info').map((call) => call.id));
		return backlog.every((id) => read.has(String(id)));
	}

	beforeAll(async () => {
		const packed = preparedPackage();
		services = await startQueueServices('queue-lifecycle');
		world = await startBenchSandbox(LATENCY_MS, { kind: 'delayed', ...OPERATOR_TIMING[SNDEMO.coId]! });
		world.onApi.configure(FIBNORR.coId, { timing: OPERATOR_TIMING[FIBNORR.coId]! });
		const fake = createFakeClock(services.runDir, node24Env(process.env));
		cluster = await startQueueCluster({
			name: 'queue-lifecycle',
			packed,
			workflow: { json: workflowJson, credentials: sandboxCredentials(credentialReferences([workflowJson]), world.sandbox.url) },
			postgres: services.postgres,
			redis: services.redis,
			workers: 2,
			workerConcurrency: 5,
			apiKeyScopes: [...defaultApiKeyScopes, ...trackingTableScopes],
			extraEnv: { N8N_LOG_LEVEL: 'debug', ...QUICK_RECOVERY_ENV },
			clock: fake,
			// `timeout` counts moved time: above the horizon, below a day.
			maxLifetimeSeconds: 86_400,
		});
		clock = createWorldClock({
			sandbox: world.sandbox,
			fake,
			executionsRunning: async () => (await listExecutions()).some((execution) => execution.status === 'running' || execution.status === 'new'),
			idleTimeoutMs: 300_000,
		});
		expect((await cluster.api.getWorkflow(workflowId)).active).toBe(true);
		const [table] = trackingTablesOf(lifecycleWorkflowPath);
		const madeId = await createTrackingTable(cluster.server.baseUrl, cluster.apiKey, table!);
		if (madeId === undefined) throw new Error(`the fresh cluster already had a table "${table!.name}"`);
		tableId = madeId;
		await waitFor(
			"both triggers' first polls",
			async () => {
				const calls = apiCallsSince(world!.sandbox, 0);
				const tg = calls.some((call) => call.operation === 'orders' && call.status !== undefined);
				return tg && calls.some((call) => call.simulator === 'onapi') ? true : undefined;
			},
			{ timeoutMs: 180_000, describeLastState: () => cluster!.server.readLog().slice(-2000) },
		);

		const beforeBacklog = lastSeq(world.sandbox);
		backlog = await createBacklog(world, ORDERS);
		const backlogAt = Date.now();
		say(`${ORDERS} orders created; waiting for a worker in the middle of an intake execution`);
		// Only intake runs now (no ON-API order exists yet): the execution has begun marking its orders received.
		const received = () => apiCallsSince(world!.sandbox, beforeBacklog).filter((call) => call.operation === 'set_status:received');
		const victim = await workerInMidRun(cluster.workers, () => received().length >= 3);
		outcome.killedWorker = workerName(victim.worker);
		outcome.killedExecution = victim.executionId;
		const seqAtKill = lastSeq(world.sandbox);
		say(`killing ${outcome.killedWorker} (SIGKILL) while it runs execution ${victim.executionId}`);
		await killAndRestart(victim.worker);
		const untilKill = apiCallsSince(world.sandbox, beforeBacklog).filter((call) => call.seq <= seqAtKill);
		outcome.atKill.receivedOrders = untilKill.filter((call) => call.operation === 'set_status:received').map((call) => String(call.id));
		outcome.atKill.onApiPosts = untilKill.filter((call) => call.simulator === 'onapi' && call.operation.startsWith('POST')).length;
		say(`worker restarted; the killed execution had set ${outcome.atKill.receivedOrders.length} orders received and sent ${outcome.atKill.onApiPosts} ON-API POSTs`);
		outcome.killedExecutionStatus = await waitFor(
			'n8n to give up the killed execution',
			async () => {
				const status = (await listExecutions()).find((execution) => String(execution.id) === victim.executionId)?.status;
				return status !== undefined && status !== 'running' && status !== 'new' ? status : undefined;
			},
			{ timeoutMs: 300_000, intervalMs: 2000 },
		);

		for (let step = 0; step < 20 && !allPolled(beforeBacklog); step++) {
			await clock.jump(MINUTE_MS, `intake, step ${step + 1}`);
			outcome.jumps += 1;
		}
		say(`intake polled (${clock.offsetMs() / MINUTE_MS} min moved); ${await deliveredCount()}/${ORDERS} delivered`);
		while (clock.offsetMs() < HORIZON_MS) {
			const delivered = await deliveredCount();
			if (delivered >= ORDERS && clock.offsetMs() >= AT_LEAST_MS) break;
			await clock.jump(STEP_MS, `+${(clock.offsetMs() + STEP_MS) / MINUTE_MS} min`);
			outcome.jumps += 1;
			say(`${clock.offsetMs() / MINUTE_MS} min moved: ${await deliveredCount()}/${ORDERS} delivered`);
		}
		await clock.waitIdle('the end');

		outcome.movedMinutes = clock.offsetMs() / MINUTE_MS;
		outcome.deliveredAtEnd = await deliveredCount();
		const views = await Promise.all(backlog.map(async (id) => await world!.sandbox.admin.tjansteguiden.order(id)));
		outcome.notDelivered = views.filter((view) => view.status !== 'delivered').map((view) => `${view.id}:${view.status}`);
		const delivered = apiCallsSince(world.sandbox, beforeBacklog).filter((call) => call.operation === 'set_status:delivered');
		outcome.wallMs = delivered.length > 0 ? Math.max(...delivered.map((call) => call.answeredAt)) - backlogAt : 0;

		rows = await cluster.api.dataTableRows(tableId);
		for (const row of rows) outcome.rowStates[String(row.state)] = (outcome.rowStates[String(row.state)] ?? 0) + 1;

		const ranBy = new Map<string, string>();
		for (const worker of cluster.workers) for (const id of workerExecutions(worker.readLog()).started) ranBy.set(id, workerName(worker));
		executions = [];
		for (const summary of await listExecutions()) {
			const detail = await cluster.api.getExecution(String(summary.id));
			executions.push({ ...detail, kind: kindOf(detail), worker: ranBy.get(String(summary.id)) ?? 'none' });
		}
		outcome.executionsByWorker = executionsPerWorker(cluster.workers);
		for (const execution of executions) {
			const kinds = (outcome.kindsByWorker[execution.worker] ??= {});
			kinds[execution.kind] = (kinds[execution.kind] ?? 0) + 1;
		}
		outcome.rowsWrittenByBoth = [...rowWriters().values()].filter((writers) => writers.size > 1).length;
		outcome.emittedAgain = emittedAgainIn(cluster.server.readLog());
		outcome.failedTriggerPolls = failures().triggerOnly.length;
		outcome.testMs = Date.now() - startedAt;
		say(`result: ${JSON.stringify(outcome)}`);
	}, 30 * 60_000);

	afterAll(async () => {
		writeRunFigures(resultFile, outcome);
		await stopQueueRun({ cluster, sandbox: world, services });
	}, 5 * 60_000);

	/** For each order, the workers whose executions wrote its tracking row (the rows the writing nodes output). */
	function rowWriters(): Map<string, Set<string>> {
		const writers = new Map<string, Set<string>>();
		for (const execution of executions) {
			for (const node of ROW_WRITERS) {
				for (const row of executionNodeItems(execution, node)) {
					if (typeof row.tgOrderId !== 'string') continue;
					const set = writers.get(row.tgOrderId) ?? new Set<string>();
					set.add(execution.worker);
					writers.set(row.tgOrderId, set);
				}
			}
		}
		return writers;
	}

	/** Failed executions besides the killed one: those where a workflow node ran, and failed polls (the trigger alone). */
	function failures(): { ranNodes: string[]; triggerOnly: string[] } {
		const failed = executions.filter((execution) => ['error', 'crashed'].includes(execution.status) && String(execution.id) !== outcome.killedExecution);
		const ranNodes = failed.filter((execution) => Object.keys(execution.data?.resultData.runData ?? {}).length > 1);
		const describe = (execution: ExecutionDetail) => `${execution.id} (${execution.status}): ${execution.data?.resultData.error?.message ?? ''}`;
		return { ranNodes: ranNodes.map(describe), triggerOnly: failed.filter((execution) => !ranNodes.includes(execution)).map(describe) };
	}

	/** ON-API orders (any operation) per backlog order, by spReference, over both operators. */
	function onApiOrdersPerOrder(): Map<string, number> {
		const perOrder = new Map<string, number>(backlog.map((id) => [String(id), 0]));
		for (const coId of OPERATORS) {
			for (const order of world!.onApi.state(coId).operators[coId]!.orders) {
				const reference = String(order.request.spReference ?? '');
				if (perOrder.has(reference)) perOrder.set(reference, perOrder.get(reference)! + 1);
			}
		}
		return perOrder;
	}

	it('killed a worker in the middle of an intake execution, which n8n then marked failed', () => {
		expect(outcome.killedExecution).not.toBe('');
		expect(outcome.atKill.receivedOrders.length).toBeGreaterThan(0);
		expect(['crashed', 'error']).toContain(outcome.killedExecutionStatus);
	});

	it('ran the hourly branch on the moved clock, past "Emit Again"', () => {
		expect(outcome.movedMinutes).toBeGreaterThanOrEqual(AT_LEAST_MS / MINUTE_MS);
		expect(executions.filter((execution) => execution.kind === 'hourly').length).toBeGreaterThan(0);
	});

	it('ends every order delivered in Tjänsteguiden: none lost', () => {
		expect(outcome.notDelivered).toEqual([]);
		expect(outcome.deliveredAtEnd).toBe(ORDERS);
	});

	it('places exactly one ON-API order per spReference: none activated twice, none left without', () => {
		const perOrder = onApiOrdersPerOrder();
		expect([...perOrder.entries()].filter(([, count]) => count !== 1).map(([id, count]) => `${id}: ${count}`)).toEqual([]);
	});

	it('leaves every order one row in the shared tracking table, in a final state', () => {
		const perOrder = new Map<string, Array<Record<string, unknown>>>();
		for (const row of rows) perOrder.set(String(row.tgOrderId), [...(perOrder.get(String(row.tgOrderId)) ?? []), row]);
		expect(rows).toHaveLength(ORDERS);
		const wrong = backlog
			.map((id) => ({ id, rows: perOrder.get(String(id)) ?? [] }))
			.filter(({ rows: own }) => own.length !== 1 || !FINAL_STATES.includes(String(own[0]!.state)) || own[0]!.needsFollowUp !== false)
			.map(({ id, rows: own }) => `${id}: ${own.map((row) => `${String(row.state)}${row.needsFollowUp ? ' (flagged)' : ''}`).join(', ') || 'no row'}`);
		expect(wrong).toEqual([]);
	});

	it('ran executions on both workers, which wrote the same rows of the one table', () => {
		const names = cluster!.workers.map(workerName);
		expect(names.map((name) => ({ name, ran: (outcome.executionsByWorker[name] ?? 0) > 0 }))).toEqual(names.map((name) => ({ name, ran: true })));
		// Each worker's executions wrote rows, and some row was written by executions of both workers
		// (e.g. inserted by an intake on one and updated to `delivered` by a completion on the other).
		const writers = rowWriters();
		for (const name of names) expect({ name, wroteRows: [...writers.values()].some((set) => set.has(name)) }).toEqual({ name, wroteRows: true });
		expect(outcome.rowsWrittenByBoth).toBeGreaterThan(0);
	});

	it('polls both triggers on the main process only', () => {
		expect(pollsIn(cluster!.server.readLog())).toEqual(expect.arrayContaining(['tjansteguidenTrigger', 'onApiTrigger']));
		for (const worker of cluster!.workers) expect({ worker: workerName(worker), polls: pollsIn(worker.readLog()) }).toEqual({ worker: workerName(worker), polls: [] });
	});

	it('fails no execution but the killed one, and no trigger poll (every access is free and every product mapped: no "Needs a person")', () => {
		const { ranNodes, triggerOnly } = failures();
		// A poll that fails is a failed run of the trigger alone: there must be none (as in the week test).
		expect(triggerOnly).toEqual([]);
		expect(ranNodes).toEqual([]);
	});
});
