/**
 * `npm run demo` (scripts/demo.sh), the README's first command: it must bring up the sandbox and
 * a real n8n with the template active, print a login that works, handle the demo world's arriving
 * orders on its own, and stop everything it started on Ctrl-C. Runs on free ports and in a
 * throwaway folder so that a demo a developer has running is not disturbed.
 */
import axios from 'axios';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { N8nPublicApi } from '../../e2e/lib/n8n-public-api';
import { createApiKey, defaultApiKeyScopes } from '../../e2e/lib/n8n-owner';
import { e2eWorkDir, lifecycleWorkflowPath, repoRoot, templateWorkflowPath } from '../../e2e/lib/paths';
import { assertPortFree, findFreePort } from '../../e2e/lib/ports';
import { readWorkflowFile } from '../../e2e/lib/sandbox-credentials';
import { trackingTablesOf, trackingTableScopes } from '../../e2e/lib/tracking-table';
import { waitFor } from '../../e2e/lib/wait-for';

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

	it('prints the editor URL and a login that works', async () => {
		expect(output).toContain(`n8n editor:   http://127.0.0.1:${ports.n8n}`);
		const login = /Log in with:\s+(\S+) \/ (\S+)/.exec(output);
		expect(login?.[1]).toBe('demo@example.com');
		const response = await axios.post(
			`http://127.0.0.1:${ports.n8n}/rest/login`,
			{ emailOrLdapLoginId: login![1], password: login![2] },
			{ validateStatus: () => true },
		);
		expect(response.status).toBe(200);
	});

	it('has the template active and runs it on the demo orders', async () => {
		const base = `http://127.0.0.1:${ports.n8n}`;
		const login = /Log in with:\s+(\S+) \/ (\S+)/.exec(output)!;
		const loggedIn = await axios.post(`${base}/rest/login`, { emailOrLdapLoginId: login[1], password: login[2] });
		const cookie = (loggedIn.headers['set-cookie'] ?? []).map((value) => value.split(';')[0]).join('; ');
		const api = new N8nPublicApi(base, await createApiKey(base, cookie));
		const [template] = readWorkflowFile(templateWorkflowPath);
		expect((await api.getWorkflow(template.id)).active).toBe(true);
		// Demo orders arrive about every 20 s and the trigger polls every minute.
		const succeeded = await waitFor(
			'a successful run of the template',
			async () => {
				const runs = await api.listExecutions({ workflowId: template.id, status: 'success' });
				return runs.length > 0 ? runs : undefined;
			},
			{ timeoutMs: 240_000, intervalMs: 3000 },
		);
		expect(succeeded[0].mode).toBe('trigger');
		const state = await axios.get(`http://127.0.0.1:${ports.sandbox}/__admin/state`);
		expect(Object.keys(state.data.simulators)).toEqual(expect.arrayContaining(['tjansteguiden', 'onapi']));
	}, 300_000);

	it('imports the life-cycle template inactive (both take new orders) and makes its tracking table', async () => {
		const base = `http://127.0.0.1:${ports.n8n}`;
		const login = /Log in with:\s+(\S+) \/ (\S+)/.exec(output)!;
		const loggedIn = await axios.post(`${base}/rest/login`, { emailOrLdapLoginId: login[1], password: login[2] });
		const cookie = (loggedIn.headers['set-cookie'] ?? []).map((value) => value.split(';')[0]).join('; ');
		const key = await createApiKey(base, cookie, [...defaultApiKeyScopes, ...trackingTableScopes], 'e2e: tracking table');
		const [lifecycle] = readWorkflowFile(lifecycleWorkflowPath);
		expect((await new N8nPublicApi(base, key).getWorkflow(lifecycle.id)).active).toBe(false);
		const tables = await axios.get<{ data: Array<{ name: string; columns?: Array<{ name: string }> }> }>(`${base}/api/v1/data-tables`, {
			headers: { 'X-N8N-API-KEY': key },
		});
		const [expected] = trackingTablesOf(lifecycleWorkflowPath);
		const made = tables.data.data.find((table) => table.name === expected!.name);
		expect(made).toBeDefined();
	});

	it('stops n8n and the sandbox on Ctrl-C', async () => {
		demo.kill('SIGINT');
		expect(await exit).toBe(0);
		await assertPortFree(ports.n8n, 'demo n8n');
		await assertPortFree(ports.broker, 'demo n8n task broker');
		await assertPortFree(ports.sandbox, 'demo sandbox');
	}, 120_000);
});
