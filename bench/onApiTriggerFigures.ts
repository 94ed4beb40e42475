/**
 * The ON-API Trigger's figures: what an idle poll of a directory of operators costs (through
 * n8n-core's real poll path against the sandbox's 30 generated operators, half with orderevents/),
 * and how big its state is for 10,000 unfinished orders (the state the planner writes for them,
 * with the operators' two kinds of order ID).
 */
import type { IDataObject } from 'n8n-workflow';
import { OnApi as OnApiCredential } from '../credentials/OnApi.credentials';
import { OnApiOperatorsApi } from '../credentials/OnApiOperatorsApi.credentials';
import { OnApiTrigger } from '../nodes/OnApi/OnApiTrigger.node';
import { resetOnApiProcessState } from '../nodes/OnApi/processState';
import { DIRECTORY_SIZE, directoryEntries, directoryOnApiOperators, startSandbox } from '../sandbox/src';
import { createOnApiSimulator } from '../sandbox/src/onapi';
import { pollNode } from '../test/harness/n8n';
import { hexIds, numericIds, stateFor, storedBytes, unfinishedOrders } from '../test/onapi/trigger/unfinishedOrders';
import { apiCallsSince, countCalls, lastSeq, type CallCounts } from './apiCalls';

export interface OnApiTriggerFigures {
	operators: number;
	/** Requests of an idle poll once every operator's endpoint list is known. */
	idle: CallCounts;
	unfinishedOrders: number;
	stateBytesNumericIds: number;
	stateBytesHexIds: number;
}

const UNFINISHED_ORDERS = 10_000;
const say = (line: string) => process.stderr.write(`${line}\n`);

async function idlePoll(): Promise<CallCounts> {
	resetOnApiProcessState();
	const sandbox = await startSandbox({ requestLogCapacity: 10_000, extraSimulators: [({ clock }) => createOnApiSimulator({ clock, operators: directoryOnApiOperators() })] });
	try {
		const poll = async (staticData: IDataObject) =>
			await pollNode({
				nodeType: new OnApiTrigger(),
				parameters: { authentication: 'onApiOperatorsApi', event: 'orderFinished', options: {} },
				credentialTypes: [new OnApiCredential(), new OnApiOperatorsApi()],
				credentials: { onApiOperatorsApi: { operators: JSON.stringify(directoryEntries(sandbox.url)) } },
				staticData,
			});
		const staticData: IDataObject = {};
		await poll(staticData);
		const before = lastSeq(sandbox);
		await poll(staticData);
		return countCalls(apiCallsSince(sandbox, before));
	} finally {
		await sandbox.close();
		resetOnApiProcessState();
	}
}

export async function measureOnApiTrigger(): Promise<OnApiTriggerFigures> {
	say(`[on-api trigger] idle poll of ${DIRECTORY_SIZE} operators, state for ${UNFINISHED_ORDERS} unfinished orders ...`);
	return {
		operators: DIRECTORY_SIZE,
		idle: await idlePoll(),
		unfinishedOrders: UNFINISHED_ORDERS,
		stateBytesNumericIds: storedBytes(stateFor(unfinishedOrders(UNFINISHED_ORDERS, numericIds()))),
		stateBytesHexIds: storedBytes(stateFor(unfinishedOrders(UNFINISHED_ORDERS, hexIds()))),
	};
}
