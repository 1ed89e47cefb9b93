/** Each kind of network has its own address block, and a full block says so instead of hanging. */
import { expect, test } from '@playwright/test';

test('a full block of home addresses gives a clear message, and other kinds still fit', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('./sandbox');
	const kind = page.getByLabel('Network kind');
	await kind.selectOption({ label: 'Home Wi-Fi' });
	const add = page.getByRole('button', { name: 'Add network' });
	const homes = page.getByRole('region', { name: /^Home Wi-Fi · / });
	// The sandbox starts with one home; the block 203.0.113.2–127 holds 126.
	const first = await homes.count();
	for (let i = first; i < 126; i++) await add.click();
	await expect(homes).toHaveCount(126);
	const titles = await homes.evaluateAll((regions) =>
		regions.map((region) => region.getAttribute('aria-label'))
	);
	expect(new Set(titles).size).toBe(126);
	for (const title of titles) expect(title).toMatch(/^Home Wi-Fi · 203\.0\.113\.\d+$/);

	await add.click();
	await expect(
		page.getByText(/^Cannot add another Home Wi-Fi: every public address/)
	).toBeVisible();
	await expect(homes).toHaveCount(126);

	await kind.selectOption({ label: 'Office NAT' });
	await add.click();
	await expect(
		page.getByRole('region', { name: /^Office NAT · 198\.51\.100\.\d+$/ })
	).toBeVisible();
});
