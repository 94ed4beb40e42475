/**
 * Smoke test: the packed package, loaded from the user folder's nodes/node_modules the way users
 * install it, is picked up by a real `n8n start`, and its node and credential types appear under
 * their real names (what the editor lists and what workflow JSON refers to).
 */
import { createN8nInstance, type N8nInstance } from '../../e2e/lib/n8n-instance';
import { listCredentialTypeNames, listNodeTypeNames, setUpOwner } from '../../e2e/lib/n8n-owner';
import { startN8nServer, type N8nServer } from '../../e2e/lib/n8n-server';
import { installPreparedPackage, preparedPackage } from '../../e2e/lib/prepared-package';

describe('the packed package in a real n8n', () => {
	let instance: N8nInstance;
	let server: N8nServer | undefined;
	let sessionCookie: string;

	beforeAll(async () => {
		instance = await createN8nInstance({ name: 'package-loads' });
		await installPreparedPackage(instance);
		server = await startN8nServer(instance, { maxLifetimeSeconds: 900 });
		sessionCookie = await setUpOwner(server.baseUrl, {
			email: 'e2e@example.com',
			password: 'E2eOwnerPassw0rd',
			firstName: 'End',
			lastName: 'ToEnd',
		});
	}, 600_000);

	afterAll(async () => {
		await server?.stop();
	}, 60_000);

	it('is the package built from this repository', () => {
		expect(preparedPackage().name).toBe('n8n-nodes-tjansteguiden');
	});

	it('lists the Tjänsteguiden and ON-API action and trigger nodes', async () => {
		const names = await listNodeTypeNames(server!.baseUrl, sessionCookie);
		// n8n adds `<name>Tool` variants of nodes that are usable as AI tools; those are not checked here.
		expect(names).toEqual(
			expect.arrayContaining([
				'n8n-nodes-tjansteguiden.tjansteguiden',
				'n8n-nodes-tjansteguiden.tjansteguidenTrigger',
				'n8n-nodes-tjansteguiden.onApi',
				'n8n-nodes-tjansteguiden.onApiTrigger',
			]),
		);
	});

	it('lists the four credential types', async () => {
		const names = await listCredentialTypeNames(server!.baseUrl, sessionCookie);
		expect(names).toEqual(expect.arrayContaining(['tjansteguidenApi', 'tjansteguidenOperatorApi', 'onApi', 'onApiOperatorsApi']));
	});
});
