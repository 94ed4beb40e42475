/**
 * n8n in queue mode on one machine: one main process (editor, API, triggers and pollers) and N
 * workers (they run the executions), sharing a PostgreSQL database and a Redis queue. Every
 * process has its own user folder with the community package installed in it, as on separate
 * hosts: a worker without the package cannot run the package's nodes. All share one encryption
 * key, so workers can read the credentials the main process stored.
 */
import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { installIntoUserFolder, installedPackageDir, type PackedPackage } from '../lib/community-package';
import type { FakeClock } from '../lib/faketime';
import { importCredentials, importWorkflows, publishWorkflow, type CredentialToImport } from '../lib/n8n-cli';
import { createN8nInstance, type N8nInstance } from '../lib/n8n-instance';
import { createApiKey, defaultApiKeyScopes, setUpOwner } from '../lib/n8n-owner';
import { N8nPublicApi } from '../lib/n8n-public-api';
import { startN8nServer, type N8nServer } from '../lib/n8n-server';
import { createN8nWorker, type N8nWorker } from './n8n-worker';
import type { PostgresServer } from './postgres';
import type { RedisServer } from './redis';

/** What every process of the cluster needs, main and workers alike. */
export function queueModeEnvironment(postgres: PostgresServer, redis: RedisServer, encryptionKey: string): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		N8N_ENCRYPTION_KEY: encryptionKey,
	};
}

export interface QueueClusterOptions {
	name: string;
	packed: PackedPackage;
	workflow: { json: { id: string }; credentials: CredentialToImport[] };
	postgres: PostgresServer;
	redis: RedisServer;
	workers: number;
	workerConcurrency: number;
	/** Extra environment for every process (log level, queue timings ...). */
	extraEnv?: Record<string, string>;
	apiKeyScopes?: string[];
	/** Runs the main process and every worker (restarted ones too) on this moved clock. */
	clock?: Pick<FakeClock, 'fakedEnv'>;
	/** The `timeout` wrapper's limit; under a moved clock it counts moved time, so set it above the jumps. Default 3600. */
	maxLifetimeSeconds?: number;
}

export interface QueueCluster {
	main: N8nInstance;
	server: N8nServer;
	workers: N8nWorker[];
	api: N8nPublicApi;
	apiKey: string;
	/** Workers first (they finish or give up their jobs), then the main process. */
	stop(): Promise<void>;
}

export async function startQueueCluster(options: QueueClusterOptions): Promise<QueueCluster> {
	const encryptionKey = randomBytes(24).toString('hex');
	const shared = { ...queueModeEnvironment(options.postgres, options.redis, encryptionKey), ...(options.extraEnv ?? {}) };
	const stamp = `${Date.now()}-${process.pid}`;
	const maxLifetimeSeconds = options.maxLifetimeSeconds ?? 3600;
	// The CLI imports below run on the real clock; only the long-running processes are moved.
	const onClock = (instance: N8nInstance): N8nInstance => (options.clock ? { ...instance, env: options.clock.fakedEnv(instance.env) } : instance);
	const main = await createN8nInstance({ name: `${options.name}-main` });
	Object.assign(main.env, shared);
	const installed = await installIntoUserFolder({
		packed: options.packed,
		userFolder: main.userFolder,
		logFile: path.join(main.logsDir, 'install-package.log'),
	});
	const workers: N8nWorker[] = [];
	for (let index = 1; index <= options.workers; index++) {
		const instance = await createN8nInstance({ name: `${options.name}-worker${index}`, workDir: path.join(path.dirname(main.workDir), `${options.name}-worker${index}-${stamp}`) });
		// QUEUE_HEALTH_CHECK_* gives the worker an HTTP server for /healthz/readiness, on its own port.
		Object.assign(instance.env, shared, {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(instance.port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		});
		// The same package files a `npm install` in this worker's user folder would give.
		cpSync(installed, installedPackageDir(instance.userFolder, options.packed.name), { recursive: true });
		workers.push(createN8nWorker(onClock(instance), { concurrency: options.workerConcurrency, maxLifetimeSeconds }));
	}

	await importCredentials(main, options.workflow.credentials);
	await importWorkflows(main, [options.workflow.json], 'workflow');
	await publishWorkflow(main, options.workflow.json.id);

	const started: Array<{ stop(): Promise<void> }> = [];
	const stopAll = async () => {
		for (const service of [...started].reverse()) await service.stop().catch(() => undefined);
	};
	try {
		// libfaketime slows n8n's start (docs/lifecycle-design.md §7): the week test's allowance.
		const server = await startN8nServer(onClock(main), { maxLifetimeSeconds, ...(options.clock ? { readyTimeoutMs: 240_000 } : {}) });
		started.push(server);
		await Promise.all(
			workers.map(async (worker) => {
				await worker.start();
				started.push({ stop: async () => await worker.current?.stop() });
			}),
		);
		const cookie = await setUpOwner(server.baseUrl, {
			email: 'queue@example.com',
			password: 'QueueOwnerPassw0rd',
			firstName: 'Queue',
			lastName: 'Mode',
		});
		const apiKey = await createApiKey(server.baseUrl, cookie, options.apiKeyScopes ?? defaultApiKeyScopes);
		return {
			main,
			server,
			workers,
			api: new N8nPublicApi(server.baseUrl, apiKey),
			apiKey,
			stop: async () => {
				await Promise.all(workers.map(async (worker) => await worker.current?.stop().catch(() => undefined)));
				await server.stop();
			},
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}
