// Flat config for ESLint 9. eslint-plugin-n8n-nodes-base ships eslintrc-style configs, so their
// rule sets are applied here by file scope, the way @n8n/node-cli's own config does it.
import tseslint from 'typescript-eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import jsoncParser from 'jsonc-eslint-parser';

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
		rules: credentials.rules,
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...nodes.rules,
			// The package supports self-hosted n8n only (fast-xml-parser is a runtime dependency).
			'n8n-nodes-base/node-dirname-against-convention': 'error',
		},
	},
	{
		files: ['**/*.js', '**/*.cjs'],
		rules: { '@typescript-eslint/no-require-imports': 'off' },
		languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
	},
);
