/**
 * One poll of the ON-API Trigger: every watched operator side by side (a few at a time), each with
 * its own source and state, then one list of items for all of them.
 *
 * An operator that fails (down, 401, 5xx, timeout) keeps its state and is tried again next poll;
 * the others' events are emitted all the same and the failure is logged with the operator's name.
 * Only a poll in which every operator failed throws, so that n8n shows the trigger as failing.
 * The state is written only after all operators are done, and only n8n stores it: an event is
 * emitted once, and (with the in-process memory of recent events) not again before n8n has.
 */
import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { ORDER_FINISHED, ORDER_STATE_CHANGED } from './eventItem';
import { isTriggerState, type OperatorState, type PlanOptions, type TriggerState } from './plan';
import { pollOperator, type OperatorPoll, type PollSettings, type WatchedOperator } from './pollOperator';
import { onePollAtATime, recentlyEmitted, rememberEmitted, triggerKey } from './triggerMemory';
import { watchedOperators } from './watchedOperators';
import { credentialTypeOf } from '../operators/connections';
import { sampleEvent } from './sampleEvent';
import { mapWithConcurrency } from '../../shared/concurrency';
import { pollBudget, settledBy, type PollBudget } from '../../shared/pollBudget';

/** Operators polled at the same time. */
const OPERATOR_CONCURRENCY = 8;
/** Orders read at the same time from one operator. */
const READ_CONCURRENCY = 4;

export function readPlanOptions(context: IPollFunctions): PlanOptions {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const event = context.getNodeParameter('event', ORDER_FINISHED) as string;
	return {
		event: event === ORDER_STATE_CHANGED ? ORDER_STATE_CHANGED : ORDER_FINISHED,
		onlyWithSpReference: options.onlyWithSpReference !== false,
		emitUnfinishedAtStart: options.emitUnfinishedAtStart === true,
	};
}

function messageOf(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const description = (error as { description?: unknown }).description;
	return typeof description === 'string' && description !== '' && description !== message ? `${message} (${description})` : message;
}

/**
 * `deferred`: the poll's time ran out before the operator's turn, or while it was still being read
 * (`late`); it keeps its state and is read at the next poll.
 */
type Outcome = { operator: WatchedOperator; poll?: OperatorPoll; error?: unknown; deferred?: boolean; late?: boolean };

export async function pollOnApi(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	// n8n's budget counts from the poll's start, before the credential is read.
	const budget = pollBudget(context);
	// Parameters first, before any wait: n8n 2.41 may release the workflow's expression isolate
	// under this poll when another poll trigger of the workflow ends first.
	const options = readPlanOptions(context);
	const credentialType = credentialTypeOf(context);
	const operators = await watchedOperators(context);
	if (context.getMode() === 'manual') return [[{ json: await sampleEvent(context, operators, options) }]];

	const key = triggerKey(context.getWorkflow().id, context.getNode().id, credentialType, context.getNode().credentials?.[credentialType]?.id ?? undefined);
	const outcome = await onePollAtATime(key, async () => await pollAll(context, operators, options, key, budget));
	if (outcome.skipped) {
		context.logger.debug('ON-API Trigger: the previous poll is still running; this tick is skipped');
		return null;
	}
	return outcome.result;
}

async function pollAll(
	context: IPollFunctions,
	operators: WatchedOperator[],
	options: PlanOptions,
	key: string,
	budget: PollBudget,
): Promise<INodeExecutionData[][] | null> {
	const staticData = context.getWorkflowStaticData('node');
	const state: TriggerState | undefined = isTriggerState(staticData.state) ? staticData.state : undefined;
	const settings: PollSettings = {
		options,
		deadline: budget.startBy,
		readConcurrency: READ_CONCURRENCY,
		nowMs: Date.now(),
		emittedBefore: recentlyEmitted(key),
	};
	const outcomes = await mapWithConcurrency(operators, OPERATOR_CONCURRENCY, async (operator): Promise<Outcome> => {
		if (Date.now() >= settings.deadline) return { operator, deferred: true };
		try {
			const read = await settledBy(pollOperator(context, operator, state?.operators[operator.coId], settings), budget.finishBy);
			return read.settled ? { operator, poll: read.value } : { operator, deferred: true, late: true };
		} catch (error) {
			return { operator, error };
		}
	});

	const next: Record<string, OperatorState> = {};
	const items: INodeExecutionData[] = [];
	const emittedKeys: string[] = [];
	const failed: string[] = [];
	const deferred = outcomes.filter((outcome) => outcome.deferred).length;
	for (const { operator, poll, error } of outcomes) {
		const failure = error ?? poll?.failure;
		if (failure !== undefined) {
			failed.push(`${operator.coId}: ${messageOf(failure)}`);
			context.logger.warn(`ON-API Trigger: operator ${operator.coId} could not be read; it is tried again at the next poll`, {
				operator: operator.coId,
				error: messageOf(failure),
			});
		}
		const previous = state?.operators[operator.coId];
		if (!poll) {
			if (previous) next[operator.coId] = previous;
			continue;
		}
		if (poll.restarted) {
			context.logger.warn(`ON-API Trigger: operator ${operator.coId} starts from now again: ${poll.restarted}`, { operator: operator.coId });
		}
		next[operator.coId] = poll.next;
		for (const event of poll.emit) {
			items.push({ json: event.json });
			emittedKeys.push(event.key);
		}
		context.logger.debug('ON-API Trigger polled an operator', {
			operator: operator.coId,
			source: poll.source,
			emitted: poll.emit.length,
			skipped: poll.skipped,
			waiting: poll.waiting,
			firstPoll: poll.firstPoll,
		});
	}
	if (deferred > 0) {
		const late = outcomes.filter((outcome) => outcome.late).map((outcome) => outcome.operator.coId);
		context.logger.warn(`ON-API Trigger: the poll's time ran out; ${deferred} of ${operators.length} operators are read at the next poll`, {
			...(late.length > 0 ? { stillAnswering: late } : {}),
		});
	}
	if (items.length === 0 && failed.length > 0 && failed.length === operators.length - deferred) {
		throw new NodeOperationError(context.getNode(), `No operator could be read (${failed.length} of ${operators.length})`, {
			description: failed.slice(0, 10).join('\n'),
		});
	}
	// Operators no longer watched (removed from the directory) are forgotten: the state stays bounded.
	staticData.state = { version: 1, operators: next } satisfies TriggerState as unknown as IDataObject;
	rememberEmitted(key, emittedKeys);
	return items.length === 0 ? null : [items];
}
