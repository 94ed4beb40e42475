/**
 * The two workflows a drain compares, as imported into n8n: the shipped template and the
 * hand-built baseline (bench/baseline-workflow.json), each with credentials for the sandbox.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CredentialToImport } from '../e2e/lib/n8n-cli';
import { lifecycleWorkflowPath, repoRoot, templateWorkflowPath } from '../e2e/lib/paths';
import { credentialReferences, sandboxCredentials, type WorkflowJson } from '../e2e/lib/sandbox-credentials';
import { isPackageNode, setMaxConcurrency } from './nodeConcurrency';
import { DEMO_API_KEY, DEMO_USERNAME, FIBNORR_PASSWORD, SNDEMO_PASSWORD } from '../sandbox/src';

export type WorkflowKind = 'template' | 'baseline';

/** The workflows of the life-cycle runs: the life-cycle template, and its Wait-node baseline. */
export type LifecycleKind = 'template' | 'baseline' | 'baseline-batched';

export interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface BenchWorkflowJson extends WorkflowJson {
	nodes: WorkflowNode[];
}

export interface BenchWorkflow {
	kind: WorkflowKind;
	json: BenchWorkflowJson;
	credentials: CredentialToImport[];
}

export const baselineWorkflowPath = path.join(repoRoot, 'bench', 'baseline-workflow.json');
export const lifecycleBaselineWorkflowPath = path.join(repoRoot, 'bench', 'lifecycle-baseline-workflow.json');
/** The sandbox address written into the baseline's HTTP Request nodes (the sandbox CLI's default). */
const BASELINE_SANDBOX_URL = 'http://127.0.0.1:8790';
export const TRIGGER_TYPE = 'n8n-nodes-tjansteguiden.tjansteguidenTrigger';

function readWorkflow(file: string): BenchWorkflowJson {
	return JSON.parse(readFileSync(file, 'utf8')) as BenchWorkflowJson;
}

/** The template exactly as shipped in workflows/. */
export function shippedTemplateJson(): BenchWorkflowJson {
	return readWorkflow(templateWorkflowPath);
}

/**
 * The template as shipped, or with some of its trigger's options changed: a run may raise Max
 * Orders per Poll so that one poll hands on the whole backlog, or shorten "Emit Again If
 * Unfinished After" so that a recovery shows within a test's time; `maxConcurrency` sets every
 * package node's concurrency option to the most it allows.
 */
export function templateWorkflow(
	sandboxUrl: string,
	triggerOptions: Record<string, unknown> = {},
	maxConcurrency = false,
): BenchWorkflow {
	const json = readWorkflow(templateWorkflowPath);
	const trigger = triggerNode(json);
	trigger.parameters.options = { ...((trigger.parameters.options ?? {}) as Record<string, unknown>), ...triggerOptions };
	if (maxConcurrency) for (const node of json.nodes) if (isPackageNode(node)) setMaxConcurrency(node);
	return { kind: 'template', json, credentials: sandboxCredentials(credentialReferences([json]), sandboxUrl) };
}

export function triggerNode(json: BenchWorkflowJson): WorkflowNode {
	const trigger = json.nodes.find((node) => node.type === TRIGGER_TYPE);
	if (!trigger) throw new Error(`the template has no ${TRIGGER_TYPE} node`);
	return trigger;
}

/** The trigger's Max Orders per Poll in a template workflow (100 when not set, the node's default). */
export function maxOrdersPerPoll(json: BenchWorkflowJson): number {
	const options = (triggerNode(json).parameters.options ?? {}) as Record<string, unknown>;
	return typeof options.maxOrdersPerPoll === 'number' ? options.maxOrdersPerPoll : 100;
}

/** A hand-built workflow's credentials: HTTP Request auth filled with the sandbox's secrets, the package's by sandboxCredentials. */
function handBuiltCredentials(json: BenchWorkflowJson, sandboxUrl: string): CredentialToImport[] {
	return credentialReferences([json]).map((reference) => {
		switch (reference.type) {
			case 'httpQueryAuth':
				return { ...reference, data: { name: 'api_key', value: DEMO_API_KEY } };
			case 'httpBasicAuth':
				return {
					...reference,
					data: { user: DEMO_USERNAME, password: /norrby|fibnorr/i.test(reference.name) ? FIBNORR_PASSWORD : SNDEMO_PASSWORD },
				};
			default:
				return sandboxCredentials([reference], sandboxUrl)[0] as CredentialToImport;
		}
	});
}

/** A hand-built workflow file with its HTTP Request nodes pointed at this run's sandbox. */
function handBuiltWorkflow(file: string, sandboxUrl: string): BenchWorkflowJson {
	return JSON.parse(readFileSync(file, 'utf8').split(BASELINE_SANDBOX_URL).join(sandboxUrl)) as BenchWorkflowJson;
}

/** The baseline with its HTTP Request nodes pointed at this run's sandbox. */
export function baselineWorkflow(sandboxUrl: string): BenchWorkflow {
	const json = handBuiltWorkflow(baselineWorkflowPath, sandboxUrl);
	return { kind: 'baseline', json, credentials: handBuiltCredentials(json, sandboxUrl) };
}

/** The life-cycle template exactly as shipped. */
export function lifecycleTemplateWorkflow(sandboxUrl: string): BenchWorkflow {
	const json = readWorkflow(lifecycleWorkflowPath);
	return { kind: 'template', json, credentials: sandboxCredentials(credentialReferences([json]), sandboxUrl) };
}

/**
 * The life-cycle baseline (bench/lifecycle-baseline-workflow.json). With `batching`, every HTTP
 * Request node gets the Batching option: `batchSize` requests, then `batchIntervalMs` before the
 * next batch (n8n starts a batch's requests without waiting for the previous batch's answers, so an
 * interval of one round trip keeps about `batchSize` requests in flight, like a node's concurrency).
 */
export function lifecycleBaselineWorkflow(sandboxUrl: string, batching?: { batchSize: number; batchIntervalMs: number }): BenchWorkflow {
	const json = handBuiltWorkflow(lifecycleBaselineWorkflowPath, sandboxUrl);
	if (batching) {
		for (const node of json.nodes.filter((candidate) => candidate.type === 'n8n-nodes-base.httpRequest')) {
			const options = (node.parameters.options ?? {}) as Record<string, unknown>;
			node.parameters.options = { ...options, batching: { batch: { batchSize: batching.batchSize, batchInterval: batching.batchIntervalMs } } };
		}
	}
	return { kind: 'baseline', json, credentials: handBuiltCredentials(json, sandboxUrl) };
}
