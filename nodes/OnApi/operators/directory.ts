/**
 * The operator directory: the `onApiOperatorsApi` credential's JSON list of operators, parsed and
 * checked strictly before any request. A problem is reported as the entry (its position and coId)
 * and the field, never with the field's value: the JSON holds passwords, and a typo in one would
 * otherwise end up on screen. JSON.parse's own message is not used for the same reason (Node quotes
 * the text around the error).
 */
import { resolveApiRoot, type ApiRoot } from '../transport/apiRoot';

export interface DirectoryOperator extends ApiRoot {
	coId: string;
	username: string;
	password: string;
	/** The Base URL as written (no secret in it: credentials in the URL are refused). */
	baseUrl: string;
	/** http:// to a host other than loopback, as the ON-API credential's "Allow Insecure HTTP". */
	allowInsecureHttp: boolean;
}

export type DirectoryResult = { ok: true; operators: DirectoryOperator[] } | { ok: false; problem: string };

/** The spec's coID: `[a-zA-Z0-9-.]+`, at most 32 characters (2.4 common/dataformats.md). */
const CO_ID_PATTERN = /^[a-zA-Z0-9.-]{1,32}$/;
const FIELDS = ['coId', 'baseUrl', 'version', 'username', 'password', 'allowInsecureHttp'] as const;
/** Well above the largest TL's operators, low enough that a pasted accesses dump is refused. */
export const MAX_OPERATORS = 1000;

export const DIRECTORY_EXAMPLE =
	'[{ "coId": "SNFDMO", "baseUrl": "https://onapi.example-stadsnat.se/onapi", "version": "2.6", "username": "…", "password": "…" }]';

/** Line and column of a JSON syntax error, from the position V8 reports (without its excerpt). */
function syntaxErrorPlace(text: string, error: unknown): string {
	const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
	if (!position) return '';
	const before = text.slice(0, Number(position[1]));
	const line = before.split('\n').length;
	const column = before.length - before.lastIndexOf('\n');
	return ` at line ${line}, column ${column}`;
}

function parseText(value: unknown): { ok: true; value: unknown } | { ok: false; problem: string } {
	if (typeof value !== 'string') return { ok: true, value };
	if (value.trim() === '') return { ok: false, problem: 'The operator list is empty' };
	try {
		return { ok: true, value: JSON.parse(value) as unknown };
	} catch (error) {
		return { ok: false, problem: `The operator list is not valid JSON${syntaxErrorPlace(value, error)}` };
	}
}

function entryName(index: number, coId: unknown): string {
	const shown = typeof coId === 'string' && CO_ID_PATTERN.test(coId) ? ` (coId ${coId})` : '';
	return `Operator ${index + 1}${shown}`;
}

function textField(entry: Record<string, unknown>, field: string): string | undefined {
	const value = entry[field];
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function parseEntry(raw: unknown, index: number): { ok: true; operator: DirectoryOperator } | { ok: false; problem: string } {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		return { ok: false, problem: `Operator ${index + 1} is not an object with coId, baseUrl, version, username and password` };
	}
	const entry = raw as Record<string, unknown>;
	const name = entryName(index, entry.coId);
	const unknown = Object.keys(entry).filter((key) => !(FIELDS as readonly string[]).includes(key));
	if (unknown.length > 0) {
		// Field names only: a misspelt key is not a secret, its value might be.
		return { ok: false, problem: `${name}: unknown field ${unknown.map((key) => `"${key.slice(0, 40)}"`).join(', ')}; allowed are ${FIELDS.join(', ')}` };
	}
	const coId = textField(entry, 'coId');
	if (coId === undefined) return { ok: false, problem: `${name}: coId is missing` };
	if (!CO_ID_PATTERN.test(coId)) {
		return { ok: false, problem: `${name}: coId must be 1 to 32 letters, digits, dots or dashes` };
	}
	const baseUrl = textField(entry, 'baseUrl');
	if (baseUrl === undefined) return { ok: false, problem: `${name}: baseUrl is missing` };
	let version: unknown = entry.version;
	if (typeof version === 'number') version = version.toFixed(1);
	if (version !== undefined && typeof version !== 'string') {
		return { ok: false, problem: `${name}: version must be "2.4", "2.5" or "2.6"` };
	}
	const allowInsecureHttp = entry.allowInsecureHttp;
	if (allowInsecureHttp !== undefined && typeof allowInsecureHttp !== 'boolean') {
		return { ok: false, problem: `${name}: allowInsecureHttp must be true or false` };
	}
	const resolved = resolveApiRoot(baseUrl, version ?? '2.6', { allowInsecureHttp: allowInsecureHttp === true });
	if (!resolved.ok) {
		const field = /Version must/.test(resolved.problem) ? 'version' : 'baseUrl';
		const problem = resolved.problem
			.replace(/^The credential's /, '')
			.replace(/^The /, '')
			.replace('turn on Allow Insecure HTTP', 'set "allowInsecureHttp": true');
		return { ok: false, problem: `${name}: ${field}: ${problem}` };
	}
	if (version !== undefined && version !== resolved.apiRoot.version) {
		return {
			ok: false,
			problem: `${name}: version is ${version} but baseUrl says ${resolved.apiRoot.version}; leave version out or make them agree`,
		};
	}
	const username = textField(entry, 'username');
	if (username === undefined) return { ok: false, problem: `${name}: username is missing` };
	const password = entry.password;
	if (typeof password !== 'string' || password === '') return { ok: false, problem: `${name}: password is missing` };
	return {
		ok: true,
		operator: { ...resolved.apiRoot, coId, baseUrl: baseUrl.trim(), allowInsecureHttp: allowInsecureHttp === true, username, password },
	};
}

/** Parses the credential's operator list (JSON text, or the value n8n already parsed). */
export function parseOperatorDirectory(value: unknown): DirectoryResult {
	const parsed = parseText(value);
	if (!parsed.ok) return parsed;
	const list = parsed.value;
	if (!Array.isArray(list)) {
		return { ok: false, problem: `The operator list must be a JSON array of operators, e.g. ${DIRECTORY_EXAMPLE}` };
	}
	if (list.length === 0) return { ok: false, problem: 'The operator list has no operators' };
	if (list.length > MAX_OPERATORS) {
		return { ok: false, problem: `The operator list has ${list.length} entries; at most ${MAX_OPERATORS} are allowed` };
	}
	const operators: DirectoryOperator[] = [];
	const firstByCoId = new Map<string, number>();
	for (const [index, raw] of list.entries()) {
		const result = parseEntry(raw, index);
		if (!result.ok) return result;
		// coIds that differ only in case are one operator to the person reading `$json.co`.
		const key = result.operator.coId.toLowerCase();
		const first = firstByCoId.get(key);
		if (first !== undefined) {
			return {
				ok: false,
				problem: `${entryName(index, result.operator.coId)}: coId is already used by operator ${first + 1}; each operator may appear once`,
			};
		}
		firstByCoId.set(key, index);
		operators.push(result.operator);
	}
	return { ok: true, operators };
}

/** The operator with this coId (exactly as written in the directory), if any. */
export function findOperator(operators: readonly DirectoryOperator[], coId: string): DirectoryOperator | undefined {
	return operators.find((operator) => operator.coId === coId.trim());
}
