/**
 * A fresh n8n for one benchmark run: its own user folder with the packed package installed the
 * way users get it, the run's credentials and workflow imported and published, `n8n start`, an
 * owner and a public-API key. Nothing is shared between runs, so each run's memory is its own.
 */
import path from 'node:path';
import { installIntoUserFolder, type PackedPackage } from '../e2e/lib/community-package';
import { importCredentials, importWorkflows, publishWorkflow } from '../e2e/lib/n8n-cli';
import { createN8nInstance, type N8nInstance } from '../e2e/lib/n8n-instance';
import { createApiKey, setUpOwner } from '../e2e/lib/n8n-owner';
import { N8nPublicApi } from '../e2e/lib/n8n-public-api';
import { startN8nServer, type N8nServer } from '../e2e/lib/n8n-server';
import type { BenchWorkflow } from './benchWorkflows';
import { sampleTreeMemory, type MemorySampler } from './processMemory';

export interface BenchN8n {
	instance: N8nInstance;
	server: N8nServer;
	api: N8nPublicApi;
	memory: MemorySampler;
	stop(): Promise<void>;
}

export async function startBenchN8n(name: string, packed: PackedPackage, workflow: BenchWorkflow): Promise<BenchN8n> {
	const instance = await createN8nInstance({ name: `bench-${name}` });
	await installIntoUserFolder({ packed, userFolder: instance.userFolder, logFile: path.join(instance.logsDir, 'install-package.log') });
	await importCredentials(instance, workflow.credentials);
	await importWorkflows(instance, [workflow.json], 'workflow');
	await publishWorkflow(instance, workflow.json.id);
	const server = await startN8nServer(instance, { maxLifetimeSeconds: 2 * 3600 });
	const memory = sampleTreeMemory(server.pid);
	try {
		const cookie = await setUpOwner(server.baseUrl, {
			email: 'bench@example.com',
			password: 'BenchOwnerPassw0rd',
			firstName: 'Bench',
			lastName: 'Mark',
		});
		const api = new N8nPublicApi(server.baseUrl, await createApiKey(server.baseUrl, cookie));
		return {
			instance,
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
