/**
 * Two projects: `unit` (unit and integration tests, in-process sandbox, seconds) and `e2e` (the
 * packed package in a real n8n; its global setup installs the pinned n8n on first use).
 * `npx jest --selectProjects=e2e` runs only the latter.
 * @type {import('jest').Config}
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] };

module.exports = {
	// A sandbox server or an n8n per test file: keep the two cores busy, not oversubscribed.
	maxWorkers: 2,
	// Must stay top-level: jest-circus ignores a per-project testTimeout.
	testTimeout: 30000,
	projects: [
		{
			displayName: 'unit',
			rootDir: __dirname,
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
			transform,
		},
		{
			// The Tjänsteguiden suites once more against a sandbox that answers errors in the vendor's
			// documented style (HTTP 400, `failed`, root named after the method); see nodeTestKit.ts.
			displayName: 'tjansteguiden-documented-errors',
			rootDir: __dirname,
			testEnvironment: 'node',
			roots: ['<rootDir>/test/tjansteguiden'],
			testMatch: ['**/*.test.ts'],
			setupFiles: ['<rootDir>/test/tjansteguiden/documentedErrorStyle.setup.ts'],
			transform,
		},
		{
			displayName: 'e2e',
			rootDir: __dirname,
			testEnvironment: 'node',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/*.e2e.test.ts'],
			transform,
			globalSetup: '<rootDir>/test/e2e/global-setup.ts',
		},
	],
};
