/**
 * Polls the ON-API Trigger through n8n-core's TriggersAndPollers and PollContext (test/harness)
 * against the sandbox's ON-API simulator, with either credential, and places orders with the
 * ON-API node the way a workflow would.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OnApi as OnApiCredential } from '../../../credentials/OnApi.credentials';
import { OnApiOperatorsApi } from '../../../credentials/OnApiOperatorsApi.credentials';
import { OnApiTrigger } from '../../../nodes/OnApi/OnApiTrigger.node';
import { pollNode } from '../../harness/n8n';
import { credentialsFor, jsonOf, runOnApi, type OnApiSandbox } from '../onApiTestKit';

export const DEMO_OPERATORS = ['SNDEMO', 'FIBNORR'];

/** The operator list of an ON-API Operators credential for these sandbox operators. */
export function directoryFor(env: OnApiSandbox, coIds: string[] = DEMO_OPERATORS): string {
	return JSON.stringify(
		coIds.map((coId) => {
			const { baseUrl, version, username, password } = credentialsFor(env, { coId });
			return { coId, baseUrl, version, username, password };
		}),
	);
}

export interface TriggerPollOptions {
	staticData: IDataObject;
	parameters?: IDataObject;
	/** The ON-API Operators credential's list (JSON text); without it the one-operator credential for SNDEMO. */
	directory?: string;
	mode?: 'trigger' | 'manual';
	pollBudgetMs?: number;
	/** Another poll trigger of the workflow ends first and releases the workflow's expression isolate (n8n 2.41). */
	isolateReleasedBySiblingPoll?: boolean;
}

/** One poll; the items' JSON (empty when the poll emitted nothing). */
export async function pollTrigger(env: OnApiSandbox, options: TriggerPollOptions): Promise<IDataObject[]> {
	const several = options.directory !== undefined;
	const result = await pollNode({
		nodeType: new OnApiTrigger(),
		parameters: {
			authentication: several ? 'onApiOperatorsApi' : 'onApi',
			...(several ? {} : { coId: 'SNDEMO' }),
			event: 'orderFinished',
			options: {},
			...options.parameters,
		} as INodeParameters,
		credentialTypes: [new OnApiCredential(), new OnApiOperatorsApi()],
		credentials: several
			? { onApiOperatorsApi: { operators: options.directory as string } }
			: { onApi: credentialsFor(env, { coId: 'SNDEMO' }) as Record<string, string> },
		staticData: options.staticData,
		mode: options.mode,
		pollBudgetMs: options.pollBudgetMs,
		isolateReleasedBySiblingPoll: options.isolateReleasedBySiblingPoll,
	});
	return (result?.[0] ?? []).map((item) => item.json);
}

/** What n8n does with static data across a restart: it goes through JSON in the database. */
export function saveAndReload(staticData: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(staticData)) as IDataObject;
}

/** The trigger's state inside the workflow's static data (n8n keys it by node name). */
export function triggerState(staticData: IDataObject): IDataObject {
	return (staticData['node:Node Under Test'] as IDataObject).state as IDataObject;
}

/** Places an activation with the ON-API node (not waiting for it) and returns the order. */
export async function placeActivation(
	env: OnApiSandbox,
	options: { coId?: string; accessId: string; spReference?: string },
): Promise<IDataObject> {
	const coId = options.coId ?? 'SNDEMO';
	const result = await runOnApi(env, {
		coId,
		version: coId === 'FIBNORR' ? '2.4' : '2.6',
		parameters: {
			resource: 'order',
			operation: 'activate',
			accessId: options.accessId,
			service: 'BB-100-100',
			additionalFields: options.spReference === undefined ? {} : { spReference: options.spReference },
		},
	});
	if (result.error) throw new Error(`order.activate: ${result.error.message}`);
	return jsonOf(result)[0];
}
