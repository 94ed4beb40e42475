/**
 * Reading the Endpoints list (mandatory in every version), which says where each API lives and
 * which fields it does not support. Operators differ: the spec's own example lists `order/` where
 * the Orders spec says `orders/`. This module only reads lists and names paths; discovery.ts
 * fetches and caches them.
 */
import type { IDataObject } from 'n8n-workflow';
import type { OnApiEndpointName } from '../helpers/onApiTypes';
import type { ApiRoot } from './apiRoot';

export interface DiscoveredEndpoint {
	name: string;
	endpoint: string;
	version?: string;
	note?: string;
	unsupportedFields?: string[];
}

const ALIASES: Record<OnApiEndpointName, string[]> = {
	accesses: ['accesses', 'access'],
	services: ['services', 'service'],
	subscriptions: ['subscriptions', 'subscription'],
	orders: ['orders', 'order'],
	orderevents: ['orderevents', 'orderevent'],
};

/** Where the Endpoints list itself is: the API root, or `endpoints` on Stadsnätsportalen. */
export function discoveryUrl(connection: Pick<ApiRoot, 'root' | 'portal'>): string {
	return connection.portal ? `${connection.root}/endpoints` : `${connection.root}/`;
}

/** The spec's path when the operator's list does not say otherwise. */
export function defaultEndpointUrl(connection: Pick<ApiRoot, 'root' | 'portal'>, name: OnApiEndpointName): string {
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

