import { expect, test } from '@playwright/test';

test('a lesson link past the last step opens the lesson at its end', async ({ page }) => {
	await page.goto('./sandbox#lesson=cookies&step=99999');
	await expect(page).toHaveURL(/\/lessons\/cookies#step=\d+$/);
	const narration = page.getByRole('region', { name: 'Narration' });
	await expect(narration.getByText('End of the lesson.')).toBeVisible();
	await expect(page.getByText('not a number')).toHaveCount(0);
});
