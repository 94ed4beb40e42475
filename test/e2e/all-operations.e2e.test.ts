/**
 * Every operation of the Tjänsteguiden action node, run by a real n8n (`n8n execute`) with the
 * packed package loaded from the user folder, against the sandbox. Asserts on the node outputs and
 * on the sandbox's state, and that neither the API key nor any issued login hash ends up in what
 * n8n printed or stored.
 */
import path from 'node:path';
import { DEMO_API_KEY, DEMO_API_USER, startSandbox, type OrderView, type RunningSandbox } from '../../sandbox/src';
import { executeWorkflow, importCredentials, importWorkflowFile, nodeOutput, type CliExecuteResult } from '../../e2e/lib/n8n-cli';
import { createN8nInstance, type N8nInstance } from '../../e2e/lib/n8n-instance';
import { e2eWorkflowsDir } from '../../e2e/lib/paths';
import { installPreparedPackage } from '../../e2e/lib/prepared-package';
import { findSecretsInFiles, findSecretsInText, type Secret } from '../../e2e/lib/secret-scan';

const workflowFile = path.join(e2eWorkflowsDir, 'all-operations.json');
const credentialId = 'e2eTjansteguide1';
const message = 'Imported by the end-to-end test: all operations åäö';

describe('every Tjänsteguiden action-node operation through n8n execute', () => {
	let sandbox: RunningSandbox;
	let instance: N8nInstance;
	let seeded: OrderView[];
	let run: CliExecuteResult;

	beforeAll(async () => {
		sandbox = await startSandbox();
		const created = await sandbox.admin.tjansteguiden.createOrders([
			{ service: 'BB100100', socket: 'SNDEMO-A0021', customer: { firstname: 'Testa', surname: 'Alltsson' } },
			{ service: 'BB250250', socket: 'FIBNORR-1021', customer: { firstname: 'Prova', surname: 'Allmänsson' } },
		]);
		seeded = created.orders ?? [];
		expect(seeded).toHaveLength(2);

		instance = await createN8nInstance({ name: 'all-operations' });
		await installPreparedPackage(instance);
		await importCredentials(instance, [
			{
				id: credentialId,
				name: 'Tjänsteguiden sandbox (e2e)',
				type: 'tjansteguidenApi',
				data: { baseUrl: sandbox.url, apiUser: Number(DEMO_API_USER), apiKey: DEMO_API_KEY },
			},
		]);
		await importWorkflowFile(instance, workflowFile);
		run = await executeWorkflow(instance, 'e2eAllOperation1');
	}, 600_000);

	afterAll(async () => {
		await sandbox?.close();
	});

	it('runs the workflow to success', () => {
		const error = run.execution?.data.resultData.error;
		expect({ succeeded: run.succeeded, status: run.execution?.status, error: error?.message }).toEqual({
			succeeded: true,
			status: 'success',
			error: undefined,
		});
	});

	it('gets many orders, then one order', () => {
		const orders = nodeOutput(run.execution!, 'Get Many Orders');
		expect(orders.map((order) => String(order.id)).sort()).toEqual(seeded.map((order) => String(order.id)).sort());
		const [order] = nodeOutput(run.execution!, 'Get Order');
		const expected = seeded.find((candidate) => String(candidate.id) === String(orders[0].id))!;
		expect(order).toMatchObject({ id: String(expected.id), status: 'new', customer: String(expected.customer) });
	});

	it('sets the status and adds a message on the sandbox order', async () => {
		const [order] = nodeOutput(run.execution!, 'Get Order');
		const orderId = Number(order.id);
		const [statusSet] = nodeOutput(run.execution!, 'Set Status');
		expect({ ...statusSet, orderId: Number(statusSet.orderId) }).toMatchObject({ success: true, orderId, status: 'received' });
		const [messageAdded] = nodeOutput(run.execution!, 'Add Message');
		expect({ ...messageAdded, orderId: Number(messageAdded.orderId) }).toMatchObject({ success: true, orderId, messageType: 'log', message });

		const changed = await sandbox.admin.tjansteguiden.order(orderId);
		expect(changed.status).toBe('received');
		expect(changed.log?.filter((entry) => entry.message === message)).toEqual([expect.objectContaining({ type: 'log' })]);
		const untouched = seeded.find((candidate) => candidate.id !== orderId)!;
		expect((await sandbox.admin.tjansteguiden.order(untouched.id)).status).toBe('new');
	});

	it("reads the order's log including the new message", () => {
		const log = nodeOutput(run.execution!, 'Get Order Log');
		expect(log).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'log', message })]));
	});

	it('gets one customer and many customers, without personal data by default', () => {
		const [order] = nodeOutput(run.execution!, 'Get Order');
		const [customer] = nodeOutput(run.execution!, 'Get Customer');
		expect(customer).toMatchObject({ id: String(order.customer) });
		expect(customer).not.toHaveProperty('serial');
		const customers = nodeOutput(run.execution!, 'Get Many Customers');
		expect(customers.map((entry) => String(entry.id)).sort()).toEqual(seeded.map((entry) => String(entry.customer)).sort());
	});

	it('leaves neither the API key nor a login hash in the output, database or logs', async () => {
		const hashes = await sandbox.admin.tjansteguiden.hashes();
		// The scan only means something if the node really logged in.
		expect(hashes.length).toBeGreaterThan(0);
		const secrets: Secret[] = [
			{ label: 'API key', value: DEMO_API_KEY },
			...hashes.map((issued, index) => ({ label: `login hash #${index + 1}`, value: issued.hash })),
		];
		expect(findSecretsInText({ 'n8n execute output': run.output }, secrets)).toEqual([]);
		// nodes/ holds the package's own code, not data n8n wrote.
		const isPackageCode = (file: string) => file === path.join(instance.n8nDataDir, 'nodes');
		expect(findSecretsInFiles([instance.n8nDataDir, instance.logsDir], secrets, isPackageCode)).toEqual([]);
	});
});
