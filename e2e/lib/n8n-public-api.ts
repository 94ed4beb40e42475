import axios, { type AxiosInstance } from 'axios';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
}

export interface ExecutionNodeRun {
	executionStatus?: string;
	error?: { message?: string };
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
}

export interface ExecutionDetail extends ExecutionSummary {
	data?: {
		resultData: {
			error?: { message?: string };
			runData: Record<string, ExecutionNodeRun[]>;
		};
	};
}

/** The n8n public REST API (`/api/v1`), authenticated with an API key. */
export class N8nPublicApi {
	private readonly http: AxiosInstance;

	constructor(baseUrl: string, apiKey: string) {
		this.http = axios.create({
			baseURL: `${baseUrl}/api/v1`,
			headers: { 'X-N8N-API-KEY': apiKey },
			timeout: 60_000,
			validateStatus: () => true,
		});
	}

	private async request<T>(method: 'get' | 'post', url: string, params?: Record<string, unknown>): Promise<T> {
		// n8n 2.x answers a POST without a JSON body with 415.
		const response = await this.http.request({ method, url, params, ...(method === 'post' ? { data: {} } : {}) });
		if (response.status !== 200) {
			const message = (response.data as { message?: string } | undefined)?.message ?? '';
			throw new Error(`n8n public API ${method.toUpperCase()} ${url}: HTTP ${response.status} ${message}`.trim());
		}
		return response.data as T;
	}

	/** Every item of a listing, page by page through its `nextCursor`. */
	private async allPages<T>(url: string, params: Record<string, unknown>, limit: number): Promise<T[]> {
		const all: T[] = [];
		let cursor: string | undefined;
		do {
			const page = await this.request<{ data: T[]; nextCursor?: string | null }>('get', url, { ...params, limit, ...(cursor ? { cursor } : {}) });
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	}

	async activateWorkflow(workflowId: string): Promise<void> {
		await this.request('post', `/workflows/${workflowId}/activate`);
	}

	async getWorkflow(workflowId: string): Promise<{ id: string; name: string; active: boolean }> {
		return this.request('get', `/workflows/${workflowId}`);
	}

	/** All executions of a workflow (pages through the cursor), newest first. */
	async listExecutions(filter: { workflowId?: string; status?: string; includeData?: boolean } = {}): Promise<ExecutionDetail[]> {
		return await this.allPages<ExecutionDetail>('/executions', filter, 100);
	}

	async getExecution(executionId: string, includeData = true): Promise<ExecutionDetail> {
		return this.request('get', `/executions/${executionId}`, { includeData });
	}

	/** Every row of a Data Table (pages through the cursor; API-key scope `dataTableRow:read`). */
	async dataTableRows(tableId: string): Promise<Array<Record<string, unknown>>> {
		return await this.allPages<Record<string, unknown>>(`/data-tables/${tableId}/rows`, {}, 250);
	}
}

/** The items a node produced on one output, in every run of that node. */
export function executionNodeItems(execution: ExecutionDetail, nodeName: string, outputIndex = 0): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[nodeName] ?? [];
	return runs.flatMap((run) => (run.data?.main?.[outputIndex] ?? []).map((item) => item.json));
}
