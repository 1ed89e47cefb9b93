import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

const ALICE = "Firefox on Alice's laptop";
const BOB = "Chrome on Bob's phone";

/** The two-browser story of the book: Alice saves a value, Bob's browser is someone else. */
async function twoBrowserStory(page: Page, value = 'qwerty') {
	const alice = page.getByRole('region', { name: ALICE });
	const bob = page.getByRole('region', { name: BOB });
	await expect(alice).toBeVisible();
	await alice.getByRole('textbox', { name: 'code' }).fill(value);
	await alice.getByRole('button', { name: 'Set' }).click();
	await expect(alice.locator('output')).toHaveText('set');
	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(alice.locator('output')).toHaveText(value);
	await bob.getByRole('button', { name: 'Get' }).click();
	await expect(bob.locator('output')).toHaveText('null');
}

test.describe('without a service worker', () => {
	test.use({ serviceWorkers: 'block' });

	test('the sandbox says so, and the two-browser story still works', async ({ page }) => {
		await page.goto('./sandbox');
		await expect(page.getByText('Running without the service worker.')).toBeVisible();
		expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
		await twoBrowserStory(page);
		await expect(
			page.getByRole('table', { name: 'Server sessions' }).locator('tbody tr')
		).toHaveCount(1);
		await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('{"result":null}');
	});

	test('a lesson still plays', async ({ page }) => {
		await page.goto('./lessons/cookies#step=4');
		await expect(page.getByRole('region', { name: 'Narration' })).toContainText('Step 4 of 7');
		await expect(page.getByRole('region', { name: ALICE }).locator('output')).toHaveText('abc');
	});
});

test('no request leaves the site, and the simulated ones go through the service worker', async ({
	page
}) => {
	test.slow();
	const origin = new URL(test.info().project.use.baseURL!).origin;
	const requests: string[] = [];
	const simulated: { url: string; fromServiceWorker: boolean }[] = [];
	page.on('request', (request) => requests.push(request.url()));
	page.on('response', (response) => {
		if (new URL(response.url()).pathname.includes('/__sim/'))
			simulated.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() });
	});

	await page.goto('./sandbox');
	await expect(page.getByRole('region', { name: ALICE })).toBeVisible();
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);
	await twoBrowserStory(page, 'local only');

	await page.goto('./lessons/stolen-cookie');
	const narration = page.getByRole('region', { name: 'Narration' });
	await expect(narration).toContainText('Introduction');
	const skip = page.getByRole('button', { name: 'Skip' });
	for (let step = 1; step <= 8; step++) {
		await page.getByRole('button', { name: 'Step forward' }).click();
		const arrived = narration.getByText(`Step ${step} of 8`, { exact: true });
		await expect(arrived.or(skip).first()).toBeVisible();
		if (await skip.isVisible()) await skip.click();
		await expect(arrived).toBeVisible();
	}
	await expect(narration.getByText('End of the lesson.')).toBeVisible();

	const foreign = requests.filter((url) => {
		const { protocol } = new URL(url);
		if (protocol === 'data:' || protocol === 'blob:') return false;
		return new URL(url).origin !== origin;
	});
	expect(foreign, 'requests to other origins').toEqual([]);
	expect(simulated.length, 'simulated exchanges seen on the network').toBeGreaterThan(0);
	expect(
		simulated.filter((response) => !response.fromServiceWorker),
		'simulated exchanges answered by the network instead of the service worker'
	).toEqual([]);
});

test('the built page opened from file:// explains why it has not started', async ({ browser }) => {
	const dir = process.env.E2E_BUILD_DIR ?? 'build-e2e';
	const index = resolve(dir, 'index.html');
	test.skip(!existsSync(index), `no build at ${index} (set E2E_BUILD_DIR)`);
	const page = await browser.newPage();
	try {
		await page.goto(pathToFileURL(index).href);
		await expect(page.getByText('Session Lab has not started')).toBeVisible({ timeout: 6_000 });
	} finally {
		await page.close();
	}
});

test('an invalid import file gives a clear alert and leaves the world as it was', async ({
	page
}) => {
	await page.goto('./sandbox');
	const alice = page.getByRole('region', { name: ALICE });
	await alice.getByRole('textbox', { name: 'code' }).fill('keep me');
	await alice.getByRole('button', { name: 'Set' }).click();
	const rows = page.getByRole('table', { name: 'Server sessions' }).locator('tbody tr');
	await expect(rows).toHaveCount(1);
	const inspector = page.getByRole('region', { name: 'Inspector' });
	const before = await inspector.getByRole('heading', { level: 2 }).innerText();

	const savePanel = page.getByRole('region', { name: 'Save and share' });
	await savePanel.getByLabel('Import JSON').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"this is": not json')
	});
	const alert = savePanel.getByRole('alert');
	await expect(alert).toContainText('broken.json was not imported.');
	await expect(alert).toContainText('not JSON');

	await savePanel.getByLabel('Import JSON').setInputFiles({
		name: 'other.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ hello: 'world' }))
	});
	await expect(alert).toContainText('other.json was not imported.');

	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('keep me');
	await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(before);
	await expect(page.getByRole('region', { name: ALICE })).toBeVisible();
	await expect(page.getByRole('region', { name: BOB })).toBeVisible();
	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(alice.locator('output')).toHaveText('keep me');
});

test('when storage is full the sandbox says so and keeps working', async ({ page }) => {
	await page.addInitScript(() => {
		const refuse = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		Storage.prototype.setItem = refuse;
		IDBObjectStore.prototype.put = refuse;
	});
	await page.goto('./sandbox');
	const alice = page.getByRole('region', { name: ALICE });
	await alice.getByRole('textbox', { name: 'code' }).fill('full');
	await alice.getByRole('button', { name: 'Set' }).click();
	// The autosave after the change fails and says why.
	const problem = page.getByRole('alert').filter({ hasText: /storage is full/i });
	await expect(problem.first()).toBeVisible();
	// A named save fails the same way, clearly.
	const savePanel = page.getByRole('region', { name: 'Save and share' });
	await savePanel.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(savePanel.getByRole('alert')).toContainText(/storage is full/i);
	// The page keeps working.
	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(alice.locator('output')).toHaveText('full');
	await page.getByRole('region', { name: BOB }).getByRole('button', { name: 'Get' }).click();
	await expect(page.getByRole('region', { name: BOB }).locator('output')).toHaveText('null');
});

test('the curl console answers bad commands like curl, and runs good ones', async ({ page }) => {
	await page.goto('./lessons/save-value');
	const console = page.getByRole('region', { name: 'curl console' });
	const input = console.getByRole('textbox', { name: 'curl' });
	const output = console.getByRole('log', { name: 'curl output' });
	await input.fill('curl -Z');
	await input.press('Enter');
	await expect(output).toContainText('$ curl -Z');
	await expect(output).toContainText('curl:');
	await expect(input).toHaveValue('');

	await input.fill('curl http://myapp.example/api/code');
	await input.press('Enter');
	await expect(output).toContainText('{"result":null}');
	await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('User-Agent: curl/');

	await input.fill('curl');
	await input.press('Enter');
	await expect(output).toContainText('curl: no URL specified');
});
