/** Command line of `npm run bench`. Every figure the benchmark prints comes from one run with these. */
import type { LifecycleKind } from './benchWorkflows';

export interface BenchOptions {
	/** Extra delay the sandbox adds to every API call, both APIs (ms). */
	latencyMs: number;
	/** Backlog sizes drained through the template and the baseline. */
	sizes: number[];
	/** Orders of the extra run where the operator takes its default 5 s per order (0: skip). */
	operatorDelayOrders: number;
	/** Skip the baseline workflow (quicker, but without the comparison). */
	baseline: boolean;
	/** Skip the real-n8n drains and print only the trigger figures. */
	triggerOnly: boolean;
	/** Orders in the trigger's state-size simulation. */
	stateOrders: number;
	/** Orders of the trigger's enrichment figure. */
	enrichOrders: number;
	/** Orders of the life-cycle runs (0: skip them). */
	lifecycleOrders: number;
	/** Which life-cycle runs: the template, the baseline as it is, the baseline batched. */
	lifecycleRuns: LifecycleKind[];
	/** Only the life-cycle runs: no drains, no in-process trigger figures. */
	onlyLifecycle: boolean;
}

const LIFECYCLE_KINDS: readonly LifecycleKind[] = ['template', 'baseline', 'baseline-batched'];

const defaults: BenchOptions = {
	latencyMs: 50,
	sizes: [100, 1000],
	operatorDelayOrders: 20,
	baseline: true,
	triggerOnly: false,
	stateOrders: 100_000,
	enrichOrders: 500,
	lifecycleOrders: 1000,
	lifecycleRuns: [...LIFECYCLE_KINDS],
	onlyLifecycle: false,
};

export const usage = `Usage: npm run bench -- [options]
  --latency <ms>          delay added to every API call (default ${defaults.latencyMs})
  --sizes <n,n>           backlog sizes, at most 1000 each (default ${defaults.sizes.join(',')})
  --operator-delay <n>    orders of the run where the operator takes 5 s per order (default ${defaults.operatorDelayOrders}, 0 skips it)
  --no-baseline           do not run the hand-built baseline workflow
  --trigger-only          only the in-process trigger figures (no n8n)
  --state-orders <n>      orders of the trigger state simulation (default ${defaults.stateOrders})
  --enrich-orders <n>     orders of the trigger enrichment figure (default ${defaults.enrichOrders})
  --lifecycle-orders <n>  orders of the life-cycle runs, operators taking 1 min to 2 h (default ${defaults.lifecycleOrders}, 0 skips them)
  --lifecycle-runs <list> which of ${LIFECYCLE_KINDS.join(',')} (default all; --no-baseline keeps only the template)
  --only-lifecycle        only the life-cycle runs (no drains, no trigger figures)`;

function positiveInteger(flag: string, text: string | undefined, allowZero = false): number {
	const value = Number(text);
	if (text === undefined || !Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
		throw new Error(`${flag} needs a ${allowZero ? 'non-negative' : 'positive'} whole number, got ${text ?? 'nothing'}`);
	}
	return value;
}

export function parseOptions(args: readonly string[]): BenchOptions | 'help' {
	const options: BenchOptions = { ...defaults, sizes: [...defaults.sizes], lifecycleRuns: [...defaults.lifecycleRuns] };
	for (let index = 0; index < args.length; index++) {
		const [flag, inline] = (args[index] as string).split(/=(.*)/s, 2) as [string, string | undefined];
		const value = () => inline ?? args[++index];
		switch (flag) {
			case '--latency':
				options.latencyMs = positiveInteger(flag, value(), true);
				break;
			case '--sizes':
				options.sizes = String(value() ?? '')
					.split(',')
					.map((part) => positiveInteger(flag, part.trim()));
				if (options.sizes.some((size) => size > 1000)) throw new Error('--sizes: at most 1000 (the trigger emits at most 1000 orders per poll)');
				break;
			case '--operator-delay':
				options.operatorDelayOrders = positiveInteger(flag, value(), true);
				break;
			case '--no-baseline':
				options.baseline = false;
				break;
			case '--trigger-only':
				options.triggerOnly = true;
				break;
			case '--state-orders':
				options.stateOrders = positiveInteger(flag, value());
				break;
			case '--enrich-orders':
				options.enrichOrders = positiveInteger(flag, value());
				break;
			case '--lifecycle-orders':
				options.lifecycleOrders = positiveInteger(flag, value(), true);
				break;
			case '--lifecycle-runs': {
				const runs = String(value() ?? '').split(',').map((part) => part.trim());
				const unknown = runs.find((run) => !(LIFECYCLE_KINDS as readonly string[]).includes(run));
				if (unknown !== undefined) throw new Error(`--lifecycle-runs: "${unknown}" is not one of ${LIFECYCLE_KINDS.join(', ')}`);
				options.lifecycleRuns = runs as LifecycleKind[];
				break;
			}
			case '--only-lifecycle':
				options.onlyLifecycle = true;
				break;
			case '--help':
			case '-h':
				return 'help';
			default:
				throw new Error(`Unknown argument: ${args[index] as string}\n${usage}`);
		}
	}
	if (!options.baseline) options.lifecycleRuns = options.lifecycleRuns.filter((run) => run === 'template');
	return options;
}
