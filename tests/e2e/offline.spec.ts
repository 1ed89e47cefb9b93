/**
 * The offline edition, one HTML file opened from `file://` as from a USB stick: it says that it
 * runs in the page, plays a lesson to its end, runs the sandbox, and fetches nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { OFFLINE_FILE } from '../../scripts/offline-edition.js';
import { lessonView, noMemoryEnd, playThrough, type LessonCase } from './lesson-helpers';

const FILE = resolve(OFFLINE_FILE);
const HOME = pathToFileURL(FILE).href;
const ALICE = "Firefox on Alice's laptop";

/** The shortest lesson, and the outcome lessons.spec.ts checks at its end. */
const NO_MEMORY: LessonCase = {
	slug: 'no-memory',
	steps: 6,
	predictions: 'answer',
	end: noMemoryEnd
};

// One worker for this file, so that the file is built at most once.
test.describe.configure({ mode: 'default' });

test.beforeAll(() => {
	if (existsSync(FILE)) return;
	test.setTimeout(300_000);
	const built = spawnSync('npm', ['run', 'build:offline', '--silent'], { stdio: 'inherit' });
	expect(built.status, 'npm run build:offline').toBe(0);
});

/** Every URL the page asks for; the offline edition asks for nothing beyond its own file. */
function watchRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (request) => urls.push(request.url()));
	return urls;
}

const notLocal = (urls: string[]) => urls.filter((url) => !/^(file|data|blob):/.test(url));

/** The sandbox's world as the autosave kept it in IndexedDB, as JSON; `''` when there is none. */
function savedWorldText(page: Page): Promise<string> {
	return page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const open = indexedDB.open('session-lab');
				open.onerror = () => resolve('');
				open.onsuccess = () => {
					const database = open.result;
					if (!database.objectStoreNames.contains('worlds')) return resolve('');
					const read = database.transaction('worlds').objectStore('worlds').get('sandbox');
					read.onerror = () => resolve('');
					read.onsuccess = () => resolve(JSON.stringify(read.result ?? ''));
				};
			})
	);
}

/** The notice that every exchange is answered in the page. */
const offlineNotice = (page: Page) =>
	page.getByRole('note').filter({ hasText: 'Offline edition.' });

test('from file://, a lesson says it runs in the page and plays to its end', async ({ page }) => {
	test.slow();
	const urls = watchRequests(page);
	await page.goto(HOME);
	await expect(
		page.getByRole('heading', { name: 'You are using the offline edition' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Download the offline edition' })).toHaveCount(0);

	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Lessons' })
		.click();
	await expect(page).toHaveURL(/\.html#\/lessons$/);
	await page.getByRole('link', { name: 'Every request stands alone' }).click();
	await expect(page).toHaveURL(/\.html#\/lessons\/no-memory$/);

	const v = lessonView(page);
	await expect(v.progress).toHaveText(`Introduction · ${NO_MEMORY.steps} steps`);
	await expect(offlineNotice(page)).toContainText('Everything runs inside this page');
	await expect(page.getByText('Running without the service worker.')).toHaveCount(0);

	await playThrough(page, NO_MEMORY);
	await NO_MEMORY.end(v, page);

	// The step follows the route in the fragment, so a reload (or the copied link) keeps it.
	await expect(page).toHaveURL(/#\/lessons\/no-memory\?step=6$/);
	await page.reload();
	await expect(v.progress).toHaveText('Step 6 of 6');
	await expect(v.narration.getByText('End of the lesson.')).toBeVisible();

	expect(notLocal(urls), 'requests that left the file').toEqual([]);
});

test('from file://, the sandbox makes an exchange in the page and keeps its world', async ({
	page
}) => {
	const urls = watchRequests(page);
	await page.goto(HOME);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Sandbox' })
		.click();
	await expect(page).toHaveURL(/\.html#\/sandbox$/);
	await expect(offlineNotice(page)).toBeVisible();

	const alice = page.getByRole('region', { name: ALICE });
	await alice.getByRole('textbox', { name: 'code' }).fill('on a USB stick');
	await alice.getByRole('button', { name: 'Set' }).click();
	await expect(alice.locator('output')).toHaveText('set');
	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(alice.locator('output')).toHaveText('on a USB stick');
	await expect(page.getByRole('region', { name: 'Inspector' })).toContainText(
		'{"result":"on a USB stick"}'
	);
	await expect(
		page.getByRole('table', { name: 'Server sessions' }).locator('tbody tr')
	).toHaveCount(1);

	// Chromium gives file:// pages IndexedDB, so the world comes back after a reload.
	await expect.poll(() => savedWorldText(page)).toContain('on a USB stick');
	await page.reload();
	await expect(page.getByText('Restored “Sandbox” from your last visit.')).toBeVisible();
	const aliceAgain = page.getByRole('region', { name: ALICE });
	await aliceAgain.getByRole('button', { name: 'Get' }).click();
	await expect(aliceAgain.locator('output')).toHaveText('on a USB stick');
	expect(notLocal(urls), 'requests that left the file').toEqual([]);
});

test('from file://, with browser storage refused, the sandbox still runs', async ({ page }) => {
	// Some browsers refuse storage to file:// pages: the getters throw, as on a blocked origin.
	await page.addInitScript(() => {
		for (const name of ['indexedDB', 'localStorage']) {
			Object.defineProperty(window, name, {
				get() {
					throw new DOMException('Storage is refused to this page.', 'SecurityError');
				}
			});
		}
	});
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(`${HOME}#/sandbox`);
	await expect(offlineNotice(page)).toBeVisible();
	// The page brings its panels back one per task; the last of them shows it has settled.
	await expect(page.getByRole('region', { name: 'Attacks' })).toBeVisible();

	const alice = page.getByRole('region', { name: ALICE });
	await alice.getByRole('textbox', { name: 'code' }).fill('not saved');
	await alice.getByRole('button', { name: 'Set' }).click();
	await expect(alice.locator('output')).toHaveText('set');
	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(alice.locator('output')).toHaveText('not saved');
	// The autosave says it cannot save, and nothing else breaks.
	await expect(
		page.getByRole('alert').filter({ hasText: 'Saving is not available' })
	).toBeVisible();
	expect(errors).toEqual([]);
});

test('the hosted home page offers the offline edition without loading it @base', async ({
	page
}) => {
	const urls = watchRequests(page);
	await page.goto('./');
	const link = page.getByRole('link', { name: 'Download the offline edition' });
	await expect(link).toHaveAttribute('download', 'session-lab-offline.html');
	await page.waitForLoadState('networkidle');
	expect(urls.filter((url) => url.includes('session-lab-offline'))).toEqual([]);

	const response = await page.request.get(
		new URL((await link.getAttribute('href'))!, page.url()).href
	);
	expect(response.ok()).toBe(true);
	expect(response.headers()['content-type']).toContain('text/html');
	expect((await response.body()).length).toBeGreaterThan(100_000);
});
