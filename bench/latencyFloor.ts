/**
 * The latency floor of a drain: the shortest time its API calls could take if n8n itself cost
 * nothing. Calls are grouped into stages (a node's calls of one kind); a stage of `calls` at
 * `concurrency` needs ceil(calls / concurrency) round trips of `latency`, and stages follow one
 * another (n8n runs one node at a time). When the operator takes time to carry out an order, the
 * waits the workflow must sit through are part of the floor too.
 *
 *   floor = latency × Σ ceil(calls_stage / concurrency_stage) + operator waits
 *
 * A backlog bigger than the trigger's Max Orders per Poll arrives in batches a minute apart; then
 * the floor is the waits between polls plus the last batch's share of the calls.
 *
 * The template's nodes use the concurrency their descriptions give (see nodeConcurrency.ts); the
 * baseline's HTTP Request nodes send all their items at once, so each of its stages is one round trip.
 */
import { demoOperatorNamed } from '../e2e/lib/sandbox-credentials';
import type { ApiCall } from './apiCalls';
import { OPERATORS, type OperatorSpeed } from './benchSandbox';
import { maxOrdersPerPoll, triggerNode, type BenchWorkflow, type WorkflowNode } from './benchWorkflows';
import { nodeConcurrency } from './nodeConcurrency';

export interface FloorStage {
	label: string;
	calls: number;
	concurrency: number;
	roundTrips: number;
}

export interface LatencyFloor {
	ms: number;
	stages: FloorStage[];
	operatorWaitMs: number;
	/** A backlog larger than the trigger's Max Orders per Poll waits for the trigger's schedule. */
	pollWaitMs: number;
}

function operatorOfNode(node: WorkflowNode): string | undefined {
	const name = Object.values(node.credentials ?? {})[0]?.name ?? node.name;
	return demoOperatorNamed(name)?.coId;
}

function stage(label: string, calls: number, concurrency: number): FloorStage {
	const limit = Math.max(1, concurrency);
	return { label, calls, concurrency: limit, roundTrips: Math.ceil(calls / limit) };
}

/** The template's trigger polls every minute. */
const POLL_INTERVAL_MS = 60_000;

function total(stages: FloorStage[], latencyMs: number, operatorWaitMs: number, polls = 1): LatencyFloor {
	const kept = stages.filter((entry) => entry.calls > 0);
	const workMs = latencyMs * kept.reduce((sum, entry) => sum + entry.roundTrips, 0) + operatorWaitMs;
	// Batches overlap: while one batch runs, the trigger waits for its next poll. What is left at the
	// end is the waits between polls plus the last batch's share of the work.
	const pollWaitMs = (polls - 1) * POLL_INTERVAL_MS;
	return { ms: polls > 1 ? pollWaitMs + workMs / polls : workMs, stages: kept, operatorWaitMs, pollWaitMs };
}


function count(calls: readonly ApiCall[], predicate: (call: ApiCall) => boolean): number {
	return calls.filter((call) => !call.login && predicate(call)).length;
}

/** Waiting time per order for a node that re-reads the order every `pollMs` until it is done. */
function waitPerOrder(speed: OperatorSpeed, pollMs: number): number {
	if (speed.kind === 'immediate') return 0;
	return Math.ceil(speed.doneAfterMs / pollMs) * pollMs;
}

/**
 * The template's floor for the calls of one drain (from the poll that lists the backlog to the
 * last `delivered`): the trigger's listing and enrichment, then each action node in turn.
 */
export function templateFloor(
	workflow: BenchWorkflow,
	calls: readonly ApiCall[],
	latencyMs: number,
	speed: OperatorSpeed,
	orders: number,
): LatencyFloor {
	const nodes = workflow.json.nodes;
	const trigger = nodes.find((node) => node.type.endsWith('.tjansteguidenTrigger'));
	if (!trigger) throw new Error('the template has no Tjänsteguiden trigger');
	const tg = (call: ApiCall) => call.simulator === 'tjansteguiden';
	const polls = Math.ceil(orders / maxOrdersPerPoll(workflow.json));
	const stages: FloorStage[] = [
		stage('trigger: orders', Math.min(polls, count(calls, (call) => tg(call) && call.operation === 'orders')), 1),
		stage(
			'trigger: order_info + customer_info',
			count(calls, (call) => tg(call) && (call.operation === 'order_info' || call.operation === 'customer_info')),
			nodeConcurrency(trigger).concurrency,
		),
	];
	let operatorWaitMs = 0;
	for (const node of nodes) {
		if (node.type.endsWith('.tjansteguiden')) {
			const operation = node.parameters.operation === 'setStatus' ? `set_status:${String(node.parameters.status)}` : 'add_message';
			stages.push(stage(`${node.name}: ${operation}`, count(calls, (call) => tg(call) && call.operation === operation), nodeConcurrency(node).concurrency));
		} else if (node.type.endsWith('.onApi')) {
			const coId = operatorOfNode(node);
			const { concurrency } = nodeConcurrency(node);
			const orders = count(calls, (call) => call.simulator === 'onapi' && call.coId === coId && call.operation === 'POST orders/');
			stages.push(stage(`${node.name}: ON-API`, count(calls, (call) => call.simulator === 'onapi' && call.coId === coId), concurrency));
			const waitOptions = (node.parameters.waitOptions ?? {}) as Record<string, unknown>;
			const pollMs = Number(waitOptions.pollIntervalSeconds ?? 10) * 1000;
			operatorWaitMs += Math.ceil(orders / concurrency) * waitPerOrder(speed, pollMs);
		}
	}
	return total(stages, latencyMs, operatorWaitMs, polls);
}

/** The baseline sends each HTTP Request node's items at once: one round trip per stage and loop pass. */
export function baselineFloor(workflow: BenchWorkflow, calls: readonly ApiCall[], latencyMs: number, speed: OperatorSpeed): LatencyFloor {
	const groups = new Map<string, number>();
	for (const call of calls) {
		if (call.login) continue;
		const key = call.simulator === 'onapi' ? `${call.coId ?? ''} ${call.operation}` : call.operation;
		groups.set(key, (groups.get(key) ?? 0) + 1);
	}
	const stages: FloorStage[] = [stage('Log in', calls.some((call) => call.login) ? 1 : 0, 1)];
	let operatorWaitMs = 0;
	const waitNode = workflow.json.nodes.find((node) => node.type === 'n8n-nodes-base.wait');
	const waitMs = Number(waitNode?.parameters.amount ?? 5) * 1000;
	for (const [key, callCount] of groups) {
		if (key.endsWith('GET orders/{id}')) {
			const posts = groups.get(key.replace('GET orders/{id}', 'POST orders/')) ?? callCount;
			stages.push(stage(key, callCount, Math.max(1, posts)));
		} else {
			stages.push(stage(key, callCount, callCount));
		}
		if (key.endsWith('POST orders/')) operatorWaitMs += waitPerOrder(speed, waitMs);
	}
	return total(stages, latencyMs, operatorWaitMs);
}

/**
 * The floor of a life-cycle run's intake: from the poll that lists the backlog to the last order
 * set `active`, in batches of the trigger's Max Orders per Poll a minute apart. The template's
 * intake nodes use their concurrency; the baseline's HTTP Request nodes send a batch's items at
 * once, or `batchSize` at a time when batched. Data Table reads and writes cost no API call.
 */
export function lifecycleIntakeFloor(
	workflow: BenchWorkflow,
	calls: readonly ApiCall[],
	latencyMs: number,
	orders: number,
	batchSize?: number,
): LatencyFloor {
	const nodes = workflow.json.nodes;
	const trigger = triggerNode(workflow.json);
	const polls = Math.ceil(orders / maxOrdersPerPoll(workflow.json));
	const tg = (operation: string) => (call: ApiCall) => call.simulator === 'tjansteguiden' && call.operation === operation;
	const onApi = (operation: string) => (call: ApiCall) => call.simulator === 'onapi' && call.operation === operation;
	const stages: FloorStage[] = [
		stage('trigger: orders', Math.min(polls, count(calls, tg('orders'))), 1),
		stage('trigger: order_info + customer_info', count(calls, (call) => tg('order_info')(call) || tg('customer_info')(call)), nodeConcurrency(trigger).concurrency),
	];
	if (workflow.kind === 'template') {
		const byName = (name: string) => {
			const node = nodes.find((candidate) => candidate.name === name);
			if (!node) throw new Error(`the life-cycle template has no node "${name}"`);
			return nodeConcurrency(node).concurrency;
		};
		// "Services" and "Our subscriptions" each ask once per order: 2.6 services/ and subscriptions/, 2.4/2.5 both the access.
		const accessChecks = count(calls, (call) => ['GET services/{id}', 'GET subscriptions/{id}', 'GET accesses/{id}'].some((operation) => onApi(operation)(call)));
		stages.push(
			stage('Received', count(calls, tg('set_status:received')), byName('Received')),
			stage('Services', Math.ceil(accessChecks / 2), byName('Services')),
			stage('Our subscriptions', Math.floor(accessChecks / 2), byName('Our subscriptions')),
			stage('Activate', count(calls, onApi('POST orders/')), byName('Activate')),
			stage('Active', count(calls, tg('set_status:active')), byName('Active')),
		);
	} else {
		// One login per poll, then each HTTP Request node's calls of a batch at once (or batchSize at a time).
		// Each operator has its own Activate and Mark-as-active nodes; each accepted order is marked active once.
		const perBatch = (label: string, calls: number) => stage(label, calls, batchSize ?? Math.ceil(calls / polls));
		stages.push(stage('Log in', Math.min(polls, calls.filter((call) => call.login && call.simulator === 'tjansteguiden').length), 1));
		stages.push(perBatch('Mark as received', count(calls, tg('set_status:received'))));
		for (const coId of OPERATORS) {
			const placed = count(calls, (call) => onApi('POST orders/')(call) && call.coId === coId);
			stages.push(perBatch(`Activate at ${coId}`, placed), perBatch(`Mark as active (${coId})`, placed));
		}
	}
	return total(stages, latencyMs, 0, polls);
}
