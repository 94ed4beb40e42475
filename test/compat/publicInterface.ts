/**
 * The part of the package that saved workflows depend on, reduced to what must never change:
 * node and credential names, every parameter (its name, type and where it shows), every option
 * value and every default. n8n stores only the parameter values that differ from their default,
 * so a changed default silently changes what a saved workflow does; a removed option value or
 * parameter makes a saved workflow fail to load or run. Display names and descriptions may change.
 */
import type { ICredentialType, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

export interface ParameterShape {
	/** `name` plus where it shows (displayOptions), the identity n8n resolves a stored value by. */
	key: string;
	type: string;
	default: unknown;
	/** Option values (options / multiOptions), or the keys of collection / fixedCollection entries. */
	options?: string[];
	/** Parameters nested in a collection or fixedCollection, by their own keys. */
	children?: ParameterShape[];
}

export interface InterfaceSnapshot {
	nodes: Record<string, { versions: unknown; parameters: ParameterShape[]; credentials: string[] }>;
	credentials: Record<string, { parameters: ParameterShape[] }>;
}

/** JSON with object keys and array entries sorted, so that reordering a displayOptions is no change. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
		return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

function keyOf(property: INodeProperties): string {
	const shownWhere = property.displayOptions ? ` ${canonical(property.displayOptions)}` : '';
	return `${property.name}${shownWhere}`;
}

function isPropertyOption(option: unknown): option is INodePropertyOptions {
	return typeof option === 'object' && option !== null && 'value' in option;
}

function isCollectionEntry(option: unknown): option is INodePropertyCollection {
	return typeof option === 'object' && option !== null && 'values' in option;
}

function shapeOf(property: INodeProperties): ParameterShape {
	const shape: ParameterShape = { key: keyOf(property), type: property.type, default: property.default };
	const options = property.options ?? [];
	if (property.type === 'options' || property.type === 'multiOptions') {
		shape.options = options.filter(isPropertyOption).map((option) => String(option.value));
	} else if (property.type === 'collection') {
		shape.children = (options as INodeProperties[]).map(shapeOf);
	} else if (property.type === 'fixedCollection') {
		shape.children = options.filter(isCollectionEntry).map((entry) => ({
			key: entry.name,
			type: 'fixedCollectionEntry',
			default: undefined,
			children: entry.values.map(shapeOf),
		}));
	}
	return shape;
}

export function snapshotOf(nodes: INodeType[], credentials: ICredentialType[]): InterfaceSnapshot {
	const snapshot: InterfaceSnapshot = { nodes: {}, credentials: {} };
	for (const node of nodes) {
		const { name, version, properties, credentials: nodeCredentials } = node.description;
		snapshot.nodes[name] = {
			versions: version,
			parameters: properties.map(shapeOf),
			credentials: (nodeCredentials ?? []).map((credential) => credential.name),
		};
	}
	for (const credential of credentials) {
		snapshot.credentials[credential.name] = { parameters: credential.properties.map(shapeOf) };
	}
	return snapshot;
}

function sameValue(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

function compareParameters(where: string, before: ParameterShape[], now: ParameterShape[], problems: string[]): void {
	const current = new Map(now.map((parameter) => [parameter.key, parameter]));
	for (const old of before) {
		const found = current.get(old.key);
		const label = `${where} → ${old.key}`;
		if (!found) {
			problems.push(`${label}: removed, renamed or shown elsewhere`);
			continue;
		}
		if (found.type !== old.type) problems.push(`${label}: type changed from ${old.type} to ${found.type}`);
		if (!sameValue(found.default, old.default)) {
			problems.push(`${label}: default changed from ${JSON.stringify(old.default)} to ${JSON.stringify(found.default)}`);
		}
		for (const value of old.options ?? []) {
			if (!(found.options ?? []).includes(value)) problems.push(`${label}: option value "${value}" removed`);
		}
		if (old.children) compareParameters(label, old.children, found.children ?? [], problems);
	}
}

/** Every way `now` breaks a workflow saved against `before`; additions are not listed. */
export function breakingChanges(before: InterfaceSnapshot, now: InterfaceSnapshot): string[] {
	const problems: string[] = [];
	for (const [name, old] of Object.entries(before.nodes)) {
		const found = now.nodes[name];
		if (!found) {
			problems.push(`node ${name}: removed or renamed`);
			continue;
		}
		const oldVersions = ([] as unknown[]).concat(old.versions);
		const versions = ([] as unknown[]).concat(found.versions);
		for (const version of oldVersions) {
			if (!versions.includes(version)) problems.push(`node ${name}: version ${String(version)} removed`);
		}
		for (const credential of old.credentials) {
			if (!found.credentials.includes(credential)) problems.push(`node ${name}: credential ${credential} no longer accepted`);
		}
		compareParameters(`node ${name}`, old.parameters, found.parameters, problems);
	}
	for (const [name, old] of Object.entries(before.credentials)) {
		const found = now.credentials[name];
		if (!found) {
			problems.push(`credential ${name}: removed or renamed`);
			continue;
		}
		compareParameters(`credential ${name}`, old.parameters, found.parameters, problems);
	}
	return problems;
}
