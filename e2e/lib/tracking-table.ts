/**
 * The life-cycle template's Data Table, made through n8n's public API (`POST /api/v1/data-tables`,
 * scope `dataTable:create`). Name and columns are read from the template's own "Set up" node, so
 * the table the demo and the tests make is the one the template would make itself.
 */
import axios from 'axios';
import { readFileSync } from 'node:fs';

export const trackingTableScopes = ['dataTable:create', 'dataTable:list', 'dataTable:read', 'dataTableRow:read'];

interface CreateTableNode {
	name: string;
	type: string;
	parameters: { resource?: string; operation?: string; tableName?: string; columns?: { column?: Array<{ name: string; type: string }> } };
}

export interface TrackingTableSpec {
	name: string;
	columns: Array<{ name: string; type: string }>;
}

/** Every Data Table → Table → Create node of the workflow file: the tables it needs. */
export function trackingTablesOf(workflowFile: string): TrackingTableSpec[] {
	const workflow = JSON.parse(readFileSync(workflowFile, 'utf8')) as { nodes: CreateTableNode[] };
	return workflow.nodes
		.filter((node) => node.type === 'n8n-nodes-base.dataTable' && node.parameters.resource === 'table' && node.parameters.operation === 'create')
		.map((node) => ({ name: String(node.parameters.tableName), columns: node.parameters.columns?.column ?? [] }));
}

/** Creates the table; one that exists already (HTTP 409, same name) is kept. Returns its ID, or undefined when kept. */
export async function createTrackingTable(baseUrl: string, apiKey: string, table: TrackingTableSpec): Promise<string | undefined> {
	const response = await axios.post(`${baseUrl}/api/v1/data-tables`, table, {
		headers: { 'X-N8N-API-KEY': apiKey },
		validateStatus: () => true,
		timeout: 30_000,
	});
	if (response.status === 409) return undefined;
	if (response.status !== 200 && response.status !== 201) {
		const message = (response.data as { message?: string } | undefined)?.message ?? '';
		throw new Error(`n8n public API POST /data-tables "${table.name}": HTTP ${response.status} ${message}`.trim());
	}
	return (response.data as { id?: string }).id;
}

export interface DataTableSummary {
	id: string;
	name: string;
	projectId: string;
}

/** The Data Table named exactly `name`, if the API key's user sees one (scope `dataTable:list`). */
export async function findDataTable(baseUrl: string, apiKey: string, name: string): Promise<DataTableSummary | undefined> {
	const response = await axios.get<{ data: DataTableSummary[] }>(`${baseUrl}/api/v1/data-tables`, {
		headers: { 'X-N8N-API-KEY': apiKey },
		params: { limit: 100 },
		timeout: 30_000,
	});
	return response.data.data.find((table) => table.name === name);
}

/** Every row of a Data Table (scope `dataTableRow:read`), pages followed. */
export async function dataTableRows(baseUrl: string, apiKey: string, tableId: string): Promise<Array<Record<string, unknown>>> {
	const rows: Array<Record<string, unknown>> = [];
	let cursor: string | undefined;
	do {
		const response = await axios.get<{ data: Array<Record<string, unknown>>; nextCursor?: string | null }>(`${baseUrl}/api/v1/data-tables/${tableId}/rows`, {
			headers: { 'X-N8N-API-KEY': apiKey },
			params: { limit: 100, ...(cursor ? { cursor } : {}) },
			timeout: 30_000,
		});
		rows.push(...response.data.data);
		cursor = response.data.nextCursor ?? undefined;
	} while (cursor);
	return rows;
}

/** Where the editor shows a Data Table's rows. */
export function dataTableEditorUrl(baseUrl: string, table: DataTableSummary): string {
	return `${baseUrl}/projects/${table.projectId}/datatables/${table.id}`;
}
