/** Shared set-up for tests that run the Tjänsteguiden nodes against an in-process sandbox. */
import type { ICredentialDataDecryptedObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { TjansteguidenApi } from '../../credentials/TjansteguidenApi.credentials';
import { Tjansteguiden } from '../../nodes/Tjansteguiden/Tjansteguiden.node';
import { clearHashCache } from '../../nodes/Tjansteguiden/transport/hashCache';
import { startSandbox, type RunningSandbox } from '../../sandbox/src';
import { executeNode, type HarnessResult } from '../harness/n8n';

export const API_USER = 1234;
export const API_KEY = 'sandbox-api-key';

export function credentialsFor(sandbox: RunningSandbox, overrides: ICredentialDataDecryptedObject = {}) {
	return { tjansteguidenApi: { baseUrl: sandbox.url, apiUser: API_USER, apiKey: API_KEY, ...overrides } };
}

export async function startTjansteguidenSandbox(options: Parameters<typeof startSandbox>[0] = {}) {
	clearHashCache();
	return await startSandbox({ clockStart: '2026-11-27T09:00:00Z', ...options });
}

export async function runAction(
	sandbox: RunningSandbox,
	parameters: INodeParameters,
	extra: { inputItems?: INodeExecutionData[]; continueOnFail?: boolean; credentials?: ICredentialDataDecryptedObject } = {},
): Promise<HarnessResult> {
	return await executeNode({
		nodeType: new Tjansteguiden(),
		parameters,
		credentialTypes: [new TjansteguidenApi()],
		credentials: credentialsFor(sandbox, extra.credentials),
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
