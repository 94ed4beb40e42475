import { readFileSync } from 'node:fs';
import { DEMO_API_KEY, DEMO_API_USER, DEMO_USERNAME, FIBNORR, FIBNORR_PASSWORD, SNDEMO, SNDEMO_PASSWORD, type DemoOperator } from '../../sandbox/src';
import type { CredentialToImport } from './n8n-cli';

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; credentials?: Record<string, { id: string; name: string }> }>;
}

/** A workflow file as n8n exports it: one workflow object or an array of them. */
export function readWorkflowFile(file: string): WorkflowJson[] {
	const parsed = JSON.parse(readFileSync(file, 'utf8')) as WorkflowJson | WorkflowJson[];
	return Array.isArray(parsed) ? parsed : [parsed];
}

export interface CredentialReference {
	type: string;
	id: string;
	name: string;
}

/** Every credential the workflows' nodes refer to, once each. */
export function credentialReferences(workflows: WorkflowJson[]): CredentialReference[] {
	const byId = new Map<string, CredentialReference>();
	for (const node of workflows.flatMap((workflow) => workflow.nodes)) {
		for (const [type, reference] of Object.entries(node.credentials ?? {})) {
			if (reference?.id) byId.set(reference.id, { type, id: reference.id, name: reference.name });
		}
	}
	return [...byId.values()];
}

const onApiOperators = [
	{ operator: FIBNORR, matches: /fibnorr|norrby/i },
	{ operator: SNDEMO, matches: /sndemo|demostad/i },
];

/** The demo world's ON-API operator a credential (or node) name means, if it names one. */
export function demoOperatorNamed(name: string): DemoOperator | undefined {
	return onApiOperators.find((candidate) => candidate.matches.test(name))?.operator;
}

/** The ON-API Operators credential's directory for the sandbox: every demo operator, by coId. */
export function sandboxOperatorDirectory(sandboxUrl: string): Array<Record<string, string>> {
	return onApiOperators.map(({ operator }) => ({
		coId: operator.coId,
		baseUrl: `${sandboxUrl}/onapi/${operator.coId}`,
		version: operator.onApiVersion,
		username: DEMO_USERNAME,
		password: operator.onApiPassword,
	}));
}

/**
 * Credentials pointing at the sandbox for the given references, with the ids and names the
 * workflow uses, so a template can be imported unchanged. An ON-API credential whose name names
 * no operator gets SNDEMO.
 */
export function sandboxCredentials(references: CredentialReference[], sandboxUrl: string): CredentialToImport[] {
	return references.map((reference) => {
		switch (reference.type) {
			case 'tjansteguidenApi':
				return {
					...reference,
					data: { baseUrl: sandboxUrl, apiUser: Number(DEMO_API_USER), apiKey: DEMO_API_KEY },
				};
			case 'onApi': {
				const operator = demoOperatorNamed(reference.name) ?? SNDEMO;
				return {
					...reference,
					data: {
						baseUrl: `${sandboxUrl}/onapi/${operator.coId}`,
						version: operator.onApiVersion,
						username: DEMO_USERNAME,
						password: operator.onApiPassword,
					},
				};
			}
			case 'onApiOperatorsApi':
				return { ...reference, data: { operators: JSON.stringify(sandboxOperatorDirectory(sandboxUrl)) } };
			default:
				throw new Error(`No sandbox credential for type "${reference.type}" (credential "${reference.name}")`);
		}
	});
}

/** The sandbox passwords and keys the demo world's credentials carry (for secret scans). */
export const sandboxCredentialSecrets = [
	{ label: 'Tjänsteguiden API key', value: DEMO_API_KEY },
	{ label: 'ON-API password SNDEMO', value: SNDEMO_PASSWORD },
	{ label: 'ON-API password FIBNORR', value: FIBNORR_PASSWORD },
];
