import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** The engine and the web application stay free of UI, drawing and transport code (DESIGN.md). */
const layerRule = {
	'no-restricted-imports': [
		'error',
		{
			patterns: [
				{
					group: ['svelte', 'svelte/*', 'd3', 'd3-*', 'msw', 'msw/*', '$app/*'],
					message: 'engine/ and webapp/ must not import svelte, d3, msw or $app (DESIGN.md layers).'
				}
			]
		}
	],
	'no-restricted-syntax': [
		'error',
		{
			selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
			message: 'Use the world clock.'
		},
		{
			selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
			message: 'Use the seeded generator.'
		},
		{
			selector: "NewExpression[callee.name='Date'][arguments.length=0]",
			message: 'Use the world clock.'
		},
		{ selector: "CallExpression[callee.name='setTimeout']", message: 'Use virtual time.' }
	]
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['src/lib/engine/**/*.ts', 'src/lib/webapp/**/*.ts'],
		ignores: ['**/*.test.ts'],
		rules: layerRule
	},
	{
		ignores: [
			'build/',
			'build-subpath/',
			'build-*/',
			'bench-results/',
			'.svelte-kit/',
			'node_modules/',
			'static/mockServiceWorker.js',
			'test-results/',
			'playwright-report/'
		]
	}
);
