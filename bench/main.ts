/**
 * `npm run bench`: how fast the template drains a backlog of orders in a real n8n against the
 * sandbox (with latency on every call), next to a hand-built baseline workflow and the latency
 * floor; the life-cycle runs (issue 13: 1,000 orders from intake to delivered, operators taking
 * 1 minute to 2 hours, beside a Wait-node baseline); and the trigger's own figures. It measures and prints; it never fails on speed. It exits
 * non-zero only when a run could not be carried out or did not deliver every order.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAndPack } from '../e2e/lib/community-package';
import { ensureN8nHost } from '../e2e/lib/n8n-host';
import { e2eWorkDir, repoRoot } from '../e2e/lib/paths';
import type { OperatorSpeed } from './benchSandbox';
import { maxOrdersPerPoll, shippedTemplateJson } from './benchWorkflows';
import { runDrain, type DrainResult, type DrainScenario } from './drainRun';
import { failedLifecycle, lifecycleIntakeConcurrency, runLifecycle, type LifecycleResult, type LifecycleScenario } from './lifecycleRun';
import { parseOptions, usage } from './options';
import { measureOnApiTrigger } from './onApiTriggerFigures';
import {
	callsTable,
	drainTable,
	floorDetails,
	lifecycleCallsTable,
	lifecycleFloorDetails,
	lifecycleProblems,
	lifecycleTable,
	machineDescription,
	onApiTriggerTable,
	problemsList,
	triggerTable,
} from './report';
import { measureTrigger } from './triggerFigures';

const say = (line: string) => process.stderr.write(`${line}\n`);
const resultsDir = path.join(e2eWorkDir, 'bench-results');


/** The sandbox's default operator: IN_PROGRESS after 2 s, DONE after 5 s. */
const DEFAULT_OPERATOR: OperatorSpeed = { kind: 'delayed', inProgressAfterMs: 2000, doneAfterMs: 5000 };

async function main(): Promise<number> {
	const parsed = parseOptions(process.argv.slice(2));
	if (parsed === 'help') {
		console.log(usage);
		return 0;
	}
	const options = parsed;
	const started = Date.now();
	const trigger = options.onlyLifecycle ? undefined : await measureTrigger({ latencyMs: options.latencyMs, enrichOrders: options.enrichOrders, stateOrders: options.stateOrders });
	const onApiTrigger = options.onlyLifecycle ? undefined : await measureOnApiTrigger();

	const drains: DrainResult[] = [];
	const lifecycles: LifecycleResult[] = [];
	const lifecycleWanted = options.lifecycleOrders > 0 && options.lifecycleRuns.length > 0;
	if (!options.triggerOnly && (!options.onlyLifecycle || lifecycleWanted)) {
		await ensureN8nHost(say);
		say('Packing the package (built by bench/run.sh) ...');
		const packed = await buildAndPack({ packageDir: repoRoot, destinationDir: path.join(e2eWorkDir, 'bench-package'), skipBuild: true });
		const scenarios: Array<[string, DrainScenario]> = [];
		const shippedMaxOrdersPerPoll = maxOrdersPerPoll(shippedTemplateJson());
		for (const orders of options.sizes) {
			scenarios.push([`template-${orders}`, { kind: 'template', orders, speed: { kind: 'immediate' }, latencyMs: options.latencyMs }]);
			// A backlog bigger than the template's Max Orders per Poll is also run in one poll.
			if (orders > shippedMaxOrdersPerPoll) {
				scenarios.push([
					`template-${orders}-one-poll`,
					{ kind: 'template', orders, maxOrdersPerPoll: orders, speed: { kind: 'immediate' }, latencyMs: options.latencyMs },
				]);
			}
			// What the nodes can do where the APIs accept it: one poll, every node at its most concurrency.
			scenarios.push([
				`template-${orders}-max-concurrency`,
				{ kind: 'template', orders, maxOrdersPerPoll: orders > shippedMaxOrdersPerPoll ? orders : undefined, maxConcurrency: true, speed: { kind: 'immediate' }, latencyMs: options.latencyMs },
			]);
			// The fewest Tjänsteguiden calls per order: the trigger without customer_info.
			scenarios.push([
				`template-${orders}-no-customer-details`,
				{ kind: 'template', orders, withoutCustomerDetails: true, speed: { kind: 'immediate' }, latencyMs: options.latencyMs },
			]);
			if (options.baseline) scenarios.push([`baseline-${orders}`, { kind: 'baseline', orders, speed: { kind: 'immediate' }, latencyMs: options.latencyMs }]);
		}
		if (options.operatorDelayOrders > 0) {
			const orders = options.operatorDelayOrders;
			scenarios.push([`template-operator-${orders}`, { kind: 'template', orders, speed: DEFAULT_OPERATOR, latencyMs: options.latencyMs }]);
			if (options.baseline) scenarios.push([`baseline-operator-${orders}`, { kind: 'baseline', orders, speed: DEFAULT_OPERATOR, latencyMs: options.latencyMs }]);
		}
		if (options.onlyLifecycle) scenarios.length = 0;
		for (const [label, scenario] of scenarios) {
			try {
				drains.push(await runDrain(label, scenario, packed));
			} catch (error) {
				say(`[${label}] failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
				drains.push({
					scenario,
					complete: false,
					problems: [`the run failed: ${error instanceof Error ? error.message : String(error)}`],
					delivered: 0,
					waiting: 0,
					window: { calls: {}, logins: {}, byOperation: {} },
					logins: {},
					executions: {},
					memory: { treeMiB: 0, largestProcessMiB: 0, samples: 0 },
					repeatedOrders: 0,
					repeatedActivations: 0,
				});
			}
		}
		if (lifecycleWanted) {
			const batchSize = lifecycleIntakeConcurrency();
			for (const kind of options.lifecycleRuns) {
				const scenario: LifecycleScenario = {
					kind,
					orders: options.lifecycleOrders,
					latencyMs: options.latencyMs,
					...(kind === 'baseline-batched' ? { batchSize } : {}),
				};
				const label = `lifecycle-${kind}-${scenario.orders}`;
				try {
					lifecycles.push(await runLifecycle(label, scenario, packed));
				} catch (error) {
					say(`[${label}] failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
					lifecycles.push(failedLifecycle(scenario, error));
				}
			}
		}
	}

	const when = new Date().toISOString();
	const sections = [
		`Benchmark of ${when} on ${machineDescription()}; ${options.latencyMs} ms added to every API call; took ${Math.round((Date.now() - started) / 60_000)} min.`,
		...(drains.length > 0 ? [drainTable(drains), callsTable(drains), `Latency floors (calls/concurrency→round trips):\n${floorDetails(drains)}`] : []),
		...(lifecycles.length > 0 ? [lifecycleTable(lifecycles), lifecycleCallsTable(lifecycles), lifecycleFloorDetails(lifecycles)] : []),
		...(trigger ? [triggerTable(trigger)] : []),
		...(onApiTrigger ? [onApiTriggerTable(onApiTrigger)] : []),
		problemsList(drains),
		lifecycleProblems(lifecycles),
	].filter((section) => section !== '');
	const markdown = sections.join('\n\n');
	console.log(`\n${markdown}\n`);
	mkdirSync(resultsDir, { recursive: true });
	const stamp = when.replace(/[:.]/g, '-');
	writeFileSync(path.join(resultsDir, `${stamp}.md`), `${markdown}\n`);
	writeFileSync(path.join(resultsDir, `${stamp}.json`), JSON.stringify({ when, machine: machineDescription(), options, drains, lifecycles, trigger, onApiTrigger }, null, 2));
	say(`Saved to ${path.relative(repoRoot, path.join(resultsDir, `${stamp}.md`))} (and .json)`);
	// Speed never fails the run; a run that could not be carried out, or left orders undelivered, does.
	return drains.every((drain) => drain.complete) && lifecycles.every((run) => run.delivered === run.scenario.orders && run.executions !== undefined) ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error instanceof Error ? error.stack ?? error.message : error);
		process.exit(1);
	},
);
