/** Default configuration of the Tjänsteguiden simulator and validation of admin changes to it. */
import { AdminError } from '../adminJson';
import {
	DEMO_API_KEY,
	DEMO_API_USER,
	DEMO_API_USER_NAME,
	DEMO_OPERATOR_ADDRESSES,
	DEMO_OPERATORS,
	DEMO_TG_SERVICES,
	DEMO_XSP,
} from '../demo/world';
import type { TgConfig, TgOperator, TgOperatorUser, TgService, TgUser } from './model';

/** The demo world (demo/world.ts) as Tjänsteguiden is configured for it. */
export function defaultConfig(): TgConfig {
	return {
		hashLifetimeMs: 20 * 60 * 1000,
		ordersEnvelope: 'orders',
		customerInfoEnvelope: 'wrapped',
		errorStyle: 'assumed',
		xsp: DEMO_XSP,
		maxListingRows: null,
		users: [{ apiUser: DEMO_API_USER, apiKey: DEMO_API_KEY, name: DEMO_API_USER_NAME }],
		services: DEMO_TG_SERVICES.map((service) => ({ ...service })),
		operators: DEMO_OPERATORS.map(({ coId, name, socketPrefix }) => ({ coId, name, socketPrefix })),
		operatorUsers: DEMO_OPERATORS.map((operator) => ({
			apiUser: operator.operatorApiUser,
			coId: operator.coId,
			name: `${operator.name} API`,
			allowedAddresses: [...DEMO_OPERATOR_ADDRESSES],
		})),
	};
}

/** The public part of TgConfig as admin sends it; every field optional. */
export interface TgConfigPatch {
	hashLifetimeMs?: number;
	hashLifetimeMinutes?: number;
	ordersEnvelope?: TgConfig['ordersEnvelope'];
	customerInfoEnvelope?: TgConfig['customerInfoEnvelope'];
	errorStyle?: TgConfig['errorStyle'];
	xsp?: number;
	maxListingRows?: number | null;
	users?: TgUser[];
	services?: TgService[];
	operators?: TgOperator[];
	operatorUsers?: TgOperatorUser[];
}

/** Applies an admin patch to a copy of `config`; throws AdminError on any invalid field. */
export function patchConfig(config: TgConfig, patch: Record<string, unknown>): TgConfig {
	const next: TgConfig = structuredClone(config);
	for (const [key, value] of Object.entries(patch)) {
		switch (key) {
			case 'hashLifetimeMs':
				next.hashLifetimeMs = positiveInteger(key, value);
				break;
			case 'hashLifetimeMinutes':
				next.hashLifetimeMs = positiveInteger(key, value) * 60 * 1000;
				break;
			case 'ordersEnvelope':
				next.ordersEnvelope = oneOf(key, value, ['orders', 'serviceguide'] as const);
				break;
			case 'customerInfoEnvelope':
				next.customerInfoEnvelope = oneOf(key, value, ['wrapped', 'bare'] as const);
				break;
			case 'errorStyle':
				next.errorStyle = oneOf(key, value, ['assumed', 'documented'] as const);
				break;
			case 'xsp':
				next.xsp = positiveInteger(key, value);
				break;
			case 'maxListingRows':
				next.maxListingRows = value === null ? null : positiveInteger(key, value);
				break;
			case 'users':
				next.users = arrayOf(key, value, parseUser);
				break;
			case 'services':
				next.services = arrayOf(key, value, parseService);
				break;
			case 'operators':
				next.operators = arrayOf(key, value, parseOperator);
				break;
			case 'operatorUsers':
				next.operatorUsers = arrayOf(key, value, parseOperatorUser);
				break;
			default:
				throw new AdminError(`Unknown config field: ${key}`);
		}
	}
	return next;
}

/** Config as admin reads it back: API keys are not echoed. */
export type PublicConfig = Omit<TgConfig, 'users'> & { users: { apiUser: string; name: string }[] };

export function publicConfig(config: TgConfig): PublicConfig {
	return { ...structuredClone(config), users: config.users.map(({ apiUser, name }) => ({ apiUser, name })) };
}

export function parseUser(value: unknown): TgUser {
	const raw = objectOf('user', value);
	return {
		apiUser: nonEmptyString('apiUser', raw.apiUser === undefined ? undefined : String(raw.apiUser)),
		apiKey: nonEmptyString('apiKey', raw.apiKey),
		name: raw.name === undefined ? DEMO_API_USER_NAME : nonEmptyString('name', raw.name),
	};
}

export function parseOperatorUser(value: unknown): TgOperatorUser {
	const raw = objectOf('operator user', value);
	return {
		apiUser: nonEmptyString('apiUser', raw.apiUser === undefined ? undefined : String(raw.apiUser)),
		coId: nonEmptyString('coId', raw.coId),
		name: raw.name === undefined ? `${String(raw.coId)} API` : nonEmptyString('name', raw.name),
		allowedAddresses: parseAddresses(raw.allowedAddresses ?? [...DEMO_OPERATOR_ADDRESSES]),
	};
}

/** An allow-list: IP addresses as the server sees them (IPv4-mapped IPv6 is read as IPv4), or '*'. */
export function parseAddresses(value: unknown): string[] {
	if (!Array.isArray(value)) throw new AdminError('allowedAddresses must be an array of IP addresses');
	return value.map((entry) => {
		if (typeof entry !== 'string' || !/^(\*|[0-9a-fA-F:.]+)$/.test(entry.trim())) {
			throw new AdminError(`Not an IP address: ${String(entry)}`);
		}
		return normaliseAddress(entry.trim());
	});
}

/** `::ffff:127.0.0.1` → `127.0.0.1`, so an IPv4 client matches its IPv4 entry on a dual-stack socket. */
export function normaliseAddress(address: string): string {
	return address.toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}

function parseService(value: unknown): TgService {
	const raw = objectOf('service', value);
	return { id: positiveInteger('id', raw.id), uid: nonEmptyString('uid', raw.uid), name: nonEmptyString('name', raw.name) };
}

function parseOperator(value: unknown): TgOperator {
	const raw = objectOf('operator', value);
	return {
		coId: nonEmptyString('coId', raw.coId),
		name: nonEmptyString('name', raw.name),
		socketPrefix: nonEmptyString('socketPrefix', raw.socketPrefix),
	};
}

function objectOf(what: string, value: unknown): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new AdminError(`Each ${what} must be an object`);
	return value as Record<string, unknown>;
}

function arrayOf<T>(key: string, value: unknown, parse: (item: unknown) => T): T[] {
	if (!Array.isArray(value)) throw new AdminError(`${key} must be an array`);
	return value.map(parse);
}

function positiveInteger(key: string, value: unknown): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new AdminError(`${key} must be a positive integer`);
	return value;
}

function nonEmptyString(key: string, value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '') throw new AdminError(`${key} must be a non-empty string`);
	return value;
}

function oneOf<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
	if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
		throw new AdminError(`${key} must be one of ${allowed.join(', ')}`);
	}
	return value as T;
}
