/**
 * The two workflows a drain compares, as imported into n8n: the shipped template and the
 * hand-built baseline (bench/baseline-workflow.json), each with credentials for the sandbox.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CredentialToImport } from '../e2e/lib/n8n-cli';
import { repoRoot, templateWorkflowPath } from '../e2e/lib/paths';
import { credentialReferences, sandboxCredentials, type WorkflowJson } from '../e2e/lib/sandbox-credentials';
import { isPackageNode, setMaxConcurrency } from './nodeConcurrency';
import { DEMO_API_KEY, DEMO_USERNAME, FIBNORR_PASSWORD, SNDEMO_PASSWORD } from '../sandbox/src';

export type WorkflowKind = 'template' | 'baseline';

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

/** The baseline with its HTTP Request nodes pointed at this run's sandbox. */
export function baselineWorkflow(sandboxUrl: string): BenchWorkflow {
	const text = readFileSync(baselineWorkflowPath, 'utf8').split(BASELINE_SANDBOX_URL).join(sandboxUrl);
	const json = JSON.parse(text) as BenchWorkflowJson;
	const credentials: CredentialToImport[] = credentialReferences([json]).map((reference) => {
		switch (reference.type) {
			case 'httpQueryAuth':
				return { ...reference, data: { name: 'api_key', value: DEMO_API_KEY } };
			case 'httpBasicAuth':
				return {
					...reference,
					data: { user: DEMO_USERNAME, password: /norrby|fibnorr/i.test(reference.name) ? FIBNORR_PASSWORD : SNDEMO_PASSWORD },
				};
			default:
				throw new Error(`the baseline uses a credential type the benchmark cannot fill: ${reference.type}`);
		}
	});
	return { kind: 'baseline', json, credentials };
}
