/**
 * Runs this package's nodes through n8n's own execution engine (n8n-core's WorkflowExecute, the
 * real node execution contexts and request helpers), without a database or a server. Only the
 * parts n8n's CLI would provide are stood in for: the credentials store and the node-type
 * registry. HTTP goes out for real, to the sandbox on loopback.
 */
import { TriggersAndPollers, PollContext, WorkflowExecute, ExecutionLifecycleHooks } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

/** Feeds the test's input items into the node under test, like any upstream node would. */
class HarnessInput implements INodeType {
	description = {
		displayName: 'Harness Input',
		name: 'harnessInput',
		group: ['input'],
		version: 1,
		description: 'Emits the items given by the test',
		defaults: { name: 'Harness Input' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: import('n8n-workflow').IExecuteFunctions) {
		return [this.getInputData()];
	}
}

class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	register(name: string, type: INodeType | IVersionedNodeType) {
		this.types.set(name, type);
	}

	getByName(nodeType: string) {
		const type = this.types.get(nodeType);
		if (!type) throw new Error(`Unknown node type in harness: ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

const CREDENTIAL_EXPRESSION = /^=\{\{\s*\$credentials\.([A-Za-z0-9_]+)\s*\}\}$/;

/**
 * Stands in for the CLI's CredentialsHelper: hands out the test's decrypted credentials and
 * applies the credential type's `authenticate` (function or generic) the way n8n does.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: Map<string, ICredentialType>,
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
		/** Counts n8n's credential reads (decryptions) by type, when the test asks for it. */
		private readonly reads?: Record<string, number>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.credentialTypes.get(typeName);
		if (!type) throw new Error(`Unknown credential type in harness: ${typeName}`);
		const { authenticate } = type;
		if (authenticate === undefined) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate.type !== 'generic') throw new Error('Harness supports generic authentication only');
		const resolve = (value: unknown): unknown => {
			if (typeof value !== 'string' || !value.startsWith('=')) return value;
			// As n8n's CredentialsHelper.resolveValue: through the workflow's expression engine.
			if (workflow && node) {
				const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
				return resolved ? String(resolved as string) : '';
			}
			const match = CREDENTIAL_EXPRESSION.exec(value);
			if (!match) throw new Error(`Harness cannot resolve credential expression ${value}`);
			return credentials[match[1]];
		};
		const options = { ...requestOptions } as IHttpRequestOptions & Record<string, unknown>;
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			const current = (options[section] as Record<string, unknown> | undefined) ?? {};
			const resolved: Record<string, unknown> = { ...current };
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				resolved[key] = resolve(value);
			}
			options[section] = resolved;
		}
		return options;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Harness does not store encrypted credentials');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		if (this.reads) this.reads[type] = (this.reads[type] ?? 0) + 1;
		return { ...data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties() {
		return [];
	}
}

export interface HarnessOptions {
	/** The node under test, e.g. `new Tjansteguiden()`. */
	nodeType: INodeType;
	parameters: INodeParameters;
	/** Credential types the node may use, e.g. `[new TjansteguidenApi()]`. */
	credentialTypes: ICredentialType[];
	/** Decrypted credential data by credential type name. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Default: one empty item. */
	inputItems?: INodeExecutionData[];
	/** The node's "On Error" setting: continue with the error as an item. */
	continueOnFail?: boolean;
	mode?: WorkflowExecuteMode;
	timezone?: string;
	/** Filled with how often n8n was asked for each credential type during the run. */
	credentialReads?: Record<string, number>;
}

export interface HarnessResult {
	/** Items per output of the node under test (empty when it failed). */
	outputs: INodeExecutionData[][];
	/** The node's error when the run failed. */
	error?: Error & { description?: string | null; httpCode?: string | null; context?: IDataObject };
	run: IRun;
}

const NODE_UNDER_TEST = 'Node Under Test';

function buildWorkflow(options: HarnessOptions, staticData?: IDataObject) {
	const nodeTypes = new HarnessNodeTypes();
	const typeName = `test.${options.nodeType.description.name}`;
	nodeTypes.register(typeName, options.nodeType);
	nodeTypes.register('test.harnessInput', new HarnessInput());

	const credentialsOfNode: Record<string, INodeCredentialsDetails> = {};
	for (const type of options.credentialTypes) credentialsOfNode[type.name] = { id: type.name, name: type.name };

	const node: INode = {
		id: 'node-under-test',
		name: NODE_UNDER_TEST,
		type: typeName,
		typeVersion: Array.isArray(options.nodeType.description.version)
			? Math.max(...options.nodeType.description.version)
			: options.nodeType.description.version,
		position: [200, 0],
		parameters: options.parameters,
		credentials: credentialsOfNode,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const input: INode = {
		id: 'harness-input',
		name: 'Harness Input',
		type: 'test.harnessInput',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({
		id: 'harness',
		name: 'Harness',
		nodes: [input, node],
		connections: { [input.name]: { main: [[{ node: NODE_UNDER_TEST, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		staticData,
		settings: { executionOrder: 'v1', timezone: options.timezone ?? 'Europe/Stockholm' },
	});
	const credentialTypes = new Map(options.credentialTypes.map((type) => [type.name, type]));
	const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, options.credentials, options.credentialReads);
	return { workflow, node, input, credentialsHelper };
}

function buildAdditionalData(
	credentialsHelper: ICredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	timezone: string,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		timezone,
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook/',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test/',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting/',
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not available in the harness');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not available in the harness');
		},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		userId: 'harness-user',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs the node once on the given items through WorkflowExecute, as a manual run would. */
export async function executeNode(options: HarnessOptions): Promise<HarnessResult> {
	const { workflow, input, credentialsHelper } = buildWorkflow(options);
	const timezone = options.timezone ?? 'Europe/Stockholm';
	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'harness-execution', {
		id: 'harness',
		name: 'Harness',
		active: false,
		nodes: [],
		connections: {},
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as never);
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
	const additionalData = buildAdditionalData(credentialsHelper, hooks, timezone);

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: input, data: { main: [options.inputItems ?? [{ json: {} }]] }, source: null }],
		},
	});

	const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
	await workflowExecute.processRunExecutionData(workflow);
	const run = await finished;

	const taskData = run.data.resultData.runData[NODE_UNDER_TEST]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((items) => items ?? []);
	const error = (taskData?.error ?? run.data.resultData.error) as HarnessResult['error'];
	return { outputs, error, run };
}

export interface PollOptions extends HarnessOptions {
	/** The node's static data between polls; pass the same object again to continue. */
	staticData: IDataObject;
	mode?: 'trigger' | 'manual';
	/**
	 * What n8n's scheduler grants the poll (PollContext.getPollBudgetMs); n8n-core's 5 minutes if left out.
	 * With a budget, the poll is also abandoned at the timeout n8n derives the budget from, as n8n 2.41 does.
	 */
	pollBudgetMs?: number;
	/**
	 * n8n 2.41 gives all poll triggers of one workflow one expression isolate, and the first poll
	 * to end releases it under the others (poll-trigger-executor.js): from then on every
	 * expression they evaluate fails. With this, expressions fail from the poll's first wait on.
	 */
	isolateReleasedBySiblingPoll?: boolean;
}

/** n8n 2.41's error for an expression evaluated after the workflow's isolate was released. */
export const ISOLATE_RELEASED = 'No bridge acquired for this context. Call acquire() first.';

/** Whether resolving `value` evaluates an expression (only those need the isolate). */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

function releaseIsolate(workflow: Workflow): void {
	const { expression } = workflow;
	const guard = <F extends (...args: never[]) => unknown>(resolve: F, valueAt: number): F =>
		((...args: Parameters<F>) => {
			if (holdsExpression(args[valueAt])) throw new Error(ISOLATE_RELEASED);
			return resolve.apply(expression, args);
		}) as F;
	expression.getParameterValue = guard(expression.getParameterValue, 0);
	expression.getSimpleParameterValue = guard(expression.getSimpleParameterValue, 1);
	expression.resolveSimpleParameterValue = guard(expression.resolveSimpleParameterValue, 0);
}

/** n8n 2.41's poll-trigger-task-handler: the error of a poll that outlived its timeout. */
export const POLL_ABANDONED = 'Poll exceeded its timeout and was abandoned';

/**
 * The timeout n8n's scheduler gives a poll whose budget is `budgetMs`: n8n computes the budget
 * from the timeout (trigger-execution-context.factory: budget = ceiling − margin, margin =
 * min(max(20 % of ceiling, 5 s), half the ceiling)); this is its inverse.
 */
export function pollTimeoutForBudget(budgetMs: number): number {
	if (2 * budgetMs <= 10_000) return 2 * budgetMs;
	if (budgetMs + 5000 <= 25_000) return budgetMs + 5000;
	return budgetMs / 0.8;
}

/** Like n8n's scheduler: a poll still running at the timeout is abandoned (it may go on, unheard). */
async function abandonedAfter<T>(poll: Promise<T>, timeoutMs: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timedOut = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${POLL_ABANDONED} (after ${timeoutMs} ms)`)), timeoutMs);
	});
	poll.catch(() => undefined);
	try {
		return await Promise.race([poll, timedOut]);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * Runs one poll of a polling trigger through n8n-core's TriggersAndPollers and PollContext, the
 * code path an active workflow uses. Static data changes are written into `options.staticData`.
 */
export async function pollNode(options: PollOptions): Promise<INodeExecutionData[][] | null> {
	const { workflow, node, credentialsHelper } = buildWorkflow(options, options.staticData);
	const timezone = options.timezone ?? 'Europe/Stockholm';
	const hooks = new ExecutionLifecycleHooks('trigger', 'harness-poll', {} as never);
	const additionalData = buildAdditionalData(credentialsHelper, hooks, timezone);
	const budget = options.pollBudgetMs;
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		options.mode ?? 'trigger',
		'activate',
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		budget === undefined ? undefined : () => budget,
	);
	const pollers = new TriggersAndPollers();
	const poll = pollers.runPollFunction(workflow, node, context);
	// The poll has run up to its first wait: from here on, as if a sibling poll had ended.
	if (options.isolateReleasedBySiblingPoll) releaseIsolate(workflow);
	return budget === undefined ? await poll : await abandonedAfter(poll, pollTimeoutForBudget(budget));
}
