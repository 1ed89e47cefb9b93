import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { fileURLToPath } from 'node:url';
import svelteConfig from './svelte.config.js';

const gitignore = fileURLToPath(new URL('./.gitignore', import.meta.url));

/** Files that run in Node: tests, scripts, configs. Everything else in src/ runs in the browser. */
const nodeFiles = [
	'**/*.test.ts',
	'src/lib/testing/**',
	'tests/**',
	'scripts/**',
	'bench/**',
	'*.js',
	'*.ts'
];

/** The engine, the web application and the curl console stay free of UI, drawing and transport code (DESIGN.md). */
const layerRule = {
	'no-restricted-imports': [
		'error',
		{
			patterns: [
				{
					group: ['svelte', 'svelte/*', 'd3', 'd3-*', 'msw', 'msw/*', '$app/*'],
					message:
						'engine/, webapp/ and curl/ must not import svelte, d3, msw or $app (DESIGN.md layers).'
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

export default defineConfig(
	includeIgnoreFile(gitignore, 'Files git ignores'),
	{ ignores: ['static/mockServiceWorker.js'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: globals.browser },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{ files: nodeFiles, languageOptions: { globals: { ...globals.browser, ...globals.node } } },
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
		files: ['src/lib/engine/**/*.ts', 'src/lib/webapp/**/*.ts', 'src/lib/curl/**/*.ts'],
		ignores: ['**/*.test.ts'],
		rules: layerRule
	}
);
