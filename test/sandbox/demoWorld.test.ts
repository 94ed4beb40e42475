/** The one demo-world module (sandbox/src/demo/world.ts) and the simulators built from it agree. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
	ACCESSES_PER_OPERATOR,
	autoAccess,
	cityOfAccess,
	DEMO_API_KEY,
	DEMO_API_USER,
	DEMO_OPERATORS,
	DEMO_SP_ID,
	DEMO_USERNAME,
	FAILING_ACCESS_ID,
	FAILING_ACCESS_MESSAGE,
	OTHER_SP_ID,
	SandboxClock,
	TAKEN_ACCESS_ID,
	createTjansteguidenSimulator,
} from '../../sandbox/src';
import { createOnApiSimulator } from '../../sandbox/src/onapi';

describe('the demo world', () => {
	it('names every access of an operator with its socket prefix, numbered 1 to 30', () => {
		for (const operator of DEMO_OPERATORS) {
			const accesses = Array.from({ length: ACCESSES_PER_OPERATOR }, (_, index) => operator.access(index + 1));
			expect(new Set(accesses).size).toBe(ACCESSES_PER_OPERATOR);
			for (const accessId of accesses) {
				expect(accessId.startsWith(operator.socketPrefix)).toBe(true);
				expect(cityOfAccess(accessId)).toBe(operator.city);
			}
		}
		expect([DEMO_OPERATORS[0]?.access(1), DEMO_OPERATORS[1]?.access(30)]).toEqual(['SNDEMO-A0001', 'FIBNORR-1030']);
	});

	it('hands out accesses for bulk orders alternately and never a trouble access', () => {
		const picked = Array.from({ length: 200 }, (_, n) => autoAccess(n));
		expect(picked.slice(0, 4)).toEqual(['SNDEMO-A0001', 'FIBNORR-1001', 'SNDEMO-A0002', 'FIBNORR-1002']);
		expect(picked).not.toContain(TAKEN_ACCESS_ID);
		expect(picked).not.toContain(FAILING_ACCESS_ID);
	});

	it('is what the ON-API simulator serves: logins per operator, the taken access and the failing access', () => {
		const state = createOnApiSimulator({ clock: new SandboxClock() }).state();
		expect(Object.keys(state.operators)).toEqual(DEMO_OPERATORS.map((operator) => operator.coId));
		for (const operator of DEMO_OPERATORS) {
			const served = state.operators[operator.coId];
			expect(served?.name).toBe(operator.name);
			expect(served?.preferredVersion).toBe(operator.onApiVersion);
			expect(served?.users).toEqual([{ username: DEMO_USERNAME, spId: DEMO_SP_ID }]);
			expect(served?.portalUsers).toEqual([{ username: DEMO_API_USER, spId: DEMO_SP_ID }]);
			expect(served?.accessCount).toBe(ACCESSES_PER_OPERATOR);
		}
		const subscriptions = Object.values(state.operators).flatMap((operator) => operator.subscriptions);
		expect(subscriptions).toEqual([expect.objectContaining({ accessId: TAKEN_ACCESS_ID, spId: OTHER_SP_ID })]);
		const failing = Object.values(state.operators).map((operator) => operator.behaviour.failingAccesses);
		expect(failing).toEqual([{}, { [FAILING_ACCESS_ID]: FAILING_ACCESS_MESSAGE }]);
	});

	it('is what Tjänsteguiden is configured with: the SP login, the operators and their operator API users', () => {
		const config = createTjansteguidenSimulator({ clock: new SandboxClock() }).config;
		expect(config.users).toEqual([expect.objectContaining({ apiUser: DEMO_API_USER, apiKey: DEMO_API_KEY })]);
		expect(config.operators.map((operator) => operator.coId)).toEqual(DEMO_OPERATORS.map((operator) => operator.coId));
		expect(config.operatorUsers.map((user) => [user.apiUser, user.coId])).toEqual(
			DEMO_OPERATORS.map((operator) => [operator.operatorApiUser, operator.coId]),
		);
	});

	it("matches the README's table of the operator API users", () => {
		const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
		const row = DEMO_OPERATORS.map((operator) => `\`${operator.operatorApiUser}\``).join(' | ');
		expect(readme).toContain(`| API User ID | ${row} |`);
	});
});
