/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json'}],
	},
	// A sandbox server or n8n execution per test file: keep the two cores busy, not oversubscribed.
	maxWorkers: 2,
	testTimeout: 30000,
};
