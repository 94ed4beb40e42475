/**
 * The spec names the IP list `ipAddresses` in its data formats but `ipAddress` in every example,
 * and describes offered values as `validValues` while its examples say `values`. Output always
 * uses the data-format names, so workflows need not care which one an operator picked.
 */
import type { IDataObject } from 'n8n-workflow';
import { isObject } from './jsonValues';

function asList(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (value === undefined || value === null || value === '') return [];
	return [value];
}

/** Characteristics of an order or subscription: `{ fixedIp, ipAddresses, SLA, ... }`. Mutates and returns. */
export function normaliseCharacteristics<T>(characteristics: T): T {
	if (!isObject(characteristics)) return characteristics;
	const record: IDataObject = characteristics;
	if ('ipAddress' in record) {
		const merged = [...asList(record.ipAddresses), ...asList(record.ipAddress)];
		record.ipAddresses = [...new Set(merged.map((entry) => String(entry)))];
		delete record.ipAddress;
	}
	return characteristics;
}

/**
 * Characteristics a service offers: `{ fixedIp: { required, validValues }, ipAddresses: { required } }`.
 * Mutates and returns.
 */
export function normaliseOfferedCharacteristics<T>(offered: T): T {
	if (!isObject(offered)) return offered;
	const record: IDataObject = offered;
	if ('ipAddress' in record && !('ipAddresses' in record)) {
		record.ipAddresses = record.ipAddress;
	}
	delete record.ipAddress;
	for (const definition of Object.values(record)) {
		if (isObject(definition) && 'values' in definition) {
			if (!('validValues' in definition)) definition.validValues = definition.values;
			delete definition.values;
		}
	}
	return offered;
}
