/**
 * The template on n8n in queue mode: PostgreSQL and Redis from the machine's Debian packages,
 * started by the test on loopback; one main process and two workers, each with the package in its
 * own user folder; a backlog of 1,000 orders with latency on every API call. One worker is killed
 * (SIGKILL, as a crash or an OOM kill would) while it runs an execution, and started again.
 *
 * n8n marks the killed execution failed and does not run it again (n8n 2.41.1). Its orders stay
 * `received` in Tjänsteguiden; the trigger's "Emit Again If Unfinished After" emits them again and
 * the template finishes them, while the operator recognises the repeated spReference, so no access
 * is activated twice. The template ships with 30 minutes; this test sets 5 to stay short.
 *
 * Needs Debian's postgresql and redis-server (not started; the test starts its own): npm test installs
 * them when run as root, else `sudo bash .ci/e2e-system-packages.sh`.
 * Run alone: npx jest test/e2e/queue-mode.e2e.test.ts --selectProjects=e2e (about 15 minutes).
 * QUEUE_MODE_ORDERS changes the backlog size. The figures go to .e2e-work/queue-mode-result.json.
 */
import path from 'node:path';
import { apiCallsSince, countCalls, lastSeq } from '../../bench/apiCalls';
import { countOrders, createBacklog, OPERATORS, startBenchSandbox, type BenchSandbox } from '../../bench/benchSandbox';
import { templateWorkflow } from '../../bench/benchWorkflows';
import { defaultApiKeyScopes } from '../../e2e/lib/n8n-owner';
import type { ExecutionDetail } from '../../e2e/lib/n8n-public-api';
import { e2eWorkDir } from '../../e2e/lib/paths';
import { preparedPackage } from '../../e2e/lib/prepared-package';
import { waitFor } from '../../e2e/lib/wait-for';
import { startQueueCluster, type QueueCluster } from '../../e2e/queue-mode/n8n-queue-cluster';
import { pollsIn } from '../../e2e/queue-mode/poll-log';
import { emittedAgainIn, stopQueueRun, writeRunFigures } from '../../e2e/queue-mode/queue-run';
import { startQueueServices, type QueueServices } from '../../e2e/queue-mode/queue-services';
import { killAndRestart, QUICK_RECOVERY_ENV, workerInMidRun } from '../../e2e/queue-mode/worker-crash';
import { executionsPerWorker, workerName } from '../../e2e/queue-mode/worker-executions';

const ORDERS = Number(process.env.QUEUE_MODE_ORDERS ?? 1000);
const LATENCY_MS = 50;
/** Several executions of 100 orders, so that they spread over the workers. */
const MAX_ORDERS_PER_POLL = 100;
/** "Emit Again If Unfinished After" for this run: well above an execution here, short for a test. */
const EMIT_AGAIN_AFTER_MINUTES = 5;
/** No API call but idle polls for this long, and no execution running: the cluster has done what it will. */
const QUIET_MS = (EMIT_AGAIN_AFTER_MINUTES + 2) * 60_000;
const resultFile = path.join(e2eWorkDir, 'queue-mode-result.json');

const say = (line: string) => process.stderr.write(`queue-mode: ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the template on n8n in queue mode (main + 2 workers, PostgreSQL, Redis), with a worker killed mid-run', () => {
	let services: QueueServices | undefined;
	let world: BenchSandbox | undefined;
	let cluster: QueueCluster | undefined;
	let workflowId: string;
	let backlog: number[] = [];
	const outcome = {
		orders: ORDERS,
		latencyMs: LATENCY_MS,
		maxOrdersPerPoll: MAX_ORDERS_PER_POLL,
		emitAgainAfterMinutes: EMIT_AGAIN_AFTER_MINUTES,
		killedWorker: '',
		killedExecution: '',
		/** What n8n made of the killed execution. */
		killedExecutionStatus: '',
		crashedExecutions: [] as string[],
		/** Orders marked received more than once: the workflow ran for them twice or more. */
		ordersRunTwice: 0,
		/** Orders the trigger emitted again (its poll log's `emittedAgain`, summed). */
		emittedAgain: 0,
		/** Backlog created → last order delivered. */
		wallMs: 0,
		/** Listing of the backlog → last `delivered` (the bench's "drain"). */
		drainMs: 0,
		deliveredAtEnd: 0,
		executionsByWorker: {} as Record<string, number>,
		apiCalls: {} as ReturnType<typeof countCalls>,
	};

	async function executions(): Promise<ExecutionDetail[]> {
		return await cluster!.api.listExecutions({ workflowId });
	}

	/** Waits until every order is delivered, or nothing but idle polls happens and no execution runs. */
	async function settle(label: string, timeoutMs: number): Promise<number> {
		let lastProgressSeq = lastSeq(world!.sandbox);
		let lastProgressAt = Date.now();
		const deadline = Date.now() + timeoutMs;
		let lastReport = 0;
		let lastReported = -1;
		while (Date.now() < deadline) {
			const delivered = await countOrders(world!, 'delivered');
			if (delivered >= ORDERS) return delivered;
			const work = apiCallsSince(world!.sandbox, lastProgressSeq).filter((call) => call.operation !== 'orders');
			if (work.length > 0) {
				lastProgressSeq = Math.max(...work.map((call) => call.seq));
				lastProgressAt = Date.now();
			}
			// At most every 30 s, and only when the count moved: a quiet cluster prints nothing.
			if (Date.now() - lastReport > 30_000 && delivered !== lastReported) {
				say(`${label}: ${delivered}/${ORDERS} delivered`);
				lastReport = Date.now();
				lastReported = delivered;
			}
			if (Date.now() - lastProgressAt > QUIET_MS) {
				const busy = (await executions()).filter((execution) => ['new', 'running', 'waiting'].includes(execution.status));
				if (busy.length === 0) return delivered;
			}
			await sleep(2000);
		}
		return await countOrders(world!, 'delivered');
	}

	beforeAll(async () => {
		const packed = preparedPackage();
		services = await startQueueServices('queue-mode');
		world = await startBenchSandbox(LATENCY_MS, { kind: 'immediate' });
		const workflow = templateWorkflow(world.sandbox.url, {
			maxOrdersPerPoll: MAX_ORDERS_PER_POLL,
			emitAgainAfterMinutes: EMIT_AGAIN_AFTER_MINUTES,
		});
		workflowId = workflow.json.id;
		cluster = await startQueueCluster({
			name: 'queue-mode',
			packed,
			workflow,
			postgres: services.postgres,
			redis: services.redis,
			workers: 2,
			workerConcurrency: 5,
			apiKeyScopes: defaultApiKeyScopes,
			extraEnv: { N8N_LOG_LEVEL: 'debug', ...QUICK_RECOVERY_ENV },
		});
		expect((await cluster.api.getWorkflow(workflowId)).active).toBe(true);
		await waitFor(
			"the trigger's first poll",
			async () => (apiCallsSince(world!.sandbox, 0).some((call) => call.operation === 'orders' && call.status !== undefined) ? true : undefined),
			{ timeoutMs: 180_000 },
		);

		const beforeBacklog = lastSeq(world.sandbox);
		backlog = await createBacklog(world, ORDERS);
		const backlogAt = Date.now();
		say(`${ORDERS} orders created; waiting for a worker to be in the middle of an execution`);

		// Once the execution has begun marking its orders received.
		const victim = await workerInMidRun(cluster.workers, () => apiCallsSince(world!.sandbox, beforeBacklog).filter((call) => call.operation === 'set_status:received').length >= 3);
		outcome.killedWorker = workerName(victim.worker);
		outcome.killedExecution = victim.executionId;
		say(`killing ${outcome.killedWorker} (SIGKILL) while it runs execution ${victim.executionId}`);
		await killAndRestart(victim.worker);
		say('worker restarted');

		outcome.deliveredAtEnd = await settle('after the kill', 40 * 60_000);
		const afterKill = await executions();
		outcome.killedExecutionStatus = afterKill.find((execution) => String(execution.id) === outcome.killedExecution)?.status ?? 'not found';
		outcome.crashedExecutions = afterKill
			.filter((execution) => execution.status === 'crashed' || execution.status === 'error')
			.map((execution) => String(execution.id));

		const calls = apiCallsSince(world.sandbox, beforeBacklog);
		const delivered = calls.filter((call) => call.operation === 'set_status:delivered');
		const firstDetail = calls.find((call) => call.operation === 'order_info');
		const listing = firstDetail ? [...calls].reverse().find((call) => call.seq < firstDetail.seq && call.operation === 'orders') : undefined;
		const lastDelivered = delivered.length > 0 ? Math.max(...delivered.map((call) => call.answeredAt)) : Date.now();
		outcome.wallMs = lastDelivered - backlogAt;
		outcome.drainMs = listing ? lastDelivered - listing.arrivedAt : 0;
		outcome.apiCalls = countCalls(calls);
		const received = new Map<string, number>();
		for (const call of calls) if (call.operation === 'set_status:received' && call.id) received.set(call.id, (received.get(call.id) ?? 0) + 1);
		outcome.ordersRunTwice = [...received.values()].filter((count) => count > 1).length;
		outcome.emittedAgain = emittedAgainIn(cluster.server.readLog());
		outcome.executionsByWorker = executionsPerWorker(cluster.workers);
		say(`result: ${JSON.stringify(outcome)}`);
	}, 60 * 60_000);

	afterAll(async () => {
		writeRunFigures(resultFile, outcome);
		await stopQueueRun({ cluster, sandbox: world, services });
	}, 5 * 60_000);

	/** ACTIVATE orders per backlog access at the operators. */
	function activationsPerAccess(): Map<string, number> {
		const perAccess = new Map<string, number>();
		for (const coId of OPERATORS) {
			for (const order of world!.onApi.state(coId).operators[coId]!.orders) {
				if (order.accessId.includes('-BENCH') && order.operation === 'ACTIVATE') perAccess.set(order.accessId, (perAccess.get(order.accessId) ?? 0) + 1);
			}
		}
		return perAccess;
	}

	it('killed a worker in the middle of an execution, which n8n then marked failed', () => {
		expect(outcome.killedExecution).not.toBe('');
		expect(['crashed', 'error']).toContain(outcome.killedExecutionStatus);
	});

	it('ran executions on both workers', () => {
		expect(Object.values(outcome.executionsByWorker).filter((count) => count > 0)).toHaveLength(2);
	});

	it('polls on the main process only', () => {
		expect(pollsIn(cluster!.server.readLog())).toContain('tjansteguidenTrigger');
		for (const worker of cluster!.workers) expect({ worker: workerName(worker), polls: pollsIn(worker.readLog()) }).toEqual({ worker: workerName(worker), polls: [] });
	});

	it('never activates an order twice at its operator, nor leaves two subscriptions on an access', () => {
		const perAccess = activationsPerAccess();
		expect(perAccess.size).toBeGreaterThan(0);
		expect([...perAccess.entries()].filter(([, count]) => count !== 1)).toEqual([]);
		const subscriptions = new Map<string, number>();
		for (const coId of OPERATORS) {
			for (const subscription of world!.onApi.state(coId).operators[coId]!.subscriptions) {
				if (subscription.accessId.includes('-BENCH') && !subscription.ended) subscriptions.set(subscription.accessId, (subscriptions.get(subscription.accessId) ?? 0) + 1);
			}
		}
		expect([...subscriptions.entries()].filter(([, count]) => count !== 1)).toEqual([]);
	});

	it('finishes every order of the backlog after the worker died: each activated once and delivered', async () => {
		expect(activationsPerAccess().size).toBe(backlog.length);
		expect(await countOrders(world!, 'delivered')).toBe(ORDERS);
		expect(outcome.deliveredAtEnd).toBe(ORDERS);
	});

	it('emitted again only orders the killed execution had left unfinished', () => {
		// The killed execution held one poll's orders; the trigger emitted those again and no others.
		expect(outcome.emittedAgain).toBeGreaterThan(0);
		expect(outcome.emittedAgain).toBeLessThanOrEqual(MAX_ORDERS_PER_POLL);
		expect(outcome.ordersRunTwice).toBeLessThanOrEqual(outcome.emittedAgain);
	});
});
