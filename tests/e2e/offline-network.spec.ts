import { expect, test } from '@playwright/test';

test('after the network drops, the lessons and the sandbox still open', async ({
	page,
	context
}) => {
	await page.goto('./');
	await expect(page.getByRole('heading', { name: 'Who is on the other end?' })).toBeVisible();
	// Once the page has started, its first use loads every route's code.
	await expect(page.locator('html')).toHaveClass(/app-started/);
	await page.mouse.move(200, 200);
	await page.waitForLoadState('networkidle');
	await context.setOffline(true);
	try {
		await page.getByRole('link', { name: 'Lessons' }).first().click();
		await expect(page.getByRole('heading', { name: 'Lessons', level: 1 })).toBeVisible();
		await page
			.getByRole('link', { name: /A code in a cookie/ })
			.first()
			.click();
		await expect(page.getByRole('heading', { name: 'A code in a cookie', level: 1 })).toBeVisible();
		await page.getByRole('button', { name: 'Step forward' }).click();
		await expect(page.getByRole('region', { name: 'Narration' })).toContainText('Step 1 of');
		await page.getByRole('link', { name: 'Sandbox' }).first().click();
		const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
		await alice.getByRole('button', { name: 'Get' }).click();
		await expect(alice.locator('output')).toHaveText('null');
	} finally {
		await context.setOffline(false);
	}
});
