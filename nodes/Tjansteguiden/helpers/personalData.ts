import type { IDataObject } from 'n8n-workflow';

/**
 * Fields that identify or reach a person directly. They are left out of output items unless the
 * user switches "Include Personal Data" on, so that executions logged by n8n do not carry them
 * by default. Name and address stay: a service cannot be delivered without them.
 */
const PERSONAL_FIELDS = new Set(['serial', 'email', 'phone', 'mobile', 'cellphone', 'personal_number', 'ssn']);

export function withoutPersonalData(record: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (PERSONAL_FIELDS.has(key.toLowerCase())) continue;
		result[key] =
			value !== null && typeof value === 'object' && !Array.isArray(value)
				? withoutPersonalData(value as IDataObject)
				: value;
	}
	return result;
}

export function applyPersonalDataChoice(record: IDataObject, include: boolean): IDataObject {
	return include ? record : withoutPersonalData(record);
}
