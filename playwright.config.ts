import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.js';

/** Chromium comes from the system (Debian's, installed if missing); Playwright never downloads one. */
const executablePath = findChromium();
// Workers load this file again: they find the same browser without looking for it.
process.env.CHROMIUM_PATH = executablePath;
const SUBPATH = '/session-lab';
const ROOT_PORT = 4183;
const SUBPATH_PORT = 4184;

/**
 * By default the tests build the site twice (at the root and under a sub-path) and serve each
 * build with the plain static server. Set E2E_ROOT_URL and E2E_SUBPATH_URL to test sites that
 * are already running instead.
 */
const external = Boolean(process.env.E2E_ROOT_URL);
const rootUrl = process.env.E2E_ROOT_URL ?? `http://127.0.0.1:${ROOT_PORT}/`;
const subpathUrl = process.env.E2E_SUBPATH_URL ?? `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}/`;

/** Builds the site into `dir` under `base` and serves it on `port`. */
function builtSite(dir: string, base: string, port: number) {
	return {
		command: 'npx vite build --logLevel warn && node scripts/serve.js',
		env: { BASE_PATH: base, BUILD_DIR: dir, SITE_DIR: dir, PORT: String(port) },
		url: `http://127.0.0.1:${port}${base}/`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'ignore' as const,
		stderr: 'pipe' as const
	};
}

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: true,
	workers: 2,
	// In CI a failed test runs once more, and `npm test` reports each one that needed it: two
	// sandbox tests failed once each in full runs and never alone (see the closing notes).
	retries: process.env.CI ? 1 : 0,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	webServer: external
		? undefined
		: [
				builtSite('build-e2e', '', ROOT_PORT),
				builtSite('build-e2e-subpath', SUBPATH, SUBPATH_PORT)
			],
	use: {
		browserName: 'chromium',
		viewport: { width: 1280, height: 720 },
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [
		{ name: 'root', use: { baseURL: rootUrl } },
		{ name: 'subpath', use: { baseURL: subpathUrl }, grep: /@base/ }
	]
});
