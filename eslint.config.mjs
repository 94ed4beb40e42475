// Flat config for ESLint 9. eslint-plugin-n8n-nodes-base ships eslintrc-style configs, so their
// rule sets are applied here by file scope, the way @n8n/node-cli's own config does it.
import tseslint from 'typescript-eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import jsoncParser from 'jsonc-eslint-parser';

import importCycles from './eslint/noImportCycle.cjs';

const { community, credentials, nodes } = n8nNodesBase.configs;

export default tseslint.config(
	{
		ignores: ['dist/**', 'sandbox/dist/**', 'node_modules/**', 'e2e/n8n-host/**', '.e2e-work/**', '.demo/**', 'coverage/**'],
	},
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts', '**/*.js', '**/*.mjs'] })),
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...credentials.rules,
			// The rule expects a docs.n8n.io slug (core nodes only); community credentials link a full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...nodes.rules,
			// These two predate NodeConnectionTypes.Main, which current n8n types require over 'main'.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		// No import cycles in the product or the sandbox, type-only imports included (see the rule's comment).
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'sandbox/src/**/*.ts'],
		plugins: { local: importCycles },
		rules: { 'local/no-import-cycle': 'error' },
	},
	{
		files: ['**/*.js', '**/*.cjs'],
		rules: { '@typescript-eslint/no-require-imports': 'off' },
		languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
	},
);
