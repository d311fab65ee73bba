// Mirrors n8n's verification scanner (@n8n/scan-community-package): the community-nodes plugin's
// recommended set plus eslint-plugin-n8n-nodes-base's community, credentials and nodes sets, over
// package.json, the sources and the built dist/. Tests, the sandbox and scripts get plain
// typescript-eslint, since they run in Node and may use its built-ins.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const shipped = ['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts', 'dist/**/*.js'];

export default [
	{ ignores: ['node_modules/**', 'build/**', 'coverage/**', 'dist/**/*.d.ts', 'dist/**/*.map'] },
	{ ...n8nCommunityNodesPlugin.configs.recommended, files: shipped },
	{ files: shipped, rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{ files: ['**/*.json'], languageOptions: { parser: tseslint.parser } },
	{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
	...tseslint.configs.recommended.map((config) => ({
		...config,
		files: ['test/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts'],
	})),
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		plugins: { '@typescript-eslint': tseslint.plugin },
		rules: { '@typescript-eslint/no-explicit-any': 'error' },
	},
	{ linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' } },
];
