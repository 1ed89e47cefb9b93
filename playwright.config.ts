import { defineConfig } from '@playwright/test';

/** Chromium comes from the system (see scripts/find-chromium.js); Playwright never downloads one. */
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const rootUrl = process.env.E2E_ROOT_URL ?? 'http://127.0.0.1:4173/';
const subpathUrl = process.env.E2E_SUBPATH_URL ?? 'http://127.0.0.1:4174/session-lab/';

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
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
