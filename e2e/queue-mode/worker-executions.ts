/**
 * Which executions a worker ran, read from its log, and the public API's retry of an execution
 * (what an operator does for a crashed execution, in the UI or over the API).
 */
import axios from 'axios';

export interface WorkerExecutions {
	started: string[];
	finished: string[];
}

/** n8n 2.41 logs "Worker started execution 12 (job 7)" and "Worker finished execution 12 (job 7)". */
export function workerExecutions(log: string): WorkerExecutions {
	const ids = (verb: string) => [...log.matchAll(new RegExp(`Worker ${verb} execution (\\d+)`, 'g'))].map((match) => match[1] as string);
	return { started: ids('started'), finished: ids('finished') };
}

/** Executions the worker started and has not finished (as far as its log tells). */
export function unfinishedExecutions(log: string): string[] {
	const { started, finished } = workerExecutions(log);
	return started.filter((id) => !finished.includes(id));
}

/** POST /api/v1/executions/{id}/retry; needs the `execution:retry` scope. Returns the new execution's id. */
export async function retryExecution(baseUrl: string, apiKey: string, executionId: string): Promise<string> {
	const response = await axios.post(
		`${baseUrl}/api/v1/executions/${executionId}/retry`,
		{ loadWorkflow: false },
		{ headers: { 'X-N8N-API-KEY': apiKey }, validateStatus: () => true, timeout: 60_000 },
	);
	if (response.status !== 200) {
		const message = (response.data as { message?: string } | undefined)?.message ?? '';
		throw new Error(`retrying execution ${executionId}: HTTP ${response.status} ${message}`.trim());
	}
	return String((response.data as { id?: string | number }).id ?? '');
}
