/** Validating and applying admin changes to an operator's behaviour (delays, failures, versions ...). */
import type { OnApiVersion, OperatorBehaviour, OrderOperation, OrderTiming } from './types';
import { isObject } from './isObject';
import { ON_API_VERSIONS, ORDER_OPERATIONS } from './types';

/** `null` in a map removes that access's override. */
export interface OperatorBehaviourPatch {
	timing?: Partial<OrderTiming>;
	failingAccesses?: Record<string, string | null>;
	slowAccesses?: Record<string, OrderTiming | null>;
	refusedVersions?: OnApiVersion[];
	unsupportedFields?: string[];
	orderEndpointNote?: string | null;
	immediateOperations?: OrderOperation[];
	unknownReferenceStatus?: 400 | 404;
	onPortal?: boolean;
}

/** Behaviour fields an operator's config may set and admin may change. */
export const BEHAVIOUR_KEYS = [
	'timing',
	'failingAccesses',
	'slowAccesses',
	'refusedVersions',
	'unsupportedFields',
	'orderEndpointNote',
	'immediateOperations',
	'unknownReferenceStatus',
	'onPortal',
] as const satisfies ReadonlyArray<keyof OperatorBehaviour & keyof OperatorBehaviourPatch>;

const PATCH_KEYS = new Set<string>(BEHAVIOUR_KEYS);

function isDelay(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function checkTiming(value: unknown, where: string, partial: boolean): string | undefined {
	if (!isObject(value)) return `${where} must be an object {inProgressAfterMs, doneAfterMs}`;
	for (const key of ['inProgressAfterMs', 'doneAfterMs']) {
		if (value[key] === undefined && partial) continue;
		if (!isDelay(value[key])) return `${where}.${key} must be a number of milliseconds >= 0`;
	}
	for (const key of Object.keys(value)) {
		if (key !== 'inProgressAfterMs' && key !== 'doneAfterMs') return `${where}.${key} is not a timing field`;
	}
	return undefined;
}

function checkStringList(value: unknown, where: string, allowed?: readonly string[]): string | undefined {
	if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) return `${where} must be an array of strings`;
	if (allowed) {
		const wrong = value.find((item) => !allowed.includes(item as string));
		if (wrong !== undefined) return `${where}: '${String(wrong)}' is not one of ${allowed.join(', ')}`;
	}
	return undefined;
}

/** Returns a problem description, or undefined when `patch` is a valid OperatorBehaviourPatch. */
export function checkBehaviourPatch(patch: unknown): string | undefined {
	if (!isObject(patch)) return 'config must be a JSON object';
	for (const key of Object.keys(patch)) {
		if (!PATCH_KEYS.has(key)) return `unknown config field '${key}'; known: ${[...PATCH_KEYS].join(', ')}`;
	}
	if (patch.timing !== undefined) {
		const problem = checkTiming(patch.timing, 'timing', true);
		if (problem) return problem;
	}
	if (patch.failingAccesses !== undefined) {
		if (!isObject(patch.failingAccesses)) return 'failingAccesses must be an object {accessId: message | null}';
		for (const [accessId, message] of Object.entries(patch.failingAccesses)) {
			if (message !== null && (typeof message !== 'string' || message === '')) {
				return `failingAccesses.${accessId} must be a non-empty message or null`;
			}
		}
	}
	if (patch.slowAccesses !== undefined) {
		if (!isObject(patch.slowAccesses)) return 'slowAccesses must be an object {accessId: {inProgressAfterMs, doneAfterMs} | null}';
		for (const [accessId, timing] of Object.entries(patch.slowAccesses)) {
			if (timing === null) continue;
			const problem = checkTiming(timing, `slowAccesses.${accessId}`, false);
			if (problem) return problem;
		}
	}
	const lists: Array<[string, readonly string[] | undefined]> = [
		['refusedVersions', ON_API_VERSIONS],
		['unsupportedFields', undefined],
		['immediateOperations', ORDER_OPERATIONS],
	];
	for (const [key, allowed] of lists) {
		if (patch[key] === undefined) continue;
		const problem = checkStringList(patch[key], key, allowed);
		if (problem) return problem;
	}
	if (patch.orderEndpointNote !== undefined && patch.orderEndpointNote !== null && typeof patch.orderEndpointNote !== 'string') {
		return 'orderEndpointNote must be text or null';
	}
	if (patch.unknownReferenceStatus !== undefined && patch.unknownReferenceStatus !== 400 && patch.unknownReferenceStatus !== 404) {
		return 'unknownReferenceStatus must be 400 or 404';
	}
	if (patch.onPortal !== undefined && typeof patch.onPortal !== 'boolean') return 'onPortal must be true or false';
	return undefined;
}

function applyMap<T>(target: Record<string, T>, changes: Record<string, T | null>): void {
	for (const [key, value] of Object.entries(changes)) {
		if (value === null) delete target[key];
		else target[key] = value;
	}
}

/** Applies a patch already accepted by checkBehaviourPatch. */
export function applyBehaviourPatch(behaviour: OperatorBehaviour, patch: OperatorBehaviourPatch): void {
	if (patch.timing) behaviour.timing = { ...behaviour.timing, ...patch.timing };
	if (patch.failingAccesses) applyMap(behaviour.failingAccesses, patch.failingAccesses);
	if (patch.slowAccesses) {
		const copies: Record<string, OrderTiming | null> = {};
		for (const [key, timing] of Object.entries(patch.slowAccesses)) copies[key] = timing && { ...timing };
		applyMap(behaviour.slowAccesses, copies);
	}
	if (patch.refusedVersions) behaviour.refusedVersions = [...patch.refusedVersions];
	if (patch.unsupportedFields) behaviour.unsupportedFields = [...patch.unsupportedFields];
	if (patch.orderEndpointNote !== undefined) behaviour.orderEndpointNote = patch.orderEndpointNote ?? undefined;
	if (patch.immediateOperations) behaviour.immediateOperations = [...patch.immediateOperations];
	if (patch.unknownReferenceStatus !== undefined) behaviour.unknownReferenceStatus = patch.unknownReferenceStatus;
	if (patch.onPortal !== undefined) behaviour.onPortal = patch.onPortal;
}
