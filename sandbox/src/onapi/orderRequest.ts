/**
 * Reading and validating order bodies (POST, PUT, PATCH) against the data formats and the
 * per-version required fields. Business rules that need the operator's state are in orderPlacement.ts.
 */
import type { Equipment, OnApiVersion, OrderOperation, OrderRequestFields } from './types';
import { ORDER_OPERATIONS } from './types';

export type Validated<T> = { ok: true; value: T } | { ok: false; cause: string };

const ID_PATTERN = /^[-0-9a-zA-Z.]{1,36}$/;
const MAC_PATTERN = /^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$/;
/** dataformats.md: RFC 3339 in UTC with up to 4 decimals on the seconds. */
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,4})?(Z|\+00:00)$/;
const TEXT_MAX = 255;

export const ORDER_FIELD_NAMES = [
	'operation',
	'accessId',
	'service',
	'subscriptionId',
	'requestedDateTime',
	'forcedTakeover',
	'equipment',
	'spReference',
	'spSubscriptionId',
	'characteristics',
	'externalNote',
] as const;

function ok<T>(value: T): Validated<T> {
	return { ok: true, value };
}

function invalid<T>(cause: string): Validated<T> {
	return { ok: false, cause };
}

export function readJsonObject(body: string): Validated<Record<string, unknown>> {
	if (body.trim() === '') return invalid('Request body is empty; a JSON object is expected');
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		return invalid('Request body is not valid JSON');
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return invalid('Request body must be a JSON object');
	}
	return ok(parsed as Record<string, unknown>);
}

function checkId(name: string, value: unknown): string | undefined {
	if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
		return `Invalid ${name}: expected an ID (1-36 characters a-z, A-Z, 0-9, '-', '.')`;
	}
	return undefined;
}

function checkText(name: string, value: unknown): string | undefined {
	if (typeof value !== 'string' || value.trim() === '' || value.length > TEXT_MAX) {
		return `Invalid ${name}: expected text of 1-${TEXT_MAX} characters`;
	}
	return undefined;
}

function checkEquipment(value: unknown): string | undefined {
	if (!Array.isArray(value)) return 'Invalid equipment: expected an array of {vendorId, macAddress}';
	for (const item of value as unknown[]) {
		if (item === null || typeof item !== 'object' || Array.isArray(item)) {
			return 'Invalid equipment: expected an array of {vendorId, macAddress}';
		}
		const { vendorId, macAddress } = item as Record<string, unknown>;
		if (typeof vendorId !== 'string' || vendorId === '') return 'Invalid equipment: vendorId must be text';
		if (typeof macAddress !== 'string' || !MAC_PATTERN.test(macAddress)) {
			return `Invalid equipment: macAddress '${String(macAddress)}' is not like AA:BB:CC:11:22:33`;
		}
	}
	return undefined;
}

function checkCharacteristics(value: unknown): string | undefined {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return 'Invalid characteristics: expected a JSON object';
	}
	const characteristics = value as Record<string, unknown>;
	if (characteristics.fixedIp !== undefined && typeof characteristics.fixedIp !== 'boolean') {
		return 'Invalid characteristics.fixedIp: expected true or false';
	}
	for (const key of ['ipAddress', 'ipAddresses']) {
		const addresses = characteristics[key];
		if (addresses === undefined) continue;
		if (!Array.isArray(addresses) || addresses.some((address) => typeof address !== 'string' || address === '')) {
			return `Invalid characteristics.${key}: expected an array of IP addresses`;
		}
	}
	if (characteristics.SLA !== undefined && typeof characteristics.SLA !== 'string') {
		return 'Invalid characteristics.SLA: expected text';
	}
	return undefined;
}

function checkDateTime(value: unknown): string | undefined {
	if (typeof value !== 'string' || !DATE_TIME_PATTERN.test(value) || Number.isNaN(Date.parse(value))) {
		return 'Invalid requestedDateTime: expected an RFC 3339 UTC dateTime like 2019-02-05T00:00:00Z';
	}
	return undefined;
}

function checkField(name: string, value: unknown): string | undefined {
	switch (name) {
		case 'operation':
			return typeof value === 'string' && (ORDER_OPERATIONS as readonly string[]).includes(value)
				? undefined
				: `Invalid operation: expected one of ${ORDER_OPERATIONS.join(', ')}`;
		case 'accessId':
		case 'subscriptionId':
		case 'spReference':
		case 'spSubscriptionId':
			return checkId(name, value);
		case 'service':
		case 'externalNote':
			return checkText(name, value);
		case 'requestedDateTime':
			return checkDateTime(value);
		case 'forcedTakeover':
			return typeof value === 'boolean' ? undefined : 'Invalid forcedTakeover: expected true or false';
		case 'equipment':
			return checkEquipment(value);
		case 'characteristics':
			return checkCharacteristics(value);
		default:
			return undefined;
	}
}

/**
 * Format-checks the known order fields present in `body`; other keys (e.g. the server-owned `path`,
 * `orderId`, `state` that a PUT of "the complete object" echoes back) are ignored. `null` means
 * "not set" (dataformats.md: optional fields may be null) and is kept so a PATCH can clear a field.
 */
export function readOrderFields(body: Record<string, unknown>): Validated<Partial<Record<keyof OrderRequestFields, unknown>>> {
	const fields: Partial<Record<keyof OrderRequestFields, unknown>> = {};
	for (const name of ORDER_FIELD_NAMES) {
		if (!(name in body)) continue;
		const value = body[name];
		if (value === null) {
			fields[name] = null;
			continue;
		}
		const problem = checkField(name, value);
		if (problem) return invalid(problem);
		fields[name] = value;
	}
	return ok(fields);
}

/** Drops nulls and copies the arrays/objects so stored orders never alias a request body. */
export function compactFields(fields: Partial<Record<keyof OrderRequestFields, unknown>>): OrderRequestFields {
	const result: Record<string, unknown> = {};
	for (const name of ORDER_FIELD_NAMES) {
		const value = fields[name];
		if (value === undefined || value === null) continue;
		if (name === 'equipment') {
			result[name] = (value as Equipment[]).map((item) => ({ vendorId: item.vendorId, macAddress: item.macAddress }));
		} else if (name === 'characteristics') {
			result[name] = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
		} else {
			result[name] = value;
		}
	}
	return result as unknown as OrderRequestFields;
}

/** Required fields per operation and version (2.4 orders.md field list; 2.5/2.6 "Required fields in request"). */
export function checkRequiredFields(fields: OrderRequestFields, version: OnApiVersion): string | undefined {
	const operation: OrderOperation | undefined = fields.operation;
	if (!operation) return 'Missing operation';
	const missing = (name: string) => `Missing ${name}: required for operation ${operation} in ON-API ${version}`;
	switch (operation) {
		case 'ACTIVATE':
			if (!fields.accessId) return missing('accessId');
			if (!fields.service) return missing('service');
			if (version === '2.4' && !fields.spReference) return missing('spReference');
			break;
		case 'DEACTIVATE':
			// 2.4 lists subscriptionId as required only for SUSPEND/RESUME/MODIFY/CHANGE; its DEACTIVATE
			// example identifies the service by accessId + service (and subscriptionId).
			if (version === '2.4') {
				if (!fields.subscriptionId && !(fields.accessId && fields.service)) {
					return 'Missing subscriptionId (or accessId and service): required for operation DEACTIVATE in ON-API 2.4';
				}
			} else if (!fields.subscriptionId) {
				return missing('subscriptionId');
			}
			break;
		case 'CHANGE':
			if (!fields.subscriptionId) return missing('subscriptionId');
			if (!fields.service) return missing('service');
			break;
		default:
			if (!fields.subscriptionId) return missing('subscriptionId');
	}
	if (fields.forcedTakeover === true && operation !== 'ACTIVATE') {
		return 'forcedTakeover is only allowed for operation ACTIVATE';
	}
	return undefined;
}

/** Fields the operator declared unsupported (Endpoints `unsupportedFields`) are refused, not ignored. */
export function checkUnsupportedFields(fields: OrderRequestFields, unsupported: readonly string[]): string | undefined {
	for (const name of unsupported) {
		if ((fields as unknown as Record<string, unknown>)[name] !== undefined) {
			return `Field '${name}' is not supported by this operator (see unsupportedFields in the endpoints list)`;
		}
	}
	return undefined;
}
