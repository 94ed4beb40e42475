/**
 * Runs a Code node's JavaScript as saved in a workflow file, with the few n8n globals the
 * life-cycle template's Code nodes use: `$input.all()`, `$('Node').all()` / `.itemMatching(i)` / `.isExecuted`,
 * `$now` and luxon's `DateTime`. The code is read from the JSON, so a test cannot drift from it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';

export interface CodeItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number };
}

interface WorkflowFile {
	nodes: Array<{ name: string; type: string; parameters: { jsCode?: string; mode?: string } }>;
}

/** Other nodes' output, and for `itemMatching` which of their items each input item came from. */
export interface NodeData {
	items: CodeItem[];
	/** For input item i, the index of this node's item it traces back to (default: i). */
	matching?: number[];
}

export function codeOfNode(workflowFile: string, nodeName: string): string {
	const workflow = JSON.parse(readFileSync(path.join(__dirname, '../../workflows', workflowFile), 'utf8')) as WorkflowFile;
	const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
	if (!node || node.type !== 'n8n-nodes-base.code' || typeof node.parameters.jsCode !== 'string') {
		throw new Error(`${workflowFile} has no Code node named "${nodeName}"`);
	}
	if (node.parameters.mode !== 'runOnceForAllItems') throw new Error(`"${nodeName}" must run once for all items`);
	return node.parameters.jsCode;
}

export function runCodeNode(code: string, input: CodeItem[], nodes: Record<string, NodeData>, now: string): CodeItem[] {
	// A node not given did not run in this execution: n8n's `isExecuted` is false and reading it fails.
	const $ = (name: string) => {
		const data = nodes[name];
		const ran = (): NodeData => {
			if (!data) throw new Error(`Referenced node "${name}" is unexecuted`);
			return data;
		};
		return {
			isExecuted: data !== undefined,
			all: () => ran().items,
			first: () => ran().items[0],
			itemMatching: (index: number) => ran().items[ran().matching?.[index] ?? index],
		};
	};
	const $input = { all: () => input, first: () => input[0] };
	const run = new Function('$input', '$', '$now', 'DateTime', code) as (...args: unknown[]) => CodeItem[];
	return run($input, $, DateTime.fromISO(now, { zone: 'Europe/Stockholm' }), DateTime);
}
