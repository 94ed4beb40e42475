/**
 * The shipped template workflow in a real n8n: imported unchanged (only its credentials are
 * created, with the ids it references, pointing at the sandbox), published, and run by `n8n start`
 * on its own: the Tjänsteguiden trigger polls, the flow activates services over the ON-API.
 * Asserts on the sandbox's state first, then on the execution data n8n kept.
 */
import path from 'node:path';
import { startSandbox, type OrderView, type RunningSandbox } from '../../sandbox/src';
import { createOnApiSimulator, FAILING_ACCESS_ID, TAKEN_ACCESS_ID, type OnApiSimulator } from '../../sandbox/src/onapi';
import { importCredentials, importWorkflowFile, publishWorkflow } from '../../e2e/lib/n8n-cli';
import { createN8nInstance, type N8nInstance } from '../../e2e/lib/n8n-instance';
import { createApiKey, setUpOwner } from '../../e2e/lib/n8n-owner';
import { executionNodeItems, N8nPublicApi, type ExecutionDetail } from '../../e2e/lib/n8n-public-api';
import { startN8nServer, type N8nServer } from '../../e2e/lib/n8n-server';
import { templateWorkflowPath } from '../../e2e/lib/paths';
import { installPreparedPackage } from '../../e2e/lib/prepared-package';
import { credentialReferences, readWorkflowFile, sandboxCredentials, sandboxCredentialSecrets } from '../../e2e/lib/sandbox-credentials';
import { findSecretsInFiles, findSecretsInText, type Secret } from '../../e2e/lib/secret-scan';
import { waitFor } from '../../e2e/lib/wait-for';

const manualBranchNode = 'Needs manual follow-up (replace me)';
const handOverNode = 'Hand over to your order system (replace me)';
const directActivatedNode = 'Import direct-activated order (replace me)';

/** The orders placed once the workflow runs, one per path through the flow. */
const scenario = {
	activateSndemo: { service: 'BB100100', socket: 'SNDEMO-A0021', onApiService: 'BB-100-100', co: 'SNDEMO' },
	activateFibnorr: { service: 'BB250250', socket: 'FIBNORR-1021', onApiService: 'BB-250-250', co: 'FIBNORR' },
	directActivated: { service: 'BB10001000', socket: 'SNDEMO-A0022', status: 'delivered' as const, co: 'SNDEMO' },
	failsAtOperator: { service: 'BB100100', socket: FAILING_ACCESS_ID, co: 'FIBNORR' },
	takenByOtherSp: { service: 'BB100100', socket: TAKEN_ACCESS_ID, co: 'SNDEMO' },
	unmappedService: { service: 'TVBAS', socket: 'SNDEMO-A0023', co: 'SNDEMO' },
};
type Case = keyof typeof scenario;
const succeeding: Case[] = ['activateSndemo', 'activateFibnorr'];
const failing: Case[] = ['failsAtOperator', 'takenByOtherSp', 'unmappedService'];

describe('the template workflow, published and polling in a real n8n', () => {
	let sandbox: RunningSandbox;
	let onApi: OnApiSimulator;
	let instance: N8nInstance;
	let server: N8nServer | undefined;
	let api: N8nPublicApi;
	let existingBeforeActivation: OrderView;
	const placed = {} as Record<Case, OrderView>;
	let executions: ExecutionDetail[];

	const order = (id: number) => sandbox.admin.tjansteguiden.order(id);
	const operatorState = (co: string) => onApi.state(co).operators[co];

	beforeAll(async () => {
		sandbox = await startSandbox({
			extraSimulators: [
				({ clock }) => {
					onApi = createOnApiSimulator({ clock });
					return onApi;
				},
			],
		});
		existingBeforeActivation = await sandbox.admin.tjansteguiden.createOrder({ service: 'BB100100', socket: 'SNDEMO-A0024' });

		const workflows = readWorkflowFile(templateWorkflowPath);
		instance = await createN8nInstance({ name: 'template-flow' });
		await installPreparedPackage(instance);
		await importCredentials(instance, sandboxCredentials(credentialReferences(workflows), sandbox.url));
		await importWorkflowFile(instance, templateWorkflowPath);
		for (const workflow of workflows) await publishWorkflow(instance, workflow.id);

		server = await startN8nServer(instance, { maxLifetimeSeconds: 1500 });
		const cookie = await setUpOwner(server.baseUrl, { email: 'e2e@example.com', password: 'E2eOwnerPassw0rd', firstName: 'End', lastName: 'ToEnd' });
		api = new N8nPublicApi(server.baseUrl, await createApiKey(server.baseUrl, cookie));
		const workflowId = workflows[0].id;
		expect((await api.getWorkflow(workflowId)).active).toBe(true);

		// The trigger's first poll (at activation) only remembers what exists; orders placed after it
		// has been answered are new to it. (An entry without status is still being answered.)
		await waitFor(
			"the trigger's first poll",
			async () => {
				const { entries } = await sandbox.admin.requests({ operation: 'orders' });
				return entries.some((entry) => entry.status !== undefined) ? true : undefined;
			},
			{ timeoutMs: 120_000, describeLastState: () => server!.readLog().slice(-2000) },
		);
		for (const [name, input] of Object.entries(scenario) as Array<[Case, (typeof scenario)[Case]]>) {
			placed[name] = await sandbox.admin.tjansteguiden.createOrder({
				service: input.service,
				socket: input.socket,
				...('status' in input ? { status: input.status } : {}),
			});
		}

		// Poll every minute, then ON-API activations that take a few (sandbox) seconds each.
		const placedIds = new Set(Object.values(placed).map((view) => String(view.id)));
		executions = await waitFor(
			'the flow to handle every placed order',
			async () => {
				const all = await api.listExecutions({ workflowId, includeData: true });
				if (all.some((execution) => !execution.finished && execution.status !== 'error')) return undefined;
				const emitted = new Set(all.flatMap((execution) => executionNodeItems(execution, 'New Tjänsteguiden order')).map((item) => String(item.id)));
				const settled = await Promise.all(
					[...succeeding, ...failing].map(async (name) => ['delivered', 'waiting'].includes((await order(placed[name].id)).status)),
				);
				return [...placedIds].every((id) => emitted.has(id)) && settled.every(Boolean) ? all : undefined;
			},
			{
				timeoutMs: 360_000,
				intervalMs: 2000,
				describeLastState: async () =>
					JSON.stringify(
						await Promise.all(Object.entries(placed).map(async ([name, view]) => [name, (await order(view.id)).status])),
					),
			},
		);
	}, 900_000);

	afterAll(async () => {
		await server?.stop();
		await sandbox?.close();
	}, 120_000);

	it('delivers each activatable order with exactly one ON-API activation', async () => {
		for (const name of succeeding) {
			const { socket, co, onApiService } = scenario[name as 'activateSndemo'];
			expect({ name, status: (await order(placed[name].id)).status }).toEqual({ name, status: 'delivered' });
			const activations = operatorState(co).orders.filter((onApiOrder) => onApiOrder.accessId === socket);
			expect(activations.map(({ service, state }) => ({ service, state }))).toEqual([{ service: onApiService, state: 'DONE_SUCCESS' }]);
			expect(operatorState(co).createCalls[socket]?.total).toBe(1);
		}
	});

	it('activates nothing for a direct-activated order', async () => {
		const { socket, co } = scenario.directActivated;
		expect((await order(placed.directActivated.id)).status).toBe('delivered');
		expect(operatorState(co).createCalls[socket]).toBeUndefined();
		expect(operatorState(co).orders.filter((onApiOrder) => onApiOrder.accessId === socket)).toEqual([]);
	});

	it('leaves one error message and status waiting on each order that could not be activated', async () => {
		for (const name of failing) {
			const view = await order(placed[name].id);
			const errors = (view.log ?? []).filter((entry) => entry.type === 'error');
			expect({ name, status: view.status, errors: errors.length }).toEqual({ name, status: 'waiting', errors: 1 });
		}
		expect(operatorState('SNDEMO').createCalls[scenario.unmappedService.socket]).toBeUndefined();
	});

	it('leaves orders that existed before activation alone', async () => {
		expect((await order(existingBeforeActivation.id)).status).toBe('new');
		expect(operatorState('SNDEMO').createCalls[existingBeforeActivation.socket]).toBeUndefined();
	});

	it('routes the orders to the right branches in the execution data', () => {
		const idsIn = (node: string) =>
			executions.flatMap((execution) => executionNodeItems(execution, node)).map((item) => String(item.orderId ?? item.id)).sort();
		const idsOf = (names: Case[]) => names.map((name) => String(placed[name].id)).sort();
		expect(idsIn(manualBranchNode)).toEqual(idsOf(failing));
		expect(idsIn(directActivatedNode)).toEqual(idsOf(['directActivated']));
		expect(idsIn('Mark as delivered')).toEqual(idsOf(succeeding));
		expect(executions.flatMap((execution) => executionNodeItems(execution, handOverNode))).toHaveLength(succeeding.length);
	});

	it('keeps the login hash, API key and ON-API passwords out of execution data, database and logs', async () => {
		const hashes = await sandbox.admin.tjansteguiden.hashes();
		expect(hashes.length).toBeGreaterThan(0);
		const secrets: Secret[] = [
			...sandboxCredentialSecrets,
			...hashes.map((issued, index) => ({ label: `login hash #${index + 1}`, value: issued.hash })),
		];
		const executionTexts = Object.fromEntries(executions.map((execution) => [`execution ${execution.id}`, JSON.stringify(execution)]));
		expect(findSecretsInText(executionTexts, secrets)).toEqual([]);
		const isPackageCode = (file: string) => file === path.join(instance.n8nDataDir, 'nodes');
		expect(findSecretsInFiles([instance.n8nDataDir, instance.logsDir], secrets, isPackageCode)).toEqual([]);
	});
});
