/** The benchmark's printed result: Markdown tables (pasted as is into docs/performance.md) and the machine. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { n8nHostDir } from '../e2e/lib/paths';
import type { DrainResult } from './drainRun';
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
