/**
 * The Endpoints endpoint (mandatory in every version) says where each API lives and which fields
 * it does not support. Operators differ: the spec's own example lists `order/` where the Orders
 * spec says `orders/`, and an endpoint may live on another server. The node asks once per
 * credential, keeps the answer for a while and falls back to the spec's paths when the list is
 * missing or silent.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { OnApiEndpointName } from '../helpers/onApiTypes';
import { resolveEndpointUrl } from './apiRoot';
import type { OnApiConnection } from './connection';
import { onApiRequest, type OnApiResponse } from './request';

export interface DiscoveredEndpoint {
	name: string;
	endpoint: string;
	version?: string;
	note?: string;
	unsupportedFields?: string[];
}

export interface EndpointLocation {
	url: string;
	/** Fields the operator lists as unsupported on this endpoint. */
	unsupportedFields: string[];
	/** True when the operator's Endpoints list named this endpoint. */
	discovered: boolean;
}

export const DISCOVERY_TTL_MS = 15 * 60_000;
export const FAILED_DISCOVERY_TTL_MS = 60_000;

const ALIASES: Record<OnApiEndpointName, string[]> = {
	accesses: ['accesses', 'access'],
	services: ['services', 'service'],
	subscriptions: ['subscriptions', 'subscription'],
	orders: ['orders', 'order'],
	orderevents: ['orderevents', 'orderevent'],
};

interface CacheEntry {
	expires: number;
	endpoints: DiscoveredEndpoint[] | undefined;
}

const cache = new Map<string, CacheEntry>();
/** Endpoints lists being fetched right now, by credential: shared by concurrent items. */
const discoveries = new Map<string, Promise<void>>();

/** For tests: forget every operator's endpoint list. */
export function clearEndpointCache(): void {
	cache.clear();
	discoveries.clear();
}

/** Where the Endpoints list itself is: the API root, or `endpoints` on Stadsnätsportalen. */
export function discoveryUrl(connection: Pick<OnApiConnection, 'root' | 'portal'>): string {
	return connection.portal ? `${connection.root}/endpoints` : `${connection.root}/`;
}

/** The spec's path when the operator's list does not say otherwise. */
export function defaultEndpointUrl(connection: Pick<OnApiConnection, 'root' | 'portal'>, name: OnApiEndpointName): string {
	return connection.portal ? `${connection.root}/${name}` : `${connection.root}/${name}/`;
}

function comparableName(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function sameVersion(listed: string | undefined, version: string): boolean {
	if (listed === undefined || listed.trim() === '') return true;
	const major = (text: string) => text.trim().split('.').slice(0, 2).join('.');
	return major(listed) === major(version);
}

/** Keeps the well-formed entries of an Endpoints response. */
export function parseEndpointList(body: unknown): DiscoveredEndpoint[] {
	if (!Array.isArray(body)) return [];
	const endpoints: DiscoveredEndpoint[] = [];
	for (const entry of body) {
		if (typeof entry !== 'object' || entry === null) continue;
		const record = entry as IDataObject;
		if (typeof record.name !== 'string' || typeof record.endpoint !== 'string') continue;
		const parsed: DiscoveredEndpoint = { name: record.name, endpoint: record.endpoint };
		if (typeof record.version === 'string' || typeof record.version === 'number') parsed.version = String(record.version);
		if (typeof record.note === 'string') parsed.note = record.note;
		if (Array.isArray(record.unsupportedFields)) {
			parsed.unsupportedFields = record.unsupportedFields.filter((field): field is string => typeof field === 'string');
		}
		endpoints.push(parsed);
	}
	return endpoints;
}

/**
 * The operator's entry for an endpoint in the version the node speaks; legacy entries for other
 * versions (the spec's example lists a 2.3.1 `order` next to the 2.4 one) are skipped.
 */
export function pickEndpoint(
	endpoints: DiscoveredEndpoint[],
	name: OnApiEndpointName,
	version: string,
): DiscoveredEndpoint | undefined {
	for (const alias of ALIASES[name]) {
		const match = endpoints.find(
			(entry) => comparableName(entry.name) === alias && sameVersion(entry.version, version),
		);
		if (match) return match;
	}
	return undefined;
}

/** Fetches the Endpoints list (uncached); errors are the caller's. */
export async function fetchEndpointList(
	this: IExecuteFunctions,
	connection: OnApiConnection,
	itemIndex: number,
): Promise<OnApiResponse> {
	const response = await onApiRequest.call(this, {
		method: 'GET',
		url: discoveryUrl(connection),
		purpose: 'read',
		retryServerErrors: true,
		itemIndex,
	});
	cache.set(connection.cacheKey, {
		expires: Date.now() + DISCOVERY_TTL_MS,
		endpoints: parseEndpointList(response.body),
	});
	return response;
}

async function cachedEndpointList(
	this: IExecuteFunctions,
	connection: OnApiConnection,
	itemIndex: number,
): Promise<DiscoveredEndpoint[] | undefined> {
	const cached = cache.get(connection.cacheKey);
	if (cached && cached.expires > Date.now()) return cached.endpoints;
	// Items run side by side: the first one to miss the cache asks, the others wait for its answer.
	let pending = discoveries.get(connection.cacheKey);
	if (!pending) {
		pending = fetchEndpointList
			.call(this, connection, itemIndex)
			.then(
				() => undefined,
				() => {
					// An operator without a usable Endpoints list still serves the spec's paths.
					cache.set(connection.cacheKey, { expires: Date.now() + FAILED_DISCOVERY_TTL_MS, endpoints: undefined });
				},
			)
			.finally(() => discoveries.delete(connection.cacheKey));
		discoveries.set(connection.cacheKey, pending);
	}
	await pending;
	return cache.get(connection.cacheKey)?.endpoints;
}

export async function locateEndpoint(
	this: IExecuteFunctions,
	connection: OnApiConnection,
	name: OnApiEndpointName,
	itemIndex: number,
): Promise<EndpointLocation> {
	const endpoints = await cachedEndpointList.call(this, connection, itemIndex);
	const entry = endpoints ? pickEndpoint(endpoints, name, connection.version) : undefined;
	const url = entry ? resolveEndpointUrl(connection.root, entry.endpoint) : undefined;
	if (entry && url) {
		return { url, unsupportedFields: entry.unsupportedFields ?? [], discovered: true };
	}
	return { url: defaultEndpointUrl(connection, name), unsupportedFields: [], discovered: false };
}
