/**
 * Runs the ON-API node through n8n's real execution code (test/harness) against the sandbox's
 * ON-API simulator on loopback: demo operators SNDEMO (2.6 credentials) and FIBNORR (2.4).
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { OnApi as OnApiCredential } from '../../credentials/OnApi.credentials';
import { OnApi } from '../../nodes/OnApi/OnApi.node';
import { resetOnApiProcessState } from '../../nodes/OnApi/processState';
import { DEMO_OPERATORS, DEMO_USERNAME, SNDEMO, startSandbox, type RunningSandbox } from '../../sandbox/src';
import { createOnApiSimulator, type OnApiSimulator } from '../../sandbox/src/onapi';
import { executeNode, type HarnessResult } from '../harness/n8n';

export type Version = '2.4' | '2.5' | '2.6';
export const VERSIONS: Version[] = ['2.4', '2.5', '2.6'];

/** The demo service provider's ON-API password at each demo operator, by coId. */
export const PASSWORDS: Record<string, string> = Object.fromEntries(DEMO_OPERATORS.map((operator) => [operator.coId, operator.onApiPassword]));

export interface OnApiSandbox {
	sandbox: RunningSandbox;
	onapi: OnApiSimulator;
	close(): Promise<void>;
}

export async function startOnApiSandbox(): Promise<OnApiSandbox> {
	let onapi: OnApiSimulator | undefined;
	const sandbox = await startSandbox({
		extraSimulators: [
			({ clock }) => {
				onapi = createOnApiSimulator({ clock });
				return onapi;
			},
		],
	});
	if (!onapi) throw new Error('ON-API simulator was not mounted');
	return { sandbox, onapi, close: () => sandbox.close() };
}

/** Back to the seeded world between tests; the node's process-wide state (its endpoint cache) is reset too. */
export async function resetWorld(env: OnApiSandbox): Promise<void> {
	await env.sandbox.admin.reset();
	resetOnApiProcessState();
}

/**
 * One sandbox for the calling test file, back to the seeded world before each test. Call it at
 * the top of the file; the getter it returns gives the running sandbox inside tests and hooks.
 */
export function useOnApiSandbox(): () => OnApiSandbox {
	let env: OnApiSandbox | undefined;
	const running = (): OnApiSandbox => {
		if (!env) throw new Error('The ON-API sandbox runs only inside tests and hooks');
		return env;
	};
	beforeAll(async () => {
		env = await startOnApiSandbox();
	});
	afterAll(async () => env?.close());
	beforeEach(async () => resetWorld(running()));
	return running;
}

export interface CredentialOptions {
	coId?: string;
	version?: Version;
	/** Overrides the base URL (e.g. the Stadsnätsportalen form). */
	baseUrl?: string;
	username?: string;
	password?: string;
}

export function credentialsFor(env: OnApiSandbox, options: CredentialOptions = {}): IDataObject {
	const coId = options.coId ?? SNDEMO.coId;
	return {
		baseUrl: options.baseUrl ?? `${env.sandbox.url}/onapi/${coId}`,
		version: options.version ?? SNDEMO.onApiVersion,
		username: options.username ?? DEMO_USERNAME,
		password: options.password ?? PASSWORDS[coId],
	};
}

export interface RunOptions extends CredentialOptions {
	/** The node's parameters as in workflow JSON. */
	parameters: IDataObject;
	inputItems?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** Filled with how often n8n was asked for the credential. */
	credentialReads?: Record<string, number>;
}

export async function runOnApi(env: OnApiSandbox, options: RunOptions): Promise<HarnessResult> {
	return await executeNode({
		nodeType: new OnApi(),
		parameters: options.parameters as INodeParameters,
		credentialTypes: [new OnApiCredential()],
		credentials: { onApi: credentialsFor(env, options) as Record<string, string> },
		inputItems: options.inputItems,
		continueOnFail: options.continueOnFail,
		credentialReads: options.credentialReads,
	});
}

/** The JSON of the node's first output. */
export function jsonOf(result: HarnessResult): IDataObject[] {
	return (result.outputs[0] ?? []).map((item) => item.json);
}

/** Requests the ON-API simulator received, oldest first, as `METHOD path`. */
export async function onApiRequests(env: OnApiSandbox): Promise<string[]> {
	const page = await env.sandbox.admin.requests({ simulator: 'onapi', limit: 10_000 });
	return page.entries.map((entry) => `${entry.httpMethod} ${entry.path}`);
}

/** The HTTP statuses the simulator answered to one operation (e.g. `POST orders/`), oldest first. */
export async function statusesOf(env: OnApiSandbox, operation: string): Promise<Array<number | undefined>> {
	const page = await env.sandbox.admin.requests({ simulator: 'onapi', operation });
	return page.entries.map((entry) => entry.status);
}

/**
 * Resolves once the simulator has seen a request matching `pattern`; tests use it to move the
 * sandbox clock while the node is waiting, instead of sleeping for a fixed time.
 */
export async function whenRequested(env: OnApiSandbox, pattern: RegExp, times = 1): Promise<void> {
	for (;;) {
		const seen = (await onApiRequests(env)).filter((line) => pattern.test(line)).length;
		if (seen >= times) return;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

export const FAST_WAIT = { maxWaitSeconds: 20, pollIntervalSeconds: 0.1 };

/**
 * An activation of `accessId` that the operator has finished (DONE_SUCCESS): orders pass through
 * RECEIVED and IN_PROGRESS within a few polls from here on.
 */
export async function finishedActivation(env: OnApiSandbox, options: { version: Version; accessId: string }): Promise<IDataObject> {
	env.onapi.configure('SNDEMO', { timing: { inProgressAfterMs: 100, doneAfterMs: 300 } });
	const result = await runOnApi(env, {
		version: options.version,
		parameters: {
			resource: 'order',
			operation: 'activate',
			accessId: options.accessId,
			service: 'BB-100-100',
			additionalFields: { spReference: 'CUST-2001', spSubscriptionId: 'SPSUB-1' },
			waitForCompletion: true,
			waitOptions: FAST_WAIT,
		},
	});
	if (result.error) throw new Error(`order.activate: ${result.error.message}`);
	const [order] = jsonOf(result);
	expect(order).toMatchObject({ finalState: 'DONE_SUCCESS' });
	return order;
}

/** Runs Update or Cancel on an order the operator has finished and expects the node's refusal. */
export async function expectFinishedOrderRefused(env: OnApiSandbox, options: { version: Version; operation: 'update' | 'cancel' }) {
	const activated = await finishedActivation(env, { version: options.version, accessId: 'SNDEMO-A0005' });
	const result = await runOnApi(env, {
		version: options.version,
		parameters: { resource: 'order', operation: options.operation, orderId: activated.orderId, updateFields: { spReference: 'X1' } },
	});
	expect(result.error?.name).toBe('NodeOperationError');
	expect(result.error?.message).toBe(
		`Cannot ${options.operation} order ${String(activated.orderId)}: it is DONE_SUCCESS, and only RECEIVED orders can be changed`,
	);
}
