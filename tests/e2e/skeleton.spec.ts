import { expect, test } from '@playwright/test';

test.describe('the walking skeleton @base', () => {
	test('the home page leads to the sandbox', async ({ page }) => {
		await page.goto('./');
		await expect(page.getByRole('heading', { name: 'Who is on the other end?' })).toBeVisible();
		await page.getByRole('link', { name: 'Sandbox' }).first().click();
		await expect(page).toHaveURL(/\/sandbox$/);
		await expect(page.getByRole('region', { name: "Firefox on Alice's laptop" })).toBeVisible();
	});

	test('two browsers are two clients, and the real document.cookie stays empty', async ({
		page
	}) => {
		await page.goto('./sandbox');
		const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
		const bob = page.getByRole('region', { name: "Chrome on Bob's phone" });
		await expect(alice).toBeVisible();
		expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

		await alice.getByRole('textbox', { name: 'code' }).fill('qwerty');
		await alice.getByRole('button', { name: 'Set' }).click();
		await expect(
			page.getByRole('table', { name: 'Server sessions' }).locator('tbody tr')
		).toHaveCount(1);
		await alice.getByRole('button', { name: 'Get' }).click();
		await expect(alice.locator('output')).toHaveText('qwerty');
		await bob.getByRole('button', { name: 'Get' }).click();
		await expect(bob.locator('output')).toHaveText('null');

		await expect(alice.getByRole('table', { name: /Cookies in/ })).toContainText('dancer.session');
		await expect(alice.getByRole('table', { name: /Cookies in/ })).toContainText('HttpOnly');
		await expect(bob.getByText('No cookies.')).toBeVisible();
		const diagram = page
			.getByRole('img', { name: /Sequence diagram/ })
			.or(page.getByRole('group', { name: /Sequence diagram/ }));
		await expect(diagram.first()).toBeVisible();
		await expect(diagram.first()).toContainText('Set-Cookie');
		expect(await page.evaluate(() => document.cookie)).toBe('');
	});

	test('the simulated exchanges go through the service worker', async ({ page }) => {
		const simulated: string[] = [];
		page.on('response', (response) => {
			if (response.url().includes('/__sim/') && response.fromServiceWorker())
				simulated.push(response.url());
		});
		await page.goto('./sandbox');
		const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
		await alice.getByRole('button', { name: 'Get' }).click();
		await expect(alice.locator('output')).toHaveText('null');
		expect(
			simulated.some((url) => /\/__sim\/\d+\/GET\/http\/myapp\.example\/api\/code$/.test(url))
		).toBe(true);
	});

	test('"Add browser" adds a third browser on a new device', async ({ page }) => {
		await page.goto('./sandbox');
		await expect(page.getByRole('region', { name: "Firefox on Alice's laptop" })).toBeVisible();
		await page.getByRole('button', { name: 'Add browser' }).click();
		const third = page.getByRole('region', { name: /^Safari on Device \d+$/ });
		await expect(third).toBeVisible();
		await third.getByRole('textbox', { name: 'code' }).fill('third');
		await third.getByRole('button', { name: 'Set' }).click();
		await third.getByRole('button', { name: 'Get' }).click();
		await expect(third.locator('output')).toHaveText('third');
	});
});

test('a missing code shows an error in the browser window, not a crash', async ({ page }) => {
	await page.goto('./sandbox');
	const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
	await alice.getByRole('textbox', { name: 'code' }).fill('<b>bold</b> "quotes" ☃');
	await alice.getByRole('button', { name: 'Set' }).click();
	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(alice.locator('output')).toHaveText('<b>bold</b> "quotes" ☃');
	await expect(alice.locator('output b')).toHaveCount(0);
});
