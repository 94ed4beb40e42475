import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { node24Env } from './node24';
import { e2eWorkDir } from './paths';
import { findFreePort } from './ports';

/** One throwaway n8n: its own user folder (SQLite DB, settings, installed package), temp dir and ports. */
export interface N8nInstance {
	name: string;
	/** Everything of this instance lives below here. */
	workDir: string;
	/** N8N_USER_FOLDER; n8n keeps its data in `<userFolder>/.n8n`. */
	userFolder: string;
	/** n8n's data folder: database.sqlite, config (encryption key), logs, nodes/. */
	n8nDataDir: string;
	/** TMPDIR of every n8n process: n8n and Node 24's compile cache write into the OS temp dir. */
	tmpDir: string;
	/** Captured output of each CLI step and of the server. */
	logsDir: string;
	/** Input files handed to the CLI (workflows); credential files are written here and deleted after import. */
	inputDir: string;
	port: number;
	brokerPort: number;
	baseUrl: string;
	env: NodeJS.ProcessEnv;
}

/**
 * Offline and loopback-only: no telemetry, version checks, templates, license renewals or MCP
 * registry calls (each would try the internet at startup), and the server and task broker bind
 * 127.0.0.1. The file log gives the secret scan a log file to read besides the captured output.
 */
export function n8nEnvironment(instance: Omit<N8nInstance, 'env'>): NodeJS.ProcessEnv {
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(
			// Jest sets NODE_ENV=test, which n8n reads as "running its own unit tests" (quiet logger, ...).
			([key]) => !/^(N8N_|DB_|EXECUTIONS_|JEST_)/.test(key) && key !== 'NODE_ENV' && key !== 'NODE_OPTIONS',
		),
	);
	return {
		...node24Env(inherited),
		TMPDIR: instance.tmpDir,
		N8N_USER_FOLDER: instance.userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(instance.port),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(instance.brokerPort),
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_OUTPUT: 'console,file',
		N8N_LOG_FILE_LOCATION: path.join(instance.userFolder, '.n8n', 'logs', 'n8n.log'),
	};
}

export interface CreateInstanceOptions {
	/** Short label: names the work folder. */
	name: string;
	/** Fixed ports (the demo); free ones are picked when left out. */
	port?: number;
	brokerPort?: number;
	/** Defaults to a fresh folder below .e2e-work/runs/. It is emptied first. */
	workDir?: string;
}

export async function createN8nInstance(options: CreateInstanceOptions): Promise<N8nInstance> {
	const workDir = options.workDir ?? path.join(e2eWorkDir, 'runs', `${options.name}-${Date.now()}-${process.pid}`);
	rmSync(workDir, { recursive: true, force: true });
	const userFolder = path.join(workDir, 'user');
	const layout = {
		name: options.name,
		workDir,
		userFolder,
		n8nDataDir: path.join(userFolder, '.n8n'),
		tmpDir: path.join(workDir, 'tmp'),
		logsDir: path.join(workDir, 'logs'),
		inputDir: path.join(workDir, 'input'),
	};
	for (const dir of [layout.userFolder, layout.tmpDir, layout.logsDir, layout.inputDir]) mkdirSync(dir, { recursive: true });
	const port = options.port ?? (await findFreePort());
	let brokerPort = options.brokerPort ?? (await findFreePort());
	while (brokerPort === port) brokerPort = await findFreePort();
	const withoutEnv = { ...layout, port, brokerPort, baseUrl: `http://127.0.0.1:${port}` };
	return { ...withoutEnv, env: n8nEnvironment(withoutEnv) };
}
