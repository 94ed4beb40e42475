/**
 * Shared set-up for tests that run the Tjänsteguiden nodes through n8n's execution code against an
 * in-process sandbox. Every run takes named options: `runAction({ sandbox, parameters, side })`,
 * `pollTrigger({ sandbox, side, staticData, parameters })`.
 *
 * Where tests are: test/tjansteguiden mirrors nodes/Tjansteguiden, file for file, `.ts` → `.test.ts`.
 * The tests of nodes/Tjansteguiden/actions/order/get.operation.ts are in
 * test/tjansteguiden/actions/order/get.operation.test.ts; what holds for every operation alike
 * (continue on fail, either side's credential, Concurrent Items) is in Tjansteguiden.node.test.ts,
 * the trigger's runs in TjansteguidenTrigger.node.test.ts.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { TjansteguidenApi } from '../../credentials/TjansteguidenApi.credentials';
import { TjansteguidenOperatorApi } from '../../credentials/TjansteguidenOperatorApi.credentials';
import { resetProcessState } from '../../nodes/Tjansteguiden/processState';
import { Tjansteguiden } from '../../nodes/Tjansteguiden/Tjansteguiden.node';
import { TjansteguidenTrigger } from '../../nodes/Tjansteguiden/TjansteguidenTrigger.node';
import {
	DEMO_API_KEY,
	DEMO_API_USER,
	DEMO_OPERATOR_API_USER,
	startSandbox,
	TjansteguidenOperatorClient,
	type RunningSandbox,
} from '../../sandbox/src';
import { executeNode, pollNode, type HarnessResult } from '../harness/n8n';

/** The demo API user as the credential's number field holds it. */
export const API_USER = Number(DEMO_API_USER);
/** The demo operator SNDEMO's API user on the operator API, as the credential's number field holds it. */
export const OPERATOR_API_USER = Number(DEMO_OPERATOR_API_USER);
/** An access on SNDEMO's network: orders on it are seen by both sides. */
export const SNDEMO_SOCKET = 'SNDEMO-A0004';

/** Where the credentials point: the sandbox, or a scripted server. */
export type ApiTarget = Pick<RunningSandbox, 'url'>;

export function credentialsFor(sandbox: ApiTarget, overrides: ICredentialDataDecryptedObject = {}) {
	return { tjansteguidenApi: { baseUrl: sandbox.url, apiUser: API_USER, apiKey: DEMO_API_KEY, ...overrides } };
}

export function operatorCredentialsFor(sandbox: ApiTarget, overrides: ICredentialDataDecryptedObject = {}) {
	return { tjansteguidenOperatorApi: { siteUrl: sandbox.url, apiUser: OPERATOR_API_USER, ...overrides } };
}

/** The operator API's access admin and raw calls on this sandbox. */
export function operatorAdmin(sandbox: RunningSandbox): TjansteguidenOperatorClient {
	return new TjansteguidenOperatorClient(sandbox.admin.http);
}

/**
 * One side of Tjänsteguiden as a workflow sees it: the node parameters and credential that select
 * it. Tests that must hold for both sides run once per fixture.
 */
export interface ApiSideFixture {
	name: 'service provider' | 'network operator';
	/** Node parameters for this side: none for the service provider, as in workflows made before the choice. */
	parameters: INodeParameters;
	credentialTypes: ICredentialType[];
	credentials(sandbox: ApiTarget, overrides?: ICredentialDataDecryptedObject): Record<string, ICredentialDataDecryptedObject>;
	/** Root element of an `orders` answer, the one place (raw output) where the sides differ. */
	ordersRoot: string;
	/** The endpoint this side's calls go to. */
	path: string;
}

export const serviceProviderSide: ApiSideFixture = {
	name: 'service provider',
	parameters: {},
	credentialTypes: [new TjansteguidenApi()],
	credentials: credentialsFor,
	ordersRoot: 'orders',
	path: '/plain/serviceguide_log',
};

export const networkOperatorSide: ApiSideFixture = {
	name: 'network operator',
	parameters: { authentication: 'networkOperator' },
	credentialTypes: [new TjansteguidenOperatorApi()],
	credentials: operatorCredentialsFor,
	ordersRoot: 'serviceguide',
	path: '/admin/edit/services/plain/orders',
};

export const API_SIDES: ApiSideFixture[] = [serviceProviderSide, networkOperatorSide];

/**
 * How the sandbox answers errors: our reading of the spec (HTTP 200 and an error envelope), or the
 * vendor's documented style (HTTP 400, `<status>failed</status>`, the root named after the method).
 * jest runs test/tjansteguiden in both (the project `tjansteguiden-documented-errors` sets it).
 */
export const SANDBOX_ERROR_STYLE = process.env.SANDBOX_ERROR_STYLE === 'documented' ? 'documented' : 'assumed';

/** A sandbox on its own port, and a process with no Tjänsteguiden state (hashes, locks) left over. */
export async function startTjansteguidenSandbox(options: Parameters<typeof startSandbox>[0] = {}) {
	resetProcessState();
	return await startSandbox({
		clockStart: '2026-11-27T09:00:00Z',
		...options,
		tjansteguiden: { errorStyle: SANDBOX_ERROR_STYLE, ...options.tjansteguiden },
	});
}

export interface ActionRun {
	/** The sandbox, or any server standing in for Tjänsteguiden (see scriptedApi.ts). */
	sandbox: ApiTarget;
	/** The node's parameters (resource, operation, …), on top of the side's own. */
	parameters: INodeParameters;
	/** Default: the service provider, with no authentication parameter. */
	side?: ApiSideFixture;
	/** Changes to the side's credential, e.g. `{ apiKey: 'wrong' }`. */
	credentials?: ICredentialDataDecryptedObject;
	inputItems?: INodeExecutionData[];
	continueOnFail?: boolean;
}

/** One run of the Tjänsteguiden node through n8n-core's WorkflowExecute. */
export async function runAction(run: ActionRun): Promise<HarnessResult> {
	const side = run.side ?? serviceProviderSide;
	return await executeNode({
		nodeType: new Tjansteguiden(),
		parameters: { ...side.parameters, ...run.parameters },
		credentialTypes: side.credentialTypes,
		credentials: side.credentials(run.sandbox, run.credentials),
		inputItems: run.inputItems,
		continueOnFail: run.continueOnFail,
	});
}

/** The JSON of a successful run's items. */
export function jsonOf(result: HarnessResult): IDataObject[] {
	expect(result.error).toBeUndefined();
	return result.outputs[0].map((item) => item.json);
}

/** The trigger parameters every trigger test starts from. */
export const TRIGGER_DEFAULTS: INodeParameters = { statuses: ['new', 'delivered'], enrich: true, options: {} };

export interface TriggerPoll {
	/** The sandbox, or any server standing in for Tjänsteguiden (see scriptedApi.ts). */
	sandbox: ApiTarget;
	side: ApiSideFixture;
	/** The workflow's static data between polls; pass the same object again to continue. */
	staticData: IDataObject;
	/** On top of TRIGGER_DEFAULTS and the side's own. */
	parameters?: INodeParameters;
	mode?: 'trigger' | 'manual';
	/** Filled with how often n8n was asked for each credential type. */
	credentialReads?: Record<string, number>;
	/** What n8n's scheduler grants the poll. */
	pollBudgetMs?: number;
}

/** One poll of the Tjänsteguiden Trigger through n8n-core's PollContext; the emitted items' JSON. */
export async function pollTrigger(poll: TriggerPoll): Promise<IDataObject[]> {
	const result = await pollNode({
		nodeType: new TjansteguidenTrigger(),
		parameters: { ...poll.side.parameters, ...TRIGGER_DEFAULTS, ...poll.parameters },
		credentialTypes: poll.side.credentialTypes,
		credentials: poll.side.credentials(poll.sandbox),
		staticData: poll.staticData,
		mode: poll.mode,
		credentialReads: poll.credentialReads,
		pollBudgetMs: poll.pollBudgetMs,
	});
	return (result?.[0] ?? []).map((item) => item.json);
}

/** An order on SNDEMO's network (seen by both sides) with a customer whose personal data tests look for. */
export async function seedOrder(sandbox: RunningSandbox, overrides: Record<string, unknown> = {}) {
	return await sandbox.admin.tjansteguiden.createOrder({
		date: '2026-11-27 08:15:00',
		service: 2440,
		socket: SNDEMO_SOCKET,
		customer: {
			firstname: 'Astrid',
			surname: 'Testsson',
			serial: '191212121212',
			email: 'astrid@example.se',
			phone: '0701234567',
			zip: '01234',
		},
		...overrides,
	});
}

/** Every secret the sandbox has handed out or accepted: none may show up in what n8n keeps. */
export async function secretsOf(sandbox: RunningSandbox): Promise<string[]> {
	const hashes = await sandbox.admin.tjansteguiden.hashes();
	return [DEMO_API_KEY, ...hashes.map((entry) => entry.hash)];
}

export function expectNoSecrets(value: unknown, secrets: string[]) {
	const text = JSON.stringify(value, (_key, inner) =>
		inner instanceof Error ? { ...inner, message: inner.message, stack: inner.stack } : inner,
	);
	for (const secret of secrets) expect(text).not.toContain(secret);
}
