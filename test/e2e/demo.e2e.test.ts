/**
 * `npm run demo` (scripts/demo.sh), the README's first command: it must bring up the sandbox and
 * a real n8n with the life-cycle template active (its Data Table made, the order-flow template
 * inactive), print a login that works, take the demo world's arriving orders to `delivered` on its
 * own, and stop everything it started on Ctrl-C. Runs on free ports and in a
 * throwaway folder so that a demo a developer has running is not disturbed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { N8nPublicApi } from '../../e2e/lib/n8n-public-api';
import { createApiKey, defaultApiKeyScopes, logIn } from '../../e2e/lib/n8n-owner';
import { e2eWorkDir, lifecycleWorkflowPath, repoRoot, templateWorkflowPath } from '../../e2e/lib/paths';
import { assertPortFree, findFreePort } from '../../e2e/lib/ports';
import { readWorkflowFile } from '../../e2e/lib/sandbox-credentials';
import { dataTableEditorUrl, dataTableRows, findDataTable, trackingTablesOf, trackingTableScopes } from '../../e2e/lib/tracking-table';
import { waitFor } from '../../e2e/lib/wait-for';
import { DEMO_RUN_ORDER_DURATIONS, SandboxAdminClient } from '../../sandbox/src';
import { parseDuration } from '../../sandbox/src/onapi/durations';

describe('npm run demo', () => {
	let demo: ChildProcess;
	let output = '';
	let exit: Promise<number | null>;
	const ports = { n8n: 0, broker: 0, sandbox: 0 };

	beforeAll(async () => {
		ports.n8n = await findFreePort();
		ports.broker = await findFreePort();
		ports.sandbox = await findFreePort();
		const demoDir = path.join(e2eWorkDir, 'runs', `demo-${Date.now()}-${process.pid}`);
		mkdirSync(demoDir, { recursive: true });
		demo = spawn('bash', [path.join(repoRoot, 'scripts', 'demo.sh')], {
			cwd: repoRoot,
			env: {
				...process.env,
				NODE_ENV: undefined,
				DEMO_DIR: demoDir,
				DEMO_N8N_PORT: String(ports.n8n),
				DEMO_N8N_BROKER_PORT: String(ports.broker),
				DEMO_SANDBOX_PORT: String(ports.sandbox),
				DEMO_SKIP_BUILD: '1',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		demo.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		demo.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		exit = new Promise((resolve) => demo.once('exit', (code) => resolve(code)));
		await waitFor('the demo to say it is running', async () => (output.includes('Press Ctrl-C') ? true : demo.exitCode === null ? undefined : true), {
			timeoutMs: 600_000,
			describeLastState: () => output.slice(-3000),
		});
		if (!output.includes('Press Ctrl-C')) throw new Error(`the demo exited early:\n${output.slice(-3000)}`);
	}, 660_000);

	afterAll(async () => {
		if (demo && demo.exitCode === null && demo.signalCode === null) {
			demo.kill('SIGINT');
			await exit;
		}
	}, 120_000);

	const base = () => `http://127.0.0.1:${ports.n8n}`;
	const printedLogin = () => /Log in with:\s+(\S+) \/ (\S+)/.exec(output);
	const [lifecycle] = readWorkflowFile(lifecycleWorkflowPath);
	const [orderFlow] = readWorkflowFile(templateWorkflowPath);
	const [trackingTable] = trackingTablesOf(lifecycleWorkflowPath);
	/** An API key of the printed login, for the public API and the tracking table. */
	async function apiKey(label: string): Promise<string> {
		const login = printedLogin()!;
		return await createApiKey(base(), await logIn(base(), login[1]!, login[2]!), [...defaultApiKeyScopes, ...trackingTableScopes], label);
	}

	it('prints the editor URL and a login that works', async () => {
		expect(output).toContain(`n8n editor:   http://127.0.0.1:${ports.n8n}`);
		const login = printedLogin();
		expect(login?.[1]).toBe('demo@example.com');
		await expect(logIn(base(), login![1]!, login![2]!)).resolves.toContain('=');
	});

	it('says on its first screen what runs, where the tracking table is and why older orders stay new', () => {
		expect(output).toContain(`Workflow:     "${lifecycle!.name}" (active)`);
		expect(output).toContain(`Tracking:     Data Table "${trackingTable!.name}"`);
		expect(output).toMatch(new RegExp(`${base()}/projects/\\w+/datatables/\\w+`));
		expect(output).toContain(`"${orderFlow!.name}" (the 0.1.0 template, inactive`);
		expect(output).toContain('The older demo orders stay "new"');
	});

	it('runs the life-cycle template, with its tracking table, and leaves the order-flow template inactive', async () => {
		const key = await apiKey('e2e: workflows and table');
		const api = new N8nPublicApi(base(), key);
		expect((await api.getWorkflow(lifecycle!.id)).active).toBe(true);
		// Both take the same new orders: with both active, each order would be handled twice.
		expect((await api.getWorkflow(orderFlow!.id)).active).toBe(false);
		const table = await findDataTable(base(), key, trackingTable!.name);
		expect(table).toBeDefined();
		expect(output).toContain(dataTableEditorUrl(base(), table!));
	});

	it('takes an arriving order from received through active to delivered, and records it in the table', async () => {
		const key = await apiKey('e2e: delivered');
		const table = (await findDataTable(base(), key, trackingTable!.name))!;
		const sandbox = new SandboxAdminClient(`http://127.0.0.1:${ports.sandbox}`);
		// Orders arrive about every 20 s, the triggers poll every minute, operators take minutes.
		const longestMs = Math.max(...Object.values(DEMO_RUN_ORDER_DURATIONS).map((timing) => parseDuration(timing.doneAfter) ?? 0));
		const delivered = await waitFor(
			'an order the life-cycle template delivered',
			async () => {
				const rows = await dataTableRows(base(), key, table.id);
				return rows.find((row) => row.state === 'delivered' && typeof row.onApiOrderId === 'string' && row.onApiOrderId !== '');
			},
			{ timeoutMs: longestMs + 360_000, intervalMs: 5000 },
		);
		const order = await sandbox.tjansteguiden.order(Number(delivered.tgOrderId));
		expect(order.status).toBe('delivered');
		// Set by the template on its way, in this order (a direct-activated order has no such history).
		const statusChanges = (order.log ?? []).filter((entry) => entry.type === 'system').map((entry) => entry.message);
		expect(statusChanges).toEqual(['Status changed to received', 'Status changed to active', 'Status changed to delivered']);
		const runs = await new N8nPublicApi(base(), key).listExecutions({ workflowId: lifecycle!.id, status: 'success' });
		expect(runs.length).toBeGreaterThan(0);
	}, 900_000);

	it('ends a case that needs a person in a failed run of "Needs a person", its row flagged', async () => {
		const key = await apiKey('e2e: needs a person');
		const table = (await findDataTable(base(), key, trackingTable!.name))!;
		const flagged = await waitFor(
			'a tracking row with needsFollowUp',
			async () => (await dataTableRows(base(), key, table.id)).find((row) => row.needsFollowUp === true),
			{ timeoutMs: 300_000, intervalMs: 5000 },
		);
		expect(flagged.lastProblem).toEqual(expect.any(String));
		const failed = await new N8nPublicApi(base(), key).listExecutions({ workflowId: lifecycle!.id, status: 'error', includeData: true });
		expect(failed.map((run) => run.data?.resultData.error?.message ?? '')).toEqual(expect.arrayContaining([expect.stringMatching(/^Needs a person: order \d+/)]));
	}, 360_000);

	it('stops n8n and the sandbox on Ctrl-C', async () => {
		demo.kill('SIGINT');
		expect(await exit).toBe(0);
		await assertPortFree(ports.n8n, 'demo n8n');
		await assertPortFree(ports.broker, 'demo n8n task broker');
		await assertPortFree(ports.sandbox, 'demo sandbox');
	}, 120_000);
});
