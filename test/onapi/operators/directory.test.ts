import { OnApiOperatorsApi } from '../../../credentials/OnApiOperatorsApi.credentials';
import { findOperator, MAX_OPERATORS, parseOperatorDirectory } from '../../../nodes/OnApi/operators/directory';

const PASSWORD = 'hunter2-Secret';
const entry = (overrides: Record<string, unknown> = {}) => ({
	coId: 'SNFDMO',
	baseUrl: 'https://co.example/onapi',
	version: '2.6',
	username: 'sp-user',
	password: PASSWORD,
	...overrides,
});

function problemOf(value: unknown): string {
	const result = parseOperatorDirectory(value);
	if (result.ok) throw new Error('expected the directory to be refused');
	expect(result.problem).not.toContain(PASSWORD);
	return result.problem;
}

describe('operator directory', () => {
	it('parses JSON text into operators with their API roots', () => {
		const text = JSON.stringify([
			entry(),
			entry({ coId: 'OTHER', baseUrl: 'https://other.example/api/2.4/', version: undefined }),
			entry({ coId: 'PORTAL', baseUrl: 'https://www.stadsnatsportalen.se/plain/onapi/PORTAL', version: undefined }),
		]);
		const result = parseOperatorDirectory(text);
		expect(result).toEqual({
			ok: true,
			operators: [
				expect.objectContaining({ coId: 'SNFDMO', root: 'https://co.example/onapi/2.6', version: '2.6', portal: false, username: 'sp-user', password: PASSWORD }),
				expect.objectContaining({ coId: 'OTHER', root: 'https://other.example/api/2.4', version: '2.4', portal: false }),
				expect.objectContaining({ coId: 'PORTAL', version: '2.4', portal: true }),
			],
		});
	});

	it('defaults the version to 2.6 and accepts it written as a number', () => {
		const result = parseOperatorDirectory([entry({ version: undefined }), entry({ coId: 'B', version: 2.5 })]);
		expect(result.ok && result.operators.map((operator) => operator.root)).toEqual([
			'https://co.example/onapi/2.6',
			'https://co.example/onapi/2.5',
		]);
	});

	it('finds an operator by its exact coId', () => {
		const result = parseOperatorDirectory([entry(), entry({ coId: 'B2' })]);
		if (!result.ok) throw new Error(result.problem);
		expect(findOperator(result.operators, 'B2')?.coId).toBe('B2');
		expect(findOperator(result.operators, ' B2 ')?.coId).toBe('B2');
		expect(findOperator(result.operators, 'b2')).toBeUndefined();
	});

	it('reports a JSON syntax error by place, without quoting the text around it', () => {
		const text = `[\n  { "coId": "A", "password": "${PASSWORD}" "x": 1 }\n]`;
		const problem = problemOf(text);
		expect(problem).toMatch(/^The operator list is not valid JSON at line 2, column \d+$/);
	});

	it.each([
		['', 'The operator list is empty'],
		['{"coId":"A"}', 'must be a JSON array'],
		['[]', 'has no operators'],
		['[1]', 'Operator 1 is not an object'],
	])('refuses %s', (text, expected) => {
		expect(problemOf(text)).toContain(expected);
	});

	it('names the entry (position and coId) and the field', () => {
		expect(problemOf([entry(), entry({ coId: 'TWO', username: '' })])).toBe('Operator 2 (coId TWO): username is missing');
		expect(problemOf([entry({ password: '' })])).toBe('Operator 1 (coId SNFDMO): password is missing');
		expect(problemOf([entry({ coId: undefined })])).toBe('Operator 1: coId is missing');
		expect(problemOf([entry({ coId: 'has space' })])).toBe('Operator 1: coId must be 1 to 32 letters, digits, dots or dashes');
		expect(problemOf([entry({ baseUrl: 'not a url' })])).toBe('Operator 1 (coId SNFDMO): baseUrl: Base URL is not a URL');
		expect(problemOf([entry({ version: '3.0' })])).toBe('Operator 1 (coId SNFDMO): version: Version must be 2.4, 2.5 or 2.6');
		expect(problemOf([entry({ version: true })])).toBe('Operator 1 (coId SNFDMO): version must be "2.4", "2.5" or "2.6"');
		expect(problemOf([entry({ baseUrl: 'https://co.example/onapi/2.4', version: '2.6' })])).toContain(
			'version is 2.6 but baseUrl says 2.4',
		);
	});

	it('refuses unknown fields by name, never by value', () => {
		const problem = problemOf([entry({ pasword: PASSWORD })]);
		expect(problem).toBe('Operator 1 (coId SNFDMO): unknown field "pasword"; allowed are coId, baseUrl, version, username, password, allowInsecureHttp');
	});

	it('refuses a password inside the Base URL without echoing it', () => {
		const problem = problemOf([entry({ baseUrl: `https://user:${PASSWORD}@co.example/onapi` })]);
		expect(problem).toContain('Operator 1 (coId SNFDMO): baseUrl: Put the username and password in their own fields');
	});

	it('refuses http:// except for loopback unless the entry allows it', () => {
		expect(problemOf([entry({ baseUrl: 'http://co.example/onapi' })])).toBe(
			'Operator 1 (coId SNFDMO): baseUrl: Base URL uses http://, which would send the password in clear text: use https://, or set "allowInsecureHttp": true',
		);
		expect(parseOperatorDirectory([entry({ baseUrl: 'http://127.0.0.1:8080/onapi' })]).ok).toBe(true);
		const allowed = parseOperatorDirectory([entry({ baseUrl: 'http://co.example/onapi', allowInsecureHttp: true })]);
		expect(allowed.ok && allowed.operators[0]).toMatchObject({ root: 'http://co.example/onapi/2.6', allowInsecureHttp: true });
		expect(problemOf([entry({ allowInsecureHttp: 'yes' })])).toBe('Operator 1 (coId SNFDMO): allowInsecureHttp must be true or false');
	});

	it('refuses duplicate coIds, also when they differ only in case', () => {
		expect(problemOf([entry(), entry({ coId: 'OTHER' }), entry({ coId: 'snfdmo' })])).toBe(
			'Operator 3 (coId snfdmo): coId is already used by operator 1; each operator may appear once',
		);
	});

	it('refuses more than the maximum number of operators', () => {
		const list = Array.from({ length: MAX_OPERATORS + 1 }, (_, index) => entry({ coId: `CO${index}` }));
		expect(problemOf(list)).toContain(`at most ${MAX_OPERATORS}`);
	});
});

describe('ON-API Operators credential', () => {
	it('keeps the list in one JSON field whose values n8n masks', () => {
		const credential = new OnApiOperatorsApi();
		expect(credential.name).toBe('onApiOperatorsApi');
		expect(credential.displayName).toBe('ON-API Operators – Open Networks API');
		expect(credential.properties).toEqual([
			expect.objectContaining({ name: 'operators', type: 'json', required: true, typeOptions: expect.objectContaining({ redactJsonLeaves: true }) }),
		]);
		// No generic authenticate: one Basic header for every operator would send passwords to the wrong hosts.
		expect((credential as { authenticate?: unknown }).authenticate).toBeUndefined();
	});

	it('shows a placeholder that is itself a valid directory', () => {
		const [field] = new OnApiOperatorsApi().properties;
		expect(parseOperatorDirectory(field.placeholder).ok).toBe(true);
	});
});
