import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { n8nBinPath } from './n8n-host';
import type { N8nInstance } from './n8n-instance';
import { node24 } from './node24';
import { outputTail, runCommand, type RunResult } from './run-command';

const stepCounters = new Map<string, number>();

/** Log file for the next CLI step of an instance: numbered so the folder reads in order. */
function stepLogFile(instance: N8nInstance, step: string): string {
	const next = (stepCounters.get(instance.workDir) ?? 0) + 1;
	stepCounters.set(instance.workDir, next);
	return path.join(instance.logsDir, `${String(next).padStart(2, '0')}-${step}.log`);
}

/**
 * Runs one n8n CLI command against the instance's user folder. Every CLI step must come before
 * `n8n start`: they share the SQLite database and `execute` opens its own task broker on the
 * instance's broker port.
 */
export async function runN8nCli(
	instance: N8nInstance,
	step: string,
	args: string[],
	timeoutMs = 180_000,
): Promise<RunResult & { logFile: string }> {
	const logFile = stepLogFile(instance, step);
	const result = await runCommand(node24().nodePath, [n8nBinPath, ...args], {
		cwd: instance.workDir,
		env: instance.env,
		timeoutMs,
		logFile,
	});
	return { ...result, logFile };
}

function failure(what: string, result: RunResult & { logFile: string }): Error {
	const why = result.timedOut ? 'timed out' : `exit ${result.code ?? result.signal}`;
	return new Error(`n8n ${what} failed (${why}; log: ${result.logFile})\n${outputTail(result)}`);
}

export interface CredentialToImport {
	id: string;
	name: string;
	/** Credential type name, e.g. `tjansteguidenApi`. */
	type: string;
	/** Plain field values; n8n encrypts them with the instance's key on import. */
	data: Record<string, unknown>;
}

/**
 * Creates credentials with fixed ids (the ids a template references). The plain-text input file
 * exists only for the duration of the command and never inside the user folder, so the secret scan
 * of the user folder stays meaningful.
 */
export async function importCredentials(instance: N8nInstance, credentials: CredentialToImport[]): Promise<void> {
	const file = path.join(instance.inputDir, `credentials-${Date.now()}.json`);
	writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
	try {
		const result = await runN8nCli(instance, 'import-credentials', ['import:credentials', `--input=${file}`]);
		const expected = `Successfully imported ${credentials.length} credential`;
		if (result.code !== 0 || !result.stdout.includes(expected)) throw failure('import:credentials', result);
	} finally {
		rmSync(file, { force: true });
	}
}

/** Imports workflows as they are (n8n always stores them inactive; publish before `start`). */
export async function importWorkflows(instance: N8nInstance, workflows: unknown[], label = 'workflows'): Promise<void> {
	const file = path.join(instance.inputDir, `${label}.json`);
	writeFileSync(file, JSON.stringify(workflows, null, 2));
	await importWorkflowFile(instance, file);
}

/** Imports a workflow file unchanged: one workflow object or an array of them. */
export async function importWorkflowFile(instance: N8nInstance, file: string): Promise<void> {
	const result = await runN8nCli(instance, 'import-workflow', ['import:workflow', `--input=${file}`]);
	if (result.code !== 0 || !/Successfully imported [1-9]\d* workflow/.test(result.stdout)) {
		throw failure(`import:workflow of ${file}`, result);
	}
}

/** What `n8n execute --rawOutput` prints: the run (IRun) of the workflow. */
export interface CliExecution {
	status: string;
	mode: string;
	data: {
		resultData: {
			error?: { message?: string; description?: string; node?: { name?: string } };
			runData: Record<string, CliNodeRun[]>;
			lastNodeExecuted?: string;
		};
	};
}

export interface CliNodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
}

export interface CliExecuteResult {
	/** Exit code 0: the workflow finished without an error. */
	succeeded: boolean;
	/** Parsed run data (also present on failure: n8n prints it after "Execution was NOT successful"). */
	execution?: CliExecution;
	/** Everything the command printed, for the secret scan and for failure messages. */
	output: string;
	logFile: string;
}

/**
 * stdout of `--rawOutput` still starts with log lines (task broker, Python runner, license SDK):
 * the JSON is the block from the first line that starts with `{` to the last line that is `}`.
 */
export function parseExecutionOutput(output: string): CliExecution | undefined {
	const lines = output.split('\n');
	const first = lines.findIndex((line) => line.startsWith('{'));
	if (first < 0) return undefined;
	let last = -1;
	for (let index = lines.length - 1; index >= first; index--) {
		if (lines[index].trimEnd() === '}') {
			last = index;
			break;
		}
	}
	if (last < 0) return undefined;
	try {
		return JSON.parse(lines.slice(first, last + 1).join('\n')) as CliExecution;
	} catch {
		return undefined;
	}
}

export async function executeWorkflow(instance: N8nInstance, workflowId: string, timeoutMs = 180_000): Promise<CliExecuteResult> {
	const result = await runN8nCli(instance, `execute-${workflowId}`, ['execute', `--id=${workflowId}`, '--rawOutput'], timeoutMs);
	return {
		succeeded: result.code === 0,
		execution: parseExecutionOutput(result.stdout),
		output: `${result.stdout}\n${result.stderr}`,
		logFile: result.logFile,
	};
}

/** The items a node produced on its first output in its first run. */
export function nodeOutput(execution: CliExecution, nodeName: string, outputIndex = 0): Array<Record<string, unknown>> {
	const runs = execution.data.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(execution.data.resultData.runData).join(', ')}`);
	const items = runs[0].data?.main?.[outputIndex] ?? [];
	return items.map((item) => item.json);
}

/** Marks a workflow active for the next `n8n start` (import always leaves it inactive). */
export async function publishWorkflow(instance: N8nInstance, workflowId: string): Promise<void> {
	const result = await runN8nCli(instance, `publish-${workflowId}`, ['publish:workflow', `--id=${workflowId}`]);
	// The command logs its errors and still exits 0; this line is printed only after the update.
	if (result.code !== 0 || !result.stdout.includes('Changes will not take effect if n8n is running')) {
		throw failure(`publish:workflow --id=${workflowId}`, result);
	}
}

/** `id|name` pairs as `n8n list:workflow` prints them. */
export async function listWorkflows(instance: N8nInstance): Promise<Array<{ id: string; name: string }>> {
	const result = await runN8nCli(instance, 'list-workflows', ['list:workflow']);
	if (result.code !== 0) throw failure('list:workflow', result);
	return result.stdout
		.split('\n')
		.map((line) => /^([A-Za-z0-9]{8,})\|(.*)$/.exec(line.trim()))
		.filter((match): match is RegExpExecArray => match !== null)
		.map((match) => ({ id: match[1], name: match[2] }));
}
