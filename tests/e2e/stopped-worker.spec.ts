import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from './static-server';

/**
 * Browsers stop idle service workers, and a restarted MSW worker has forgotten which pages it
 * mocks for. This runs the built site on a static server of its own whose access log is read
 * afterwards: no carrier (`/__sim/…`) may ever reach it, whatever the worker's state.
 */
const dir = process.env.E2E_BUILD_DIR ?? 'build-e2e';

/** A port nothing listens on yet. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

let server: StaticServer | undefined;
let logDir = '';
let logFile = '';

test.beforeAll(async () => {
	logDir = mkdtempSync(join(tmpdir(), 'session-lab-host-'));
	logFile = join(logDir, 'access.log');
	server = await startStaticServer(await freePort(), { SITE_DIR: dir, REQUEST_LOG: logFile });
});

test.afterAll(() => {
	server?.stop();
	rmSync(logDir, { recursive: true, force: true });
});

/** The lines of the host's access log. */
const accessLog = () => readFileSync(logFile, 'utf8').split('\n').filter(Boolean);

test('after the browser stops the service worker, the site keeps answering and no simulated request reaches the host', async ({
	page,
	context
}) => {
	await page.goto(`${server!.origin}/sandbox`);
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);
	const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
	await alice.getByRole('textbox', { name: 'code' }).fill('before');
	await alice.getByRole('button', { name: 'Set' }).click();
	await expect(
		page.getByRole('table', { name: 'Server sessions' }).locator('tbody tr')
	).toHaveCount(1);

	// Carriers a restarted worker let through: the browser refused them from its cache alone.
	const refused: string[] = [];
	page.on('requestfailed', (request) => {
		if (request.url().includes('/__sim/')) refused.push(request.failure()?.errorText ?? '');
	});
	const cdp = await context.newCDPSession(page);
	await cdp.send('ServiceWorker.enable');
	await cdp.send('ServiceWorker.stopAllWorkers');
	await alice.getByRole('textbox', { name: 'code' }).fill('after');
	await alice.getByRole('button', { name: 'Set' }).click();
	await cdp.send('ServiceWorker.stopAllWorkers');
	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(alice.locator('output')).toHaveText('after');
	await expect(
		page.getByRole('table', { name: 'Server sessions' }).locator('tbody tr')
	).toHaveCount(1);
	expect(await page.evaluate(() => document.cookie)).toBe('');

	expect(accessLog().length, 'the host served the site').toBeGreaterThan(0);
	expect(accessLog().filter((line) => line.includes('/__sim/'))).toEqual([]);
	// The stopped worker really let carriers through, so the check above is not vacuous.
	expect(refused.length, 'carriers that went past the restarted worker').toBeGreaterThan(0);
});
