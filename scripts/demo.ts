/**
 * `npm run demo` (through scripts/demo.sh, which builds first): the sandbox with its demo world
 * and a real n8n on http://127.0.0.1:5678 with this package, sandbox credentials, the life-cycle
 * template active (its Data Table made first), the older order-flow template imported inactive,
 * and a local owner to log in with. Ctrl-C stops everything it started. Every run starts from a
 * fresh n8n user folder in .demo/ (DEMO_DIR).
 */
import axios from 'axios';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildAndPack, installIntoUserFolder } from '../e2e/lib/community-package';
import { importCredentials, importWorkflowFile } from '../e2e/lib/n8n-cli';
import { ensureN8nHost } from '../e2e/lib/n8n-host';
import { createN8nInstance } from '../e2e/lib/n8n-instance';
import { createApiKey, defaultApiKeyScopes, setUpOwner } from '../e2e/lib/n8n-owner';
import { N8nPublicApi } from '../e2e/lib/n8n-public-api';
import { startN8nServer, type N8nServer } from '../e2e/lib/n8n-server';
import { node24 } from '../e2e/lib/node24';
import { lifecycleWorkflowPath, repoRoot, templateWorkflowPath } from '../e2e/lib/paths';
import { assertPortFree } from '../e2e/lib/ports';
import { stopWhenGone } from '../e2e/lib/watchdog';
import { credentialReferences, readWorkflowFile, sandboxCredentials } from '../e2e/lib/sandbox-credentials';
import { createTrackingTable, dataTableEditorUrl, findDataTable, trackingTablesOf, trackingTableScopes } from '../e2e/lib/tracking-table';
import { waitFor } from '../e2e/lib/wait-for';
import { DEMO_RUN_ORDER_DURATIONS, demoArrivals, SandboxAdminClient } from '../sandbox/src';

/** Fixed defaults (the README's URLs); the end-to-end test of the demo moves them to free ports. */
function portFromEnv(name: string, fallback: number): number {
	const value = process.env[name];
	if (value === undefined || value === '') return fallback;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} is not a port number: ${value}`);
	return port;
}

const n8nPort = portFromEnv('DEMO_N8N_PORT', 5678);
const brokerPort = portFromEnv('DEMO_N8N_BROKER_PORT', 5679);
const sandboxPort = portFromEnv('DEMO_SANDBOX_PORT', 8790);
const demoDir = process.env.DEMO_DIR ? path.resolve(process.env.DEMO_DIR) : path.join(repoRoot, '.demo');
const ownerEmail = 'demo@example.com';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** n8n wants 8+ characters with a digit and an upper-case letter. */
function newPassword(): string {
	return `Demo-${randomBytes(6).toString('hex')}-X9`;
}

interface Sandbox {
	url: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

async function startSandboxProcess(logFile: string): Promise<Sandbox> {
	const main = path.join(repoRoot, 'sandbox', 'dist', 'main.js');
	if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
	const out = openSync(logFile, 'a');
	// Own session: Ctrl-C reaches only this script, which then stops n8n before the sandbox.
	const child = spawn(node24().nodePath, [main, '--port', String(sandboxPort), '--demo', '--no-arrivals'], {
		cwd: repoRoot,
		detached: true,
		stdio: ['ignore', out, out],
	});
	closeSync(out);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	// Should this script be killed without its Ctrl-C handler running, the sandbox goes too.
	const watchdog = stopWhenGone(['kill', '-TERM', String(child.pid)]);
	void exited.then(() => watchdog.cancel());
	const url = `http://127.0.0.1:${sandboxPort}`;
	const sandbox: Sandbox = {
		url,
		process: child,
		stop: async () => {
			if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
			await exited;
		},
	};
	for (let attempt = 0; attempt < 100; attempt++) {
		if (child.exitCode !== null) break;
		try {
			const response = await axios.get(`${url}/__admin/state`, { timeout: 1000, validateStatus: () => true, proxy: false });
			if (response.status === 200) return sandbox;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	await sandbox.stop();
	throw new Error(`the sandbox did not start (log: ${logFile}):\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
}

async function main(): Promise<void> {
	const started: Array<{ stop(): Promise<void> }> = [];
	let stopping = false;
	const stopAll = async (exitCode: number) => {
		if (stopping) return;
		stopping = true;
		say('\nStopping the demo ...');
		for (const service of started.reverse()) await service.stop().catch(() => undefined);
		process.exit(exitCode);
	};
	process.on('SIGINT', () => void stopAll(0));
	process.on('SIGTERM', () => void stopAll(0));

	try {
		await assertPortFree(n8nPort, 'n8n editor');
		await assertPortFree(brokerPort, 'n8n task broker');
		await assertPortFree(sandboxPort, 'sandbox');
		for (const file of [lifecycleWorkflowPath, templateWorkflowPath]) if (!existsSync(file)) throw new Error(`the template workflow ${file} is missing`);

		await ensureN8nHost((line) => say(line));
		// Only what an earlier run made here: DEMO_DIR may be any folder.
		for (const previous of ['n8n', 'package', 'logs']) rmSync(path.join(demoDir, previous), { recursive: true, force: true });
		const logs = path.join(demoDir, 'logs');
		mkdirSync(logs, { recursive: true });

		say(`Packing the package and loading it into a fresh n8n user folder (${path.relative(repoRoot, demoDir) || demoDir}/n8n) ...`);
		const packed = await buildAndPack({ packageDir: repoRoot, destinationDir: path.join(demoDir, 'package'), skipBuild: true });
		const instance = await createN8nInstance({ name: 'demo', port: n8nPort, brokerPort, workDir: path.join(demoDir, 'n8n') });
		await installIntoUserFolder({ packed, userFolder: instance.userFolder, logFile: path.join(instance.logsDir, 'install-package.log') });

		say(`Starting the sandbox on http://127.0.0.1:${sandboxPort} (demo world) ...`);
		const sandbox = await startSandboxProcess(path.join(logs, 'sandbox.log'));
		started.push(sandbox);
		sandbox.process.once('exit', () => {
			if (!stopping) {
				say(`The sandbox stopped unexpectedly (see ${path.join(logs, 'sandbox.log')}).`);
				void stopAll(1);
			}
		});

		say('Importing credentials and both templates ...');
		// Only the life-cycle template is activated: both templates take the same new orders, so
		// with both active each order would be handled twice.
		const lifecycle = readWorkflowFile(lifecycleWorkflowPath);
		const orderFlow = readWorkflowFile(templateWorkflowPath);
		await importCredentials(instance, sandboxCredentials(credentialReferences([...lifecycle, ...orderFlow]), sandbox.url));
		await importWorkflowFile(instance, lifecycleWorkflowPath);
		await importWorkflowFile(instance, templateWorkflowPath);
		const admin = new SandboxAdminClient(sandbox.url);
		for (const [coId, timing] of Object.entries(DEMO_RUN_ORDER_DURATIONS)) await admin.onapi.setOrderDuration(coId, timing);

		say(`Starting n8n on ${instance.baseUrl} (about 15 s) ...`);
		const n8n: N8nServer = await startN8nServer(instance, { maxLifetimeSeconds: 0 });
		started.push(n8n);
		void n8n.exited.then(() => {
			if (!stopping) {
				say(`n8n stopped unexpectedly (see ${path.relative(repoRoot, n8n.logFile)}).`);
				void stopAll(1);
			}
		});
		const password = newPassword();
		const session = await setUpOwner(n8n.baseUrl, { email: ownerEmail, password, firstName: 'Demo', lastName: 'User' });
		const apiKey = await createApiKey(n8n.baseUrl, session, [...defaultApiKeyScopes, ...trackingTableScopes], 'demo');
		const tables = trackingTablesOf(lifecycleWorkflowPath);
		for (const table of tables) await createTrackingTable(n8n.baseUrl, apiKey, table);
		// The table exists before the first intake run writes to it.
		say(`Activating "${lifecycle.map((workflow) => workflow.name).join('", "')}" ...`);
		const api = new N8nPublicApi(n8n.baseUrl, apiKey);
		for (const workflow of lifecycle) await api.activateWorkflow(workflow.id);

		// The triggers start from now: their first polls remember what exists. Orders scheduled only
		// after those polls are all handled, whatever the machine's speed, and walk every path.
		say('Waiting for the workflow to poll Tjänsteguiden and the operators for the first time ...');
		await waitFor(
			"the triggers' first polls",
			async () => {
				const tjansteguiden = await admin.requests({ simulator: 'tjansteguiden', operation: 'orders' });
				const operators = await admin.requests({ simulator: 'onapi' });
				return tjansteguiden.entries.some((entry) => entry.status === 200) && operators.entries.some((entry) => entry.status !== undefined) ? true : undefined;
			},
			{ timeoutMs: 300_000 },
		);
		await admin.tjansteguiden.createOrders(demoArrivals(Date.now()));

		const table = await findDataTable(n8n.baseUrl, apiKey, tables[0]!.name);
		const minutes = (duration: string) => duration.replace(/m$/, ' min');
		const durations = Object.entries(DEMO_RUN_ORDER_DURATIONS).map(([coId, timing]) => `${coId} ${minutes(timing.doneAfter)}`);
		say('');
		say('The demo is running.');
		say(`  n8n editor:   ${n8n.baseUrl}`);
		say(`  Log in with:  ${ownerEmail} / ${password}`);
		say(`  Workflow:     ${lifecycle.map((workflow) => `"${workflow.name}"`).join(', ')} (active): the TL's whole life-cycle.`);
		say('                15 demo orders arrive over the next 5 minutes, one about every 20 s; each goes received → active →');
		say(`                delivered within minutes (the operators take ${durations.join(', ')}). Three need a person: their runs`);
		say('                fail in "Needs a person" (Overview → Executions) and their rows get needsFollowUp.');
		say(`  Tracking:     Data Table "${tables.map((spec) => spec.name).join('", "')}" (Overview → Data tables): one row per order, its state`);
		if (table) say(`                ${dataTableEditorUrl(n8n.baseUrl, table)}`);
		say(`  Also there:   ${orderFlow.map((workflow) => `"${workflow.name}"`).join(', ')} (the 0.1.0 template, inactive: it takes the same new orders)`);
		say(`  Sandbox:      ${sandbox.url}/__admin (orders with status and log, operators, clock, faults)`);
		say('                The older demo orders stay "new": the trigger starts from now and only takes orders that arrive after it.');
		say(`  Logs:         ${path.relative(repoRoot, logs)}/sandbox.log, ${path.relative(repoRoot, n8n.logFile)}`);
		say('Press Ctrl-C to stop n8n and the sandbox.');
		say('');
	} catch (error) {
		say(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
		await stopAll(1);
	}
}

void main();
