// Spike for the life-cycle issue: proves, in the installed n8n 2.41.1, how a Data Table is created
// (public API and editor REST), how a workflow references it by name, that an upsert keyed by an
// order ID updates instead of duplicating, that `n8n execute` cannot run the Data table node, and
// how n8n's clock behaves (a Schedule Trigger every minute and a poll
// trigger every minute, counted over SPIKE_CLOCK_SECONDS of real time, under the real clock or
// libfaketime). Not part of the test suites; run by hand:
//   source .ci/node24-env.sh && node e2e/spikes/data-table-spike.mjs [--faketime="@2026-12-01 00:00:00 x60" | --faketime-jumps]
// --faketime-jumps: every n8n process reads one libfaketime offset file (relative "+Nd" offsets are
// added to the real clock, so all processes agree); the clock window jumps it to +1d, then +3d.
// The monotonic clock jumps too, so due timers fire at a jump; SPIKE_REAL_MONOTONIC=1 keeps it real.
// N8N_HOST_DIR may point at another install of e2e/n8n-host (default: this repository's, then /work/main's).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const repoRoot = path.join(here, '..', '..');
const compiledInstance = path.join(repoRoot, '.e2e-work', 'build', 'e2e', 'lib', 'n8n-instance.js');
const tsc = spawnSync('npx', ['--no-install', 'tsc', '-p', path.join(repoRoot, 'e2e', 'tsconfig.json')], { cwd: repoRoot, stdio: 'inherit' });
if (tsc.status !== 0) throw new Error('tsc -p e2e/tsconfig.json failed');
const requireCompiled = createRequire(import.meta.url);
const { n8nEnvironment } = requireCompiled(compiledInstance);
const { findFreePort } = requireCompiled(path.join(path.dirname(compiledInstance), 'ports.js'));
const hostCandidates = [process.env.N8N_HOST_DIR, path.join(here, '..', 'n8n-host'), '/work/main/e2e/n8n-host'].filter(Boolean);
const hostDir = hostCandidates.find((dir) => existsSync(path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n')));
if (!hostDir) throw new Error(`no installed n8n host in ${hostCandidates.join(', ')}`);
const n8nBin = path.join(hostDir, 'node_modules', 'n8n', 'bin', 'n8n');
const fakeArg = process.argv.find((arg) => arg.startsWith('--faketime='));
const faketime = fakeArg ? fakeArg.slice('--faketime='.length) : undefined;
const faketimeJumps = process.argv.includes('--faketime-jumps');
const libfaketime = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

const clockSeconds = Number(process.env.SPIKE_CLOCK_SECONDS ?? 20);
const TABLE = 'Tjansteguiden orders spike'; // no `_` or `%`: the node's by-name lookup is a LIKE
const work = mkdtempSync(path.join(os.tmpdir(), 'lc-datatable-'));
const log = (...args) => console.log(`[${new Date().toISOString()}]`, ...args);

const port = await findFreePort();
const brokerPort = await findFreePort();
const baseUrl = `http://127.0.0.1:${port}`;
for (const dir of ['user', 'tmp', 'logs']) mkdirSync(path.join(work, dir), { recursive: true });
// The same offline, loopback-only environment as the e2e instances (e2e/lib/n8n-instance.ts, compiled).
const env = n8nEnvironment({
	name: 'spike',
	workDir: work,
	userFolder: path.join(work, 'user'),
	n8nDataDir: path.join(work, 'user', '.n8n'),
	tmpDir: path.join(work, 'tmp'),
	logsDir: path.join(work, 'logs'),
	inputDir: work,
	port,
	brokerPort,
	baseUrl,
});
const offsetFile = path.join(work, 'faketime.rc');
// LD_PRELOAD rather than the `faketime` wrapper: the wrapper forks, and a SIGTERM to it left n8n running.
if (faketime) Object.assign(env, { LD_PRELOAD: libfaketime, FAKETIME: faketime });
if (faketimeJumps) {
	writeFileSync(offsetFile, '+0\n');
	Object.assign(env, { LD_PRELOAD: libfaketime, FAKETIME_TIMESTAMP_FILE: offsetFile, FAKETIME_CACHE_DURATION: '1' });
	if (process.env.SPIKE_REAL_MONOTONIC === '1') env.DONT_FAKE_MONOTONIC = '1';
}

/** n8n, output into logs/<name>.log (libfaketime comes in through the environment, see above). */
function n8nCommand(name, args) {
	return { command: process.execPath, fullArgs: [n8nBin, ...args], logFile: path.join(work, 'logs', `${name}.log`) };
}

function runCli(name, args) {
	const { command, fullArgs, logFile } = n8nCommand(name, args);
	const result = spawnSync(command, fullArgs, { cwd: work, env, encoding: 'utf8', timeout: 180_000 });
	writeFileSync(logFile, `${result.stdout}\n${result.stderr}`);
	if (result.status !== 0) throw new Error(`n8n ${args.join(' ')} exit ${result.status}; see ${logFile}`);
	return result.stdout;
}

async function request(method, url, { body, headers = {} } = {}) {
	const response = await fetch(`${baseUrl}${url}`, {
		method,
		headers: { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let data;
	try {
		data = JSON.parse(text);
	} catch {
		data = text;
	}
	return { status: response.status, data, headers: response.headers };
}

// The spike's workflow: a webhook upserts the row of one order (matched on orderId), then reads it back.
const dataTable = { __rl: true, mode: 'name', value: TABLE };
const workflow = {
	id: 'lcSpikeDataTbl01',
	name: 'Spike: data table upsert and read',
	active: false,
	settings: { executionOrder: 'v1' },
	connections: {
		Webhook: { main: [[{ node: 'Upsert order row', type: 'main', index: 0 }]] },
		'Manual Trigger': { main: [[{ node: 'Upsert order row', type: 'main', index: 0 }]] },
		'Upsert order row': { main: [[{ node: 'Read order row', type: 'main', index: 0 }]] },
		'Webhook: create table': { main: [[{ node: 'Create the table', type: 'main', index: 0 }]] },
	},
	nodes: [
		{
			id: 'a1', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0],
			webhookId: 'lc-spike-upsert', parameters: { path: 'lc-spike-upsert', httpMethod: 'POST', responseMode: 'lastNode' },
		},
		{
			id: 'a5', name: 'Webhook: create table', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 400],
			webhookId: 'lc-spike-create', parameters: { path: 'lc-spike-create', httpMethod: 'POST', responseMode: 'lastNode' },
		},
		{
			id: 'a6', name: 'Create the table', type: 'n8n-nodes-base.dataTable', typeVersion: 1.1, position: [250, 400],
			parameters: {
				resource: 'table',
				operation: 'create',
				tableName: 'Spike node-made table',
				columns: { column: [{ name: 'orderId', type: 'string' }, { name: 'needsFollowUp', type: 'boolean' }] },
				options: { createIfNotExists: true },
			},
		},
		{ id: 'a2', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 200], parameters: {} },
		{
			id: 'a3', name: 'Upsert order row', type: 'n8n-nodes-base.dataTable', typeVersion: 1.1, position: [250, 0],
			parameters: {
				resource: 'row',
				operation: 'upsert',
				dataTableId: dataTable,
				matchType: 'allConditions',
				filters: { conditions: [{ keyName: 'orderId', condition: 'eq', keyValue: '={{ String($json.body?.orderId ?? 4711) }}' }] },
				columns: {
					mappingMode: 'defineBelow',
					value: {
						orderId: '={{ String($json.body?.orderId ?? 4711) }}',
						state: '={{ $json.body?.state ?? "cli" }}',
						needsFollowUp: '={{ $json.body?.needsFollowUp ?? false }}',
						requestedAt: '={{ $now.toISO() }}',
					},
					matchingColumns: [],
					schema: ['orderId', 'state', 'needsFollowUp', 'requestedAt'].map((id) => ({
						id, displayName: id, required: false, defaultMatch: false, display: true, canBeUsedToMatch: true,
						type: id === 'needsFollowUp' ? 'boolean' : id.endsWith('At') ? 'dateTime' : 'string',
					})),
				},
				options: {},
			},
		},
		{
			id: 'a4', name: 'Read order row', type: 'n8n-nodes-base.dataTable', typeVersion: 1.1, position: [500, 0],
			parameters: {
				resource: 'row',
				operation: 'get',
				dataTableId: dataTable,
				matchType: 'allConditions',
				filters: { conditions: [{ keyName: 'orderId', condition: 'eq', keyValue: '={{ $json.orderId }}' }] },
			},
			alwaysOutputData: true,
		},
	],
};

// The clock part: an RSS feed on loopback stands in for a polled API (n8n's poll triggers share
// one code path: pollTimes -> cron in the ScheduledTaskManager, minimum one minute).
const feedHits = [];
const feed = createHttpServer((req, res) => {
	feedHits.push(Date.now());
	res.setHeader('content-type', 'application/rss+xml');
	res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>spike</title><item><title>tick ${feedHits.length}</title><guid>${feedHits.length}</guid><pubDate>${new Date().toUTCString()}</pubDate></item></channel></rss>`);
});
const feedPort = await findFreePort();
await new Promise((resolve) => feed.listen(feedPort, '127.0.0.1', resolve));
const clockWorkflow = {
	id: 'lcSpikeClock0001',
	name: 'Spike: clock',
	active: false,
	settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
	connections: {
		'Every minute': { main: [[{ node: 'Now', type: 'main', index: 0 }]] },
		'Poll every minute': { main: [[{ node: 'Now', type: 'main', index: 0 }]] },
		'Every hour': { main: [[{ node: 'Now', type: 'main', index: 0 }]] },
	},
	nodes: [
		{
			id: 'c1', name: 'Every minute', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0],
			parameters: { rule: { interval: [{ field: 'minutes', minutesInterval: 1 }] } },
		},
		{
			id: 'c4', name: 'Every hour', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 400],
			parameters: { rule: { interval: [{ field: 'hours', hoursInterval: 1 }] } },
		},
		{
			id: 'c2', name: 'Poll every minute', type: 'n8n-nodes-base.rssFeedReadTrigger', typeVersion: 1, position: [0, 200],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, feedUrl: `http://127.0.0.1:${feedPort}/feed.xml` },
		},
		{
			id: 'c3', name: 'Now', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [250, 100],
			parameters: { assignments: { assignments: [{ id: 'n1', name: 'now', type: 'string', value: '={{ $now.toISO() }}' }] }, options: {} },
		},
	],
};

const started = Date.now();
writeFileSync(path.join(work, 'workflow.json'), JSON.stringify([workflow, clockWorkflow], null, 2));
log('work dir', work, faketime ? `faketime "${faketime}"` : faketimeJumps ? `offset file ${offsetFile}` : 'real clock');
runCli('import', ['import:workflow', `--input=${path.join(work, 'workflow.json')}`]);
runCli('publish', ['publish:workflow', `--id=${workflow.id}`]);
runCli('publish-clock', ['publish:workflow', `--id=${clockWorkflow.id}`]);

const { command, fullArgs, logFile } = n8nCommand('start', ['start']);
const out = openSync(logFile, 'a');
const server = spawn(command, fullArgs, { cwd: work, env, stdio: ['ignore', out, out] });
const stopServer = () =>
	new Promise((resolve) => {
		if (server.exitCode !== null) return resolve();
		// Under a speed factor n8n's shutdown may hang: SIGKILL after 30 s.
		const killer = setTimeout(() => server.kill('SIGKILL'), 30_000);
		server.once('exit', () => {
			clearTimeout(killer);
			resolve();
		});
		server.kill('SIGTERM');
	});
try {
	for (let ready = false; !ready; ) {
		if (server.exitCode !== null) throw new Error(`n8n start exited; see ${logFile}`);
		ready = await request('GET', '/healthz/readiness').then((r) => r.status === 200, () => false);
		if (!ready) await new Promise((resolve) => setTimeout(resolve, 500));
	}
	log(`n8n ready after ${Date.now() - started} ms (real)`);

	const owner = { email: 'spike@example.com', password: 'Spike-passw0rd', firstName: 'Spike', lastName: 'Owner' };
	const setup = await request('POST', '/rest/owner/setup', { body: owner });
	const cookie = (setup.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
	log('owner setup', setup.status);
	const scopes = ['dataTable:create', 'dataTable:list', 'dataTable:read', 'dataTableRow:read', 'execution:list', 'execution:read'];
	const key = await request('POST', '/rest/api-keys', { headers: { cookie }, body: { label: 'spike', expiresAt: null, scopes } });
	log('api key', key.status, key.status !== 200 ? JSON.stringify(key.data) : '');
	const apiKey = key.data?.data?.rawApiKey;
	const api = { 'X-N8N-API-KEY': apiKey };

	// 1. Public API: create the table (the README's / the demo's way). id, createdAt and updatedAt are
	// system columns (n8n rejects them as column names and keeps updatedAt itself).
	const columns = [
		{ name: 'orderId', type: 'string' },
		{ name: 'state', type: 'string' },
		{ name: 'needsFollowUp', type: 'boolean' },
		{ name: 'requestedAt', type: 'date' },
	];
	const created = await request('POST', '/api/v1/data-tables', { headers: api, body: { name: TABLE, columns } });
	log('POST /api/v1/data-tables', created.status, JSON.stringify(created.data));
	const tableId = created.data?.id;
	const again = await request('POST', '/api/v1/data-tables', { headers: api, body: { name: TABLE, columns } });
	log('POST /api/v1/data-tables again (same name)', again.status, JSON.stringify(again.data));

	// 2. Editor REST: the same call the "Create data table" dialog makes, on the personal project. Its
	// name must not contain TABLE: the node's by-name lookup is `LOWER(name) LIKE %value%`, take 1, so
	// a table named "<TABLE> editor" was picked instead of TABLE in an earlier run of this spike.
	const project = await request('GET', '/rest/projects/personal', { headers: { cookie } });
	const projectId = project.data?.data?.id;
	const editorCreated = await request('POST', `/rest/projects/${projectId}/data-tables`, {
		headers: { cookie },
		body: { name: 'Spike editor table', columns: [{ name: 'orderId', type: 'string' }] },
	});
	log(`POST /rest/projects/${projectId}/data-tables`, editorCreated.status, JSON.stringify(editorCreated.data).slice(0, 300));

	// 2b. The node's own Table -> Create ("Reuse Existing Tables" on): a template can make its table.
	for (const attempt of [1, 2]) {
		const made = await request('POST', '/webhook/lc-spike-create', { body: {} });
		log(`Data table node Table -> Create, call ${attempt}:`, made.status, JSON.stringify({ id: made.data?.id, name: made.data?.name }));
	}

	// 3. The published workflow: the same order twice (state changes), a second order once.
	for (const body of [{ orderId: 1001, state: 'received' }, { orderId: 1001, state: 'active', needsFollowUp: true }, { orderId: 1002, state: 'received' }]) {
		const hook = await request('POST', '/webhook/lc-spike-upsert', { body });
		log('webhook', JSON.stringify(body), '->', hook.status, JSON.stringify(hook.data));
	}
	const rows = await request('GET', `/api/v1/data-tables/${tableId}/rows?limit=100`, { headers: api });
	log(`GET /api/v1/data-tables/${tableId}/rows`, rows.status, JSON.stringify(rows.data));
	const filtered = await request(
		'GET',
		`/api/v1/data-tables/${tableId}/rows?filter=${encodeURIComponent(JSON.stringify({ type: 'and', filters: [{ columnName: 'needsFollowUp', condition: 'eq', value: true }] }))}`,
		{ headers: api },
	);
	log('rows where needsFollowUp = true', filtered.status, JSON.stringify(filtered.data));

	// 5. The clock: how often did "every minute" fire in clockSeconds of real time, and at what $now?
	const realBefore = Date.now();
	const hitsBefore = feedHits.length;
	const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
	if (faketimeJumps) {
		writeFileSync(offsetFile, '+1d\n');
		log('clock: offset file set to +1d');
		await sleep((clockSeconds * 1000) / 2);
		writeFileSync(offsetFile, '+3d\n');
		log('clock: offset file set to +3d');
		await sleep((clockSeconds * 1000) / 2);
		const probe = await request('POST', '/webhook/lc-spike-upsert', { body: { orderId: 9999, state: 'probe' } });
		log('clock: $now in a webhook execution after the jumps (requestedAt):', probe.data?.requestedAt);
	} else {
		await sleep(clockSeconds * 1000);
	}
	const executions = await request('GET', `/api/v1/executions?workflowId=${clockWorkflow.id}&limit=250&includeData=true`, { headers: api });
	const triggerNames = ['Every minute', 'Every hour', 'Poll every minute'];
	const starts = (executions.data?.data ?? [])
		.map((execution) => {
			const ran = Object.keys(execution.data?.resultData?.runData ?? {});
			return `${execution.startedAt} (${triggerNames.find((name) => ran.includes(name)) ?? '?'})`;
		})
		.sort();
	log(`clock: ${clockSeconds} s real -> ${starts.length} executions of the clock workflow in total, feed polled ${feedHits.length - hitsBefore} times in the window (${feedHits.length} in total)`);
	log('clock: execution startedAt (n8n clock):', starts.join(', '));
	log('clock: spike real time at window start/end', new Date(realBefore).toISOString(), new Date().toISOString());
} finally {
	await stopServer();
	feed.close();
}

// 4. After the server stopped: `n8n execute` (the CLI the e2e uses for one-off runs) does not
// initialise backend modules (only start, worker and webhook call initModules), so the Data table
// node cannot run there. Shown, not hidden: the life-cycle e2e must run its workflows in the server.
const { command: cliCommand, fullArgs: cliArgs } = n8nCommand('execute', ['execute', `--id=${workflow.id}`, '--rawOutput']);
const cli = spawnSync(cliCommand, cliArgs, { cwd: work, env, encoding: 'utf8', timeout: 180_000 });
const cliError = /NodeOperationError: [^\n]*/.exec(`${cli.stdout}\n${cli.stderr}`);
log('n8n execute (Manual Trigger): exit', cli.status, cliError ? cliError[0] : '(no node error)');
log(`done in ${Date.now() - started} ms (real); logs in ${path.join(work, 'logs')}`);
