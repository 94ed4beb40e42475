/**
 * A fresh n8n for one benchmark run: its own user folder with the packed package installed the
 * way users get it, the run's credentials and workflow imported and published, `n8n start`, an
 * owner and a public-API key. Nothing is shared between runs, so each run's memory is its own.
 */
import path from 'node:path';
import { installIntoUserFolder, type PackedPackage } from '../e2e/lib/community-package';
import { createFakeClock, type FakeClock } from '../e2e/lib/faketime';
import { importCredentials, importWorkflows, publishWorkflow } from '../e2e/lib/n8n-cli';
import { createN8nInstance, type N8nInstance } from '../e2e/lib/n8n-instance';
import { createApiKey, defaultApiKeyScopes, setUpOwner } from '../e2e/lib/n8n-owner';
import { N8nPublicApi } from '../e2e/lib/n8n-public-api';
import { startN8nServer, type N8nServer } from '../e2e/lib/n8n-server';
import type { BenchWorkflow } from './benchWorkflows';
import { sampleTreeMemory, type MemorySampler } from './processMemory';

export interface BenchN8n {
	instance: N8nInstance;
	/** The moved clock n8n runs on, when started with `fakeClock`. */
	fakeClock?: FakeClock;
	apiKey: string;
	server: N8nServer;
	api: N8nPublicApi;
	memory: MemorySampler;
	stop(): Promise<void>;
}

export interface BenchN8nOptions {
	/** Run n8n under libfaketime (e2e/lib/faketime.ts), so the run can move its clock. */
	fakeClock?: boolean;
	/** API-key scopes beyond the default ones (e.g. the Data Table's). */
	extraScopes?: readonly string[];
}

export async function startBenchN8n(name: string, packed: PackedPackage, workflow: BenchWorkflow, options: BenchN8nOptions = {}): Promise<BenchN8n> {
	const created = await createN8nInstance({ name: `bench-${name}` });
	await installIntoUserFolder({ packed, userFolder: created.userFolder, logFile: path.join(created.logsDir, 'install-package.log') });
	await importCredentials(created, workflow.credentials);
	await importWorkflows(created, [workflow.json], 'workflow');
	await publishWorkflow(created, workflow.json.id);
	const fakeClock = options.fakeClock ? createFakeClock(created.workDir, created.env) : undefined;
	const instance = fakeClock ? { ...created, env: fakeClock.env } : created;
	// `timeout` runs under the moved clock too: its limit must outlast the clock's jumps.
	const server = await startN8nServer(instance, { maxLifetimeSeconds: fakeClock ? 30 * 86_400 : 2 * 3600, readyTimeoutMs: 240_000 });
	const memory = sampleTreeMemory(server.pid);
	try {
		const cookie = await setUpOwner(server.baseUrl, {
			email: 'bench@example.com',
			password: 'BenchOwnerPassw0rd',
			firstName: 'Bench',
			lastName: 'Mark',
		});
		const apiKey = await createApiKey(server.baseUrl, cookie, [...defaultApiKeyScopes, ...(options.extraScopes ?? [])]);
		const api = new N8nPublicApi(server.baseUrl, apiKey);
		return {
			instance,
			...(fakeClock ? { fakeClock } : {}),
			apiKey,
			server,
			api,
			memory,
			stop: async () => {
				memory.stop();
				await server.stop();
			},
		};
	} catch (error) {
		memory.stop();
		await server.stop();
		throw error;
	}
}
