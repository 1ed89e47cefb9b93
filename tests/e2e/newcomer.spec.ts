import { expect, test } from '@playwright/test';
import { addPerson, browser } from './sandbox-helpers';

test('a newcomer gets a guide with three experiments, which stays away once dismissed', async ({
	page
}) => {
	await page.goto('./sandbox');
	const guide = page.getByRole('complementary', { name: /Three experiments/ });
	await expect(guide).toBeVisible();
	await expect(guide.getByRole('listitem')).toHaveCount(3);
	await guide.getByRole('button', { name: "Show me: The book's example" }).click();
	const firefox = browser(page, "Firefox on Alice's laptop");
	await expect(firefox.locator('output')).toHaveText('abc');
	await guide.getByRole('button', { name: 'Show me: Moving the laptop to the cafe' }).click();
	await expect(page.getByRole('region', { name: /^Internet cafe Wi-Fi · / })).toBeVisible();
	// A new IP, the same session: still one session, now seen from the cafe's address.
	const rows = page.getByRole('table', { name: 'Server sessions' }).locator('tbody tr');
	await expect(rows).toHaveCount(1);
	await guide.getByRole('button', { name: 'Dismiss the guide' }).click();
	await expect(guide).toBeHidden();
	await page.reload();
	await expect(browser(page, "Firefox on Alice's laptop")).toBeVisible();
	await expect(page.getByRole('complementary', { name: /Three experiments/ })).toBeHidden();
});

test('Redo brings back what Step back took away, until something new is done', async ({ page }) => {
	await page.goto('./sandbox');
	const firefox = browser(page, "Firefox on Alice's laptop");
	await firefox.getByRole('textbox', { name: 'code' }).fill('abc');
	await firefox.getByRole('button', { name: 'Set' }).click();
	const rows = page.getByRole('table', { name: 'Server sessions' }).locator('tbody tr');
	await expect(rows).toHaveCount(1);
	const redo = page.getByRole('button', { name: 'Redo' });
	await expect(redo).toBeDisabled();
	await page.getByRole('button', { name: 'Step back' }).click();
	await expect(rows).toHaveCount(0);
	await redo.click();
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('abc');
	// Step forward redoes too, and a new action forgets what was left to redo.
	await page.getByRole('button', { name: 'Step back' }).click();
	await expect(rows).toHaveCount(0);
	await page.getByRole('button', { name: 'Step forward' }).click();
	await expect(rows).toHaveCount(1);
	await page.getByRole('button', { name: 'Step back' }).click();
	await expect(redo).toBeEnabled();
	await browser(page, "Chrome on Bob's phone").getByRole('button', { name: 'Get' }).click();
	await expect(redo).toBeDisabled();
});

test('a new person gets a laptop with a browser, unless told to sit elsewhere', async ({
	page
}) => {
	await page.goto('./sandbox');
	await addPerson(page, 'Carol', { sitsAt: 'A new laptop, with Firefox' });
	const laptop = page.getByRole('group', { name: "Carol's laptop" });
	await expect(laptop).toBeVisible();
	await expect(browser(page, "Firefox on Carol's laptop")).toContainText('Carol is here');
	await addPerson(page, 'Dave');
	await expect(page.getByRole('group', { name: "Dave's laptop" })).toHaveCount(0);
	await expect(page.getByLabel("Person at Carol's laptop").locator('option')).toContainText([
		'Dave'
	]);
});
