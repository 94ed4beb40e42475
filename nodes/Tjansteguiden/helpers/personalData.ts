import type { IDataObject } from 'n8n-workflow';

/**
 * Fields that identify or reach a person directly. They are left out of every output (clean
 * items, Raw Output, the trigger's order details and customer) unless the user switches "Include
 * Personal Data" on, so that executions logged by n8n do not carry them by default. Name and
 * address stay: a service cannot be delivered without them. The API's field names are only
 * partly documented and order forms put their own under `<data>`, in English or Swedish, so
 * keys are matched by what they contain as well as exactly.
 */
const PERSONAL_KEYS = new Set(['serial', 'ssn', 'personal_number', 'personnummer', 'pnr', 'orgnr_person']);
const PERSONAL_KEY_PARTS = ['email', 'e-mail', 'e_mail', 'epost', 'e-post', 'e_post', 'phone', 'telefon', 'mobil', 'cellphone', 'personnummer', 'personal_number'];

function isPersonalKey(key: string): boolean {
	const lower = key.toLowerCase().replace(/^@_/, '');
	return PERSONAL_KEYS.has(lower) || PERSONAL_KEY_PARTS.some((part) => lower.includes(part));
}

function withoutPersonalValue(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutPersonalValue);
	if (value !== null && typeof value === 'object') return withoutPersonalData(value as IDataObject);
	return value;
}

export function withoutPersonalData(record: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (isPersonalKey(key)) continue;
		result[key] = withoutPersonalValue(value) as IDataObject;
	}
	return result;
}

export function applyPersonalDataChoice(record: IDataObject, include: boolean): IDataObject {
	return include ? record : withoutPersonalData(record);
}
