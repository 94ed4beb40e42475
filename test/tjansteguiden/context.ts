/** Shared set-up for tests that run the Tjänsteguiden nodes against an in-process sandbox. */
import type { ICredentialDataDecryptedObject, ICredentialType, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { TjansteguidenApi } from '../../credentials/TjansteguidenApi.credentials';
import { TjansteguidenOperatorApi } from '../../credentials/TjansteguidenOperatorApi.credentials';
import { Tjansteguiden } from '../../nodes/Tjansteguiden/Tjansteguiden.node';
import { clearHashCache } from '../../nodes/Tjansteguiden/transport/hashCache';
import { startSandbox, TjansteguidenOperatorClient, type RunningSandbox } from '../../sandbox/src';
import { executeNode, type HarnessResult } from '../harness/n8n';

export const API_USER = 1234;
export const API_KEY = 'sandbox-api-key';
/** The demo operator SNDEMO's API user on the operator API. */
export const OPERATOR_API_USER = 4711;
/** An access on SNDEMO's network: orders on it are seen by both sides. */
export const SNDEMO_SOCKET = 'SNDEMO-A0004';

export function credentialsFor(sandbox: RunningSandbox, overrides: ICredentialDataDecryptedObject = {}) {
	return { tjansteguidenApi: { baseUrl: sandbox.url, apiUser: API_USER, apiKey: API_KEY, ...overrides } };
}

export function operatorCredentialsFor(sandbox: RunningSandbox, overrides: ICredentialDataDecryptedObject = {}) {
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
	credentials(sandbox: RunningSandbox, overrides?: ICredentialDataDecryptedObject): Record<string, ICredentialDataDecryptedObject>;
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

export async function startTjansteguidenSandbox(options: Parameters<typeof startSandbox>[0] = {}) {
	clearHashCache();
	return await startSandbox({ clockStart: '2026-11-27T09:00:00Z', ...options });
}

export async function runAction(
	sandbox: RunningSandbox,
	parameters: INodeParameters,
	extra: {
		inputItems?: INodeExecutionData[];
		continueOnFail?: boolean;
		credentials?: ICredentialDataDecryptedObject;
		/** Default: the service provider, with no authentication parameter. */
		side?: ApiSideFixture;
	} = {},
): Promise<HarnessResult> {
	const side = extra.side ?? serviceProviderSide;
	return await executeNode({
		nodeType: new Tjansteguiden(),
		parameters: { ...side.parameters, ...parameters },
		credentialTypes: side.credentialTypes,
		credentials: side.credentials(sandbox, extra.credentials),
		inputItems: extra.inputItems,
		continueOnFail: extra.continueOnFail,
	});
}

/** Every secret the sandbox has handed out or accepted: none may show up in what n8n keeps. */
export async function secretsOf(sandbox: RunningSandbox): Promise<string[]> {
	const hashes = await sandbox.admin.tjansteguiden.hashes();
	return [API_KEY, ...hashes.map((entry) => entry.hash)];
}

export function expectNoSecrets(value: unknown, secrets: string[]) {
	const text = JSON.stringify(value, (_key, inner) =>
		inner instanceof Error ? { ...inner, message: inner.message, stack: inner.stack } : inner,
	);
	for (const secret of secrets) expect(text).not.toContain(secret);
}
