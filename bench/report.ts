/** The benchmark's printed result: Markdown tables (pasted as is into docs/performance.md) and the machine. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { n8nHostDir } from '../e2e/lib/paths';
import type { LifecycleKind } from './benchWorkflows';
import type { DrainResult } from './drainRun';
import type { LifecycleResult } from './lifecycleRun';
import type { OnApiTriggerFigures } from './onApiTriggerFigures';
import type { TriggerFigures } from './triggerFigures';

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : (ms / 1000).toFixed(1));
const ratio = (value: number | undefined, base: number | undefined) =>
	value === undefined || base === undefined || base === 0 ? '–' : `${(value / base).toFixed(2)}×`;
const perOrder = (calls: number | undefined, orders: number) => ((calls ?? 0) / orders).toFixed(2);

export function machineDescription(): string {
	const cpus = os.cpus();
	const n8nVersion = (() => {
		try {
			const manifest = JSON.parse(readFileSync(path.join(n8nHostDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
			return manifest.dependencies?.n8n ?? '?';
		} catch {
			return '?';
		}
	})();
	return [
		`${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
		`${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`,
		`${os.type()} ${os.release()}`,
		`Node.js ${process.versions.node}`,
		`n8n ${n8nVersion}`,
	].join(', ');
}

function runLabel(result: DrainResult): string {
	const perPoll = result.scenario.maxOrdersPerPoll;
	const tuning = [
		...(perPoll === undefined ? [] : [`${perPoll} per poll`]),
		...(result.scenario.maxConcurrency ? ['max. concurrency'] : []),
		...(result.scenario.withoutCustomerDetails ? ['no customer details'] : []),
	];
	const workflow = result.scenario.kind === 'baseline' ? 'Baseline' : ['Template', ...tuning].join(', ');
	return result.scenario.speed.kind === 'delayed' ? `${workflow}, operator ${result.scenario.speed.doneAfterMs / 1000} s/order` : workflow;
}

function baselineFor(result: DrainResult, all: DrainResult[]): DrainResult | undefined {
	return all.find(
		(other) =>
			other.scenario.kind === 'baseline' &&
			other.scenario.orders === result.scenario.orders &&
			other.scenario.speed.kind === result.scenario.speed.kind,
	);
}

export function drainTable(results: DrainResult[]): string {
	const lines = [
		'| Run | Orders | Drain (s) | after 1st emit (s) | Latency floor (s) | × floor | × baseline | Tjänsteguiden calls/order | ON-API calls/order | Logins | Orders run twice+ | Peak RSS n8n (MiB) |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const result of results) {
		const orders = result.scenario.orders;
		const baseline = result.scenario.kind === 'template' ? baselineFor(result, results) : undefined;
		const logins = Object.values(result.logins).reduce((sum, count) => sum + count, 0);
		lines.push(
			[
				runLabel(result) + (result.complete ? '' : ' ⚠'),
				orders,
				seconds(result.drainMs),
				seconds(result.afterEmitMs),
				seconds(result.floor?.ms),
				ratio(result.drainMs, result.floor?.ms),
				baseline ? ratio(result.drainMs, baseline.drainMs) : '–',
				perOrder(result.window.calls.tjansteguiden, orders),
				perOrder(result.window.calls.onapi, orders),
				logins,
				result.repeatedOrders,
				Math.round(result.memory.treeMiB),
			].join(' | ').replace(/^/, '| ') + ' |',
		);
	}
	return lines.join('\n');
}

export function callsTable(results: DrainResult[]): string {
	const operations = [...new Set(results.flatMap((result) => Object.keys(result.window.byOperation)))].sort();
	const header = ['| Calls per order (drain window) |', ...results.map((result) => ` ${runLabel(result)}, ${result.scenario.orders} |`)].join('');
	const lines = [header, `|---|${results.map(() => '---:|').join('')}`];
	for (const operation of operations) {
		lines.push(`| ${operation} |${results.map((result) => ` ${perOrder(result.window.byOperation[operation], result.scenario.orders)} |`).join('')}`);
	}
	return lines.join('\n');
}

export function floorDetails(results: DrainResult[]): string {
	return results
		.filter((result) => result.floor)
		.map((result) => {
			const floor = result.floor!;
			const stages = floor.stages.map((stage) => `${stage.label} ${stage.calls}/${stage.concurrency}→${stage.roundTrips}`).join('; ');
			const wait = floor.operatorWaitMs > 0 ? ` + operator waits ${seconds(floor.operatorWaitMs)} s` : '';
			const polls = floor.pollWaitMs > 0 ? `; in batches: ${seconds(floor.pollWaitMs)} s of waits between polls + the last batch's share` : '';
			return `- ${runLabel(result)}, ${result.scenario.orders}: ${result.scenario.latencyMs} ms × (${stages})${wait}${polls} = ${seconds(floor.ms)} s`;
		})
		.join('\n');
}

export function triggerTable(figures: TriggerFigures): string {
	const idleCalls = Object.entries(figures.idle.calls.byOperation).map(([operation, count]) => `${count} × ${operation.replace('tjansteguiden ', '')}`).join(', ') || 'none';
	const idleLogins = Object.values(figures.idle.calls.logins).reduce((sum, count) => sum + count, 0);
	const enrich = figures.enrich;
	const enrichCalls = Object.entries(enrich.calls.byOperation).map(([operation, count]) => `${count} ${operation.replace('tjansteguiden ', '')}`).join(' + ');
	const state = figures.state;
	const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
	return [
		'| Trigger figure | Measured |',
		'|---|---|',
		`| HTTP calls of an idle poll | ${idleCalls}; ${idleLogins} logins |`,
		`| Poll of ${enrich.orders} new orders with details (concurrency ${enrich.concurrency}, ${figures.latencyMs} ms per call) | ${seconds(enrich.ms)} s for ${enrichCalls}; floor ${seconds(enrich.floorMs)} s (${ratio(enrich.ms, enrich.floorMs)}); ${enrich.emitted} emitted |`,
		`| State after ${state.orders.toLocaleString('en-US')} orders (${state.ordersPerDay.toLocaleString('en-US')} a day for ${state.days} days, ${state.emitted.toLocaleString('en-US')} emitted) | ${kib(state.finalBytes)} (largest ${kib(state.largestBytes)}) |`,
		`| State with all ${state.orders.toLocaleString('en-US')} orders inside the trigger's window at once | ${kib(state.oneWindowBytes)} |`,
	].join('\n');
}

export function onApiTriggerTable(figures: OnApiTriggerFigures): string {
	const idle = Object.entries(figures.idle.byOperation).map(([operation, count]) => `${count} × ${operation.replace('onapi ', '')}`).join(', ') || 'none';
	const requests = Object.values(figures.idle.byOperation).reduce((sum, count) => sum + count, 0);
	const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
	const orders = figures.unfinishedOrders.toLocaleString('en-US');
	return [
		'| ON-API Trigger figure | Measured |',
		'|---|---|',
		`| Requests of an idle poll of ${figures.operators} operators | ${requests} (${idle}) |`,
		`| State for ${orders} unfinished orders, numeric order IDs | ${kib(figures.stateBytesNumericIds)} |`,
		`| State for ${orders} unfinished orders, 32-digit hex order IDs | ${kib(figures.stateBytesHexIds)} |`,
	].join('\n');
}

export function problemsList(results: DrainResult[]): string {
	const lines = results.flatMap((result) => result.problems.map((problem) => `- ${runLabel(result)}, ${result.scenario.orders}: ${problem}`));
	return lines.length === 0 ? '' : `Problems:\n${lines.join('\n')}`;
}

const LIFECYCLE_LABELS: Record<LifecycleKind, string> = {
	template: 'Life-cycle template',
	baseline: 'Baseline, Wait node (as it is)',
	'baseline-batched': 'Baseline, Wait node, batched',
};

function lifecycleLabel(result: LifecycleResult): string {
	const batch = result.scenario.batchSize === undefined ? '' : ` (${result.scenario.batchSize} per batch)`;
	return `${LIFECYCLE_LABELS[result.scenario.kind]}${batch}${result.complete ? '' : ' ⚠'}`;
}

/** Tjänsteguiden calls that belong to one order (not the listings of the trigger and of the cancellation check). */
function tgOrderCalls(result: LifecycleResult): number | undefined {
	const calls = result.calls;
	if (!calls) return undefined;
	return (calls.all.calls.tjansteguiden ?? 0) - (calls.all.byOperation['tjansteguiden orders'] ?? 0);
}

export function lifecycleTable(results: LifecycleResult[]): string {
	const lines = [
		'| Life-cycle run | Orders | Delivered | All delivered after (min, sandbox) | Executions | Longest execution (s; target ≤ 60) | Executions > 60 s | Tjänsteguiden calls/order (target ≤ 5) | ON-API placing calls/order (target ≤ 3) | ON-API polling calls/order (trigger / Wait loop) | Cancellation check: listings (ON-API withdrawals) | Peak RSS n8n, tree (main process) (MiB; target ≤ 1024) | Intake drain (s) | Intake floor (s) | × floor (target ≤ 1.3) | × batched baseline (target < 1) |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	const batched = results.find((result) => result.scenario.kind === 'baseline-batched');
	for (const result of results) {
		const orders = result.scenario.orders;
		const calls = result.calls;
		const intake = calls?.intake;
		const cancellation = calls
			? calls.cancellation.told
				? `${calls.cancellation.listings} (${calls.cancellation.withdrawals})`
				: `not told apart (${calls.cancellation.withdrawals})`
			: '–';
		lines.push(
			`| ${[
				lifecycleLabel(result),
				orders,
				result.delivered,
				calls?.lifecycleMs === undefined ? '–' : (calls.lifecycleMs / 60_000).toFixed(0),
				result.executions?.count ?? '–',
				seconds(result.executions?.longestMs),
				result.executions?.overMinute ?? '–',
				calls ? perOrder(tgOrderCalls(result), orders) : '–',
				calls ? perOrder(calls.onApiPlacement, orders) : '–',
				calls ? perOrder(calls.onApiPolling, orders) : '–',
				cancellation,
				result.memory.samples > 0 ? `${Math.round(result.memory.treeMiB)} (${Math.round(result.memory.largestProcessMiB)})` : '–',
				seconds(intake?.drainMs),
				seconds(intake?.floor.ms),
				ratio(intake?.drainMs, intake?.floor.ms),
				result.scenario.kind === 'baseline-batched' ? '–' : ratio(intake?.drainMs, batched?.calls?.intake?.drainMs),
			].join(' | ')} |`,
		);
	}
	return lines.join('\n');
}

export function lifecycleCallsTable(results: LifecycleResult[]): string {
	const withCalls = results.filter((result) => result.calls);
	const operations = [...new Set(withCalls.flatMap((result) => Object.keys(result.calls!.all.byOperation)))].sort();
	const lines = [
		`| Life-cycle calls per order (backlog → end) |${withCalls.map((result) => ` ${lifecycleLabel(result)} |`).join('')}`,
		`|---|${withCalls.map(() => '---:|').join('')}`,
	];
	for (const operation of operations) {
		lines.push(`| ${operation} |${withCalls.map((result) => ` ${perOrder(result.calls!.all.byOperation[operation], result.scenario.orders)} |`).join('')}`);
	}
	for (const simulator of ['tjansteguiden', 'onapi']) {
		lines.push(`| ${simulator} logins (in all) |${withCalls.map((result) => ` ${result.calls!.all.logins[simulator] ?? 0} |`).join('')}`);
	}
	lines.push(`| Tjänsteguiden Trigger listings (in all) |${withCalls.map((result) => ` ${result.calls!.triggerListings} |`).join('')}`);
	lines.push(`| Clock jumps of 5 min after the intake (min moved) |${withCalls.map((result) => ` ${result.jumps} (${result.movedMinutes}) |`).join('')}`);
	return lines.join('\n');
}

export function lifecycleFloorDetails(results: LifecycleResult[]): string {
	const lines = results
		.filter((result) => result.calls?.intake)
		.map((result) => {
			const floor = result.calls!.intake!.floor;
			const stages = floor.stages.map((entry) => `${entry.label} ${entry.calls}/${entry.concurrency}→${entry.roundTrips}`).join('; ');
			const polls = floor.pollWaitMs > 0 ? `; in batches: ${seconds(floor.pollWaitMs)} s of waits between polls + the last batch's share` : '';
			return `- ${lifecycleLabel(result)}, ${result.scenario.orders}: ${result.scenario.latencyMs} ms × (${stages})${polls} = ${seconds(floor.ms)} s`;
		});
	return lines.length === 0 ? '' : `Intake latency floors (calls/concurrency→round trips):\n${lines.join('\n')}`;
}

export function lifecycleProblems(results: LifecycleResult[]): string {
	const lines = results.flatMap((result) => result.problems.map((problem) => `- ${lifecycleLabel(result)}, ${result.scenario.orders}: ${problem}`));
	return lines.length === 0 ? '' : `Life-cycle problems:\n${lines.join('\n')}`;
}
