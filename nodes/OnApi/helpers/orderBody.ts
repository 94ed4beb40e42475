/**
 * Turns the node's order parameters into an ON-API order body, checking every field against the
 * spec's formats and the per-version required fields before anything is sent.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	isIpAddress,
	normaliseMacAddress,
	normaliseOnApiId,
	normaliseText,
	ON_API_ID_RULE,
	toUtcDateTime,
} from './formats';
import { shownValue } from '../../shared/fieldChecks';
import type { FieldProblem, OnApiVersion, OrderOperation } from './onApiTypes';
import { MODIFY_CHANGEABLE_FIELDS, requiredOrderFields } from './requiredFields';

/** Parameter values as n8n hands them over; anything may be empty or of the wrong type. */
export interface OrderInput {
	accessId?: unknown;
	service?: unknown;
	subscriptionId?: unknown;
	requestedDateTime?: unknown;
	forcedTakeover?: unknown;
	spReference?: unknown;
	spSubscriptionId?: unknown;
	externalNote?: unknown;
	/** fixedCollection value: `{ device: [{ vendorId, macAddress }] }`. */
	equipment?: unknown;
	/** fixedCollection value: `{ characteristic: [{ name, value }] }`. */
	characteristics?: unknown;
}

export interface BuiltBody {
	body: IDataObject;
	problems: FieldProblem[];
}

const ID_FIELDS = ['accessId', 'subscriptionId', 'spReference', 'spSubscriptionId'] as const;

function isBlank(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	return false;
}

function rowsOf(collection: unknown, key: string): IDataObject[] {
	if (collection === undefined || collection === null || typeof collection !== 'object') return [];
	const rows = (collection as IDataObject)[key];
	if (!Array.isArray(rows)) return [];
	return rows.filter((row): row is IDataObject => typeof row === 'object' && row !== null);
}

function buildEquipment(input: unknown, problems: FieldProblem[]): IDataObject[] | undefined {
	const rows = rowsOf(input, 'device');
	if (rows.length === 0) return undefined;
	const equipment: IDataObject[] = [];
	rows.forEach((row, index) => {
		const field = `equipment[${index}]`;
		const macAddress = normaliseMacAddress(row.macAddress);
		if (macAddress === undefined) {
			problems.push({
				field: `${field}.macAddress`,
				message: `${field}.macAddress must be a MAC address like AA:BB:CC:11:22:33`,
			});
		}
		const device: IDataObject = {};
		if (!isBlank(row.vendorId)) {
			const vendorId = normaliseText(row.vendorId);
			if (vendorId === undefined) {
				problems.push({ field: `${field}.vendorId`, message: `${field}.vendorId must be text of at most 255 characters` });
			} else {
				device.vendorId = vendorId;
			}
		}
		if (macAddress !== undefined) device.macAddress = macAddress;
		equipment.push(device);
	});
	return equipment;
}

function parseBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (typeof value !== 'string') return undefined;
	const text = value.trim().toLowerCase();
	if (text === 'true') return true;
	if (text === 'false') return false;
	return undefined;
}

function characteristicValue(name: string, value: unknown, field: string, problems: FieldProblem[]): unknown {
	if (name === 'fixedIp') {
		const flag = parseBoolean(value);
		if (flag === undefined) problems.push({ field, message: `${field} (fixedIp) must be true or false` });
		return flag;
	}
	if (name === 'ipAddresses' || name === 'ipAddress') {
		const addresses = Array.isArray(value)
			? value
			: String(value ?? '')
					.split(/[\s,]+/)
					.filter((part) => part !== '');
		const bad = addresses.filter((address) => !isIpAddress(address));
		if (addresses.length === 0 || bad.length > 0) {
			problems.push({
				field,
				message: `${field} (${name}) must be IPv4/IPv6 addresses, optionally with /prefix, separated by commas`,
			});
		}
		return addresses.map((address) => String(address).trim());
	}
	if (typeof value !== 'string') return value;
	const text = value.trim();
	const flag = parseBoolean(text);
	if (flag !== undefined) return flag;
	if (/^[[{]/.test(text)) {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			// Not JSON after all: send the text as written.
		}
	}
	if (text.length > 255) problems.push({ field, message: `${field} must be at most 255 characters` });
	return text;
}

function buildCharacteristics(input: unknown, problems: FieldProblem[]): IDataObject | undefined {
	const rows = rowsOf(input, 'characteristic');
	if (rows.length === 0) return undefined;
	const characteristics: IDataObject = {};
	rows.forEach((row, index) => {
		const field = `characteristics[${index}]`;
		const name = typeof row.name === 'string' ? row.name.trim() : '';
		if (name === '') {
			problems.push({ field: `${field}.name`, message: `${field}.name must not be empty` });
			return;
		}
		if (Object.prototype.hasOwnProperty.call(characteristics, name)) {
			problems.push({ field: `${field}.name`, message: `${field}.name "${name}" is given twice` });
			return;
		}
		characteristics[name] = characteristicValue(name, row.value, `${field}.value`, problems) as IDataObject[string];
	});
	return characteristics;
}

/** Checks and converts the fields common to order creation and order update. */
function collectFields(input: OrderInput, timezone: string, problems: FieldProblem[]): IDataObject {
	const body: IDataObject = {};
	for (const field of ID_FIELDS) {
		const raw = input[field];
		if (isBlank(raw)) continue;
		const id = normaliseOnApiId(raw);
		if (id === undefined) problems.push({ field, message: `${field} ${ON_API_ID_RULE} (got ${shownValue(raw)})` });
		else body[field] = id;
	}
	if (!isBlank(input.service)) {
		const service = normaliseText(input.service);
		if (service === undefined) problems.push({ field: 'service', message: 'service must be text of at most 255 characters' });
		else body.service = service;
	}
	if (!isBlank(input.requestedDateTime)) {
		const dateTime = toUtcDateTime(input.requestedDateTime, timezone);
		if (dateTime === undefined) {
			problems.push({
				field: 'requestedDateTime',
				message: `requestedDateTime must be an ISO 8601 date-time such as 2026-03-01T08:00:00Z (got ${shownValue(input.requestedDateTime)})`,
			});
		} else {
			body.requestedDateTime = dateTime;
		}
	}
	if (!isBlank(input.externalNote)) {
		const note = normaliseText(input.externalNote);
		if (note === undefined) problems.push({ field: 'externalNote', message: 'externalNote must be text of at most 255 characters' });
		else body.externalNote = note;
	}
	if (input.forcedTakeover !== undefined && input.forcedTakeover !== null && input.forcedTakeover !== '') {
		const flag = parseBoolean(input.forcedTakeover);
		if (flag === undefined) problems.push({ field: 'forcedTakeover', message: 'forcedTakeover must be true or false' });
		else body.forcedTakeover = flag;
	}
	const equipment = buildEquipment(input.equipment, problems);
	if (equipment !== undefined) body.equipment = equipment;
	const characteristics = buildCharacteristics(input.characteristics, problems);
	if (characteristics !== undefined) body.characteristics = characteristics;
	return body;
}

/** Body of `POST orders/` for one operation. */
export function buildOrderBody(
	operation: OrderOperation,
	version: OnApiVersion,
	input: OrderInput,
	timezone: string,
): BuiltBody {
	const problems: FieldProblem[] = [];
	const fields = collectFields(input, timezone, problems);
	const flawed = new Set(problems.map((problem) => problem.field));
	for (const field of requiredOrderFields(operation, version)) {
		if (fields[field] === undefined && !flawed.has(field)) {
			problems.push({ field, message: `${field} is required for ${operation} in ON-API ${version}` });
		}
	}
	if (operation === 'MODIFY') {
		const changeable = MODIFY_CHANGEABLE_FIELDS[version];
		if (!changeable.some((field) => fields[field] !== undefined) && problems.length === 0) {
			problems.push({
				field: changeable[0],
				message: `MODIFY needs something to change: set ${changeable.join(' or ')}`,
			});
		}
	}
	if (fields.forcedTakeover !== undefined && operation !== 'ACTIVATE') {
		// Older operators reject forcedTakeover on anything but ACTIVATE (2.3.1 service_activation).
		delete fields.forcedTakeover;
	}
	return { body: { operation, ...fields }, problems };
}

/** Body of `PATCH orders/{orderId}`: only the fields being changed. */
export function buildOrderPatch(input: OrderInput, timezone: string): BuiltBody {
	const problems: FieldProblem[] = [];
	const body = collectFields(input, timezone, problems);
	if (Object.keys(body).length === 0 && problems.length === 0) {
		problems.push({ field: 'updateFields', message: 'updateFields is empty: add at least one field to change' });
	}
	return { body, problems };
}
