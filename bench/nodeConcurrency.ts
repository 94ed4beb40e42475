/**
 * How many requests at a time each of the package's nodes makes for a list of items. Read from the
 * nodes' own descriptions (a number property named like "concurrency", and its default) and the
 * workflow's setting, so the latency floor follows the nodes as they change. A node without such
 * a property handles its items one after another.
 */
import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';
import { OnApi } from '../nodes/OnApi/OnApi.node';
import { Tjansteguiden } from '../nodes/Tjansteguiden/Tjansteguiden.node';
import { TjansteguidenTrigger } from '../nodes/Tjansteguiden/TjansteguidenTrigger.node';
import type { WorkflowNode } from './benchWorkflows';

const PACKAGE = 'n8n-nodes-tjansteguiden';
const packageNodes: Record<string, INodeType> = {
	[`${PACKAGE}.tjansteguiden`]: new Tjansteguiden(),
	[`${PACKAGE}.tjansteguidenTrigger`]: new TjansteguidenTrigger(),
	[`${PACKAGE}.onApi`]: new OnApi(),
};

export interface NodeConcurrency {
	concurrency: number;
	/** Where the number comes from: the workflow, the node's default, or no such option (one at a time). */
	source: 'workflow' | 'default' | 'sequential';
	/** Parameter path of the option, e.g. `options.concurrency`. */
	parameter?: string;
}

function isConcurrencyProperty(property: INodeProperties): boolean {
	return property.type === 'number' && /concurren/i.test(property.name);
}

function findProperty(properties: readonly INodeProperties[], prefix: string[] = []): { path: string[]; property: INodeProperties } | undefined {
	for (const property of properties) {
		if (isConcurrencyProperty(property)) return { path: [...prefix, property.name], property };
		const nested = (property.options ?? []) as Array<INodeProperties | INodePropertyCollection>;
		if (property.type === 'collection') {
			const found = findProperty(nested as INodeProperties[], [...prefix, property.name]);
			if (found) return found;
		}
	}
	return undefined;
}

function valueAt(parameters: Record<string, unknown>, path: string[]): unknown {
	let current: unknown = parameters;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

export function nodeConcurrency(node: WorkflowNode): NodeConcurrency {
	const type = packageNodes[node.type];
	if (!type) throw new Error(`not a node of this package: ${node.type}`);
	const found = findProperty(type.description.properties);
	if (!found) return { concurrency: 1, source: 'sequential' };
	const parameter = found.path.join('.');
	const configured = valueAt(node.parameters, found.path);
	if (typeof configured === 'number' && configured >= 1) return { concurrency: Math.floor(configured), source: 'workflow', parameter };
	const fallback = Number(found.property.default);
	return { concurrency: fallback >= 1 ? Math.floor(fallback) : 1, source: 'default', parameter };
}

export function isPackageNode(node: WorkflowNode): boolean {
	return node.type in packageNodes;
}

/**
 * Sets the node's concurrency option to the most its description allows (typeOptions.maxValue),
 * for the benchmark's run of what the package can do when the APIs accept that many requests.
 */
export function setMaxConcurrency(node: WorkflowNode): void {
	const type = packageNodes[node.type];
	const found = type ? findProperty(type.description.properties) : undefined;
	const max = Number(found?.property.typeOptions?.maxValue);
	if (!found || !(max >= 1)) return;
	let parent = node.parameters;
	for (const key of found.path.slice(0, -1)) {
		const next = parent[key];
		parent = (parent[key] = next !== null && typeof next === 'object' ? next : {}) as Record<string, unknown>;
	}
	parent[found.path[found.path.length - 1] as string] = max;
}
