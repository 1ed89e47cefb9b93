import { expect, test } from '@playwright/test';
import { addBrowser, addDevice, addNetwork, addPerson, sit } from './sandbox-helpers';

test('two people behind one office NAT share an IP but get different sessions', async ({
	page
}) => {
	await page.goto('./sandbox');
	await addNetwork(page, 'Office NAT');
	const office = page.getByRole('region', { name: /^Office NAT · / });
	await expect(office).toBeVisible();
	const officeIp = (await office.getAttribute('aria-label'))!.split(' · ')[1];
	await addDevice(page, "Carol's desktop", /Office NAT/);
	await addDevice(page, "Dave's desktop", /Office NAT/);
	await addBrowser(page, 'Chrome', "Carol's desktop");
	await addBrowser(page, 'Chrome', "Dave's desktop");
	await addPerson(page, 'Carol');
	await sit(page, 'Carol', "Carol's desktop");
	await addPerson(page, 'Dave');
	await sit(page, 'Dave', "Dave's desktop");
	for (const [device, value] of [
		["Carol's desktop", 'carol'],
		["Dave's desktop", 'dave']
	]) {
		const browser = page.getByRole('region', { name: `Chrome on ${device}` });
		await browser.getByRole('textbox', { name: 'code' }).fill(value);
		await browser.getByRole('button', { name: 'Set' }).click();
	}
	const rows = page.getByRole('table', { name: 'Server sessions' }).locator('tbody tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toContainText(officeIp);
	await expect(rows.nth(1)).toContainText(officeIp);
	await expect(rows.nth(0)).toContainText('carol');
	await expect(rows.nth(1)).toContainText('dave');
});

test('a laptop moving from home to the cafe keeps its session under a new IP', async ({ page }) => {
	await page.goto('./sandbox');
	await addNetwork(page, 'Internet cafe Wi-Fi');
	const cafe = page.getByRole('region', { name: /^Internet cafe Wi-Fi · / });
	await expect(cafe).toBeVisible();
	const cafeIp = (await cafe.getAttribute('aria-label'))!.split(' · ')[1];
	const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
	await alice.getByRole('textbox', { name: 'code' }).fill('travelling');
	await alice.getByRole('button', { name: 'Set' }).click();
	await expect(
		page.getByRole('table', { name: 'Server sessions' }).locator('tbody tr')
	).toHaveCount(1);

	const laptop = page.getByRole('group', { name: "Alice's laptop" });
	const select = laptop.getByLabel('Network', { exact: true });
	const option = await select.locator('option').filter({ hasText: 'cafe' }).getAttribute('value');
	const placeBefore = await laptop.boundingBox();
	await select.selectOption(option!);
	await expect(cafe).toContainText("Alice's laptop");
	// The laptop's panel keeps its place on the page.
	expect((await laptop.boundingBox())?.y).toBe(placeBefore?.y);

	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(alice.locator('output')).toHaveText('travelling');
	await expect(
		page.getByRole('table', { name: 'Server sessions' }).locator('tbody tr')
	).toHaveCount(1);
	await expect(page.getByRole('region', { name: 'Inspector' })).toContainText(cafeIp);
});

test('the clock bar steps time and its shortcuts stay out of text fields', async ({ page }) => {
	await page.goto('./sandbox');
	const clock = page.getByRole('timer', { name: 'Virtual time' });
	await expect(clock).toHaveText('09:00:00');
	await page.getByRole('button', { name: 'Step forward' }).click();
	await expect(clock).toHaveText('09:01:00');
	await page
		.getByRole('region', { name: "Firefox on Alice's laptop" })
		.getByRole('textbox', { name: 'code' })
		.press('ArrowRight');
	await expect(clock).toHaveText('09:01:00');
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press('ArrowRight');
	await expect(clock).toHaveText('09:02:00');
	await page.getByRole('button', { name: 'Step back' }).click();
	await expect(clock).toHaveText('09:01:00');
});
