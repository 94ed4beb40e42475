/** Validating and applying admin changes to an operator's behaviour (delays, failures, versions ...). */
import { parseDuration } from './durations';
import { isObject } from './isObject';
import type { OnApiVersion, OperatorBehaviour, OrderOperation, OrderTiming, Outage } from './types';
import { ON_API_VERSIONS, ORDER_OPERATIONS, OUTAGE_KINDS } from './types';

/** Milliseconds or durations such as '30m', '2d' (either per field). */
export type TimingInput = Partial<OrderTiming> & { inProgressAfter?: string; doneAfter?: string };

/**
 * `null` in a map removes that access's override. A timing takes milliseconds (`inProgressAfterMs`,
 * `doneAfterMs`) or durations (`inProgressAfter: '30m'`, `doneAfter: '2d'`, see durations.ts).
 */
export interface OperatorBehaviourPatch {
	timing?: TimingInput;
	failingAccesses?: Record<string, string | null>;
	slowAccesses?: Record<string, TimingInput | null>;
	refusedVersions?: OnApiVersion[];
	unsupportedFields?: string[];
	orderEndpointNote?: string | null;
	immediateOperations?: OrderOperation[];
	unknownReferenceStatus?: 400 | 404;
	onPortal?: boolean;
	orderEvents?: boolean;
	outage?: Outage | null;
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
	'orderEvents',
	'outage',
] as const satisfies ReadonlyArray<keyof OperatorBehaviour & keyof OperatorBehaviourPatch>;

const PATCH_KEYS = new Set<string>(BEHAVIOUR_KEYS);

function isDelay(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

const TIMING_FIELDS = ['inProgressAfterMs', 'doneAfterMs'] as const;

/** A timing in milliseconds, its durations read; a problem description when a field is wrong. */
function timingInMs(value: unknown, where: string, partial: boolean): Partial<OrderTiming> | string {
	if (!isObject(value)) return `${where} must be an object {inProgressAfterMs, doneAfterMs} or {inProgressAfter, doneAfter}`;
	const timing: Partial<OrderTiming> = {};
	for (const key of TIMING_FIELDS) {
		const durationKey = key.slice(0, -2);
		const given = value[key] ?? value[durationKey];
		if (value[key] !== undefined && value[durationKey] !== undefined) return `${where}: give ${key} or ${durationKey}, not both`;
		if (given === undefined && partial) continue;
		const ms = typeof given === 'string' ? parseDuration(given) : given;
		if (!isDelay(ms)) {
			return typeof given === 'string'
				? `${where}.${durationKey}: '${given}' is not a duration like 90s, 10m, 4h, 2d or 1d 12h`
				: `${where}.${key} must be a number of milliseconds >= 0`;
		}
		timing[key] = ms;
	}
	const unknown = Object.keys(value).find((key) => !TIMING_FIELDS.some((field) => key === field || key === field.slice(0, -2)));
	return unknown === undefined ? timing : `${where}.${unknown} is not a timing field`;
}

function checkTiming(value: unknown, where: string, partial: boolean): string | undefined {
	const timing = timingInMs(value, where, partial);
	return typeof timing === 'string' ? timing : undefined;
}

function checkOutage(value: unknown): string | undefined {
	if (value === null) return undefined;
	if (!isObject(value) || !(OUTAGE_KINDS as readonly unknown[]).includes(value.kind)) return `outage must be null or {kind: ${OUTAGE_KINDS.join(' | ')}}`;
	if (value.status !== undefined && (value.kind !== 'http5xx' || typeof value.status !== 'number' || value.status < 500 || value.status > 599)) {
		return 'outage.status is a 5xx status, for kind http5xx only';
	}
	const extra = Object.keys(value).find((key) => key !== 'kind' && key !== 'status');
	return extra === undefined ? undefined : `outage.${extra} is not an outage field`;
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
	if (patch.orderEvents !== undefined && typeof patch.orderEvents !== 'boolean') return 'orderEvents must be true or false';
	if (patch.outage !== undefined) return checkOutage(patch.outage);
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
	if (patch.timing) behaviour.timing = { ...behaviour.timing, ...(timingInMs(patch.timing, 'timing', true) as Partial<OrderTiming>) };
	if (patch.failingAccesses) applyMap(behaviour.failingAccesses, patch.failingAccesses);
	if (patch.slowAccesses) {
		const copies: Record<string, OrderTiming | null> = {};
		for (const [key, timing] of Object.entries(patch.slowAccesses)) copies[key] = timing && (timingInMs(timing, key, false) as OrderTiming);
		applyMap(behaviour.slowAccesses, copies);
	}
	if (patch.refusedVersions) behaviour.refusedVersions = [...patch.refusedVersions];
	if (patch.unsupportedFields) behaviour.unsupportedFields = [...patch.unsupportedFields];
	if (patch.orderEndpointNote !== undefined) behaviour.orderEndpointNote = patch.orderEndpointNote ?? undefined;
	if (patch.immediateOperations) behaviour.immediateOperations = [...patch.immediateOperations];
	if (patch.unknownReferenceStatus !== undefined) behaviour.unknownReferenceStatus = patch.unknownReferenceStatus;
	if (patch.onPortal !== undefined) behaviour.onPortal = patch.onPortal;
	if (patch.orderEvents !== undefined) behaviour.orderEvents = patch.orderEvents;
	if (patch.outage === null) delete behaviour.outage;
	else if (patch.outage !== undefined) behaviour.outage = { ...patch.outage };
}
