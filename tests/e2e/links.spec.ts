import { expect, test, type Page } from '@playwright/test';
import { ownWorldRecord } from './sandbox-helpers';

/** The name of the world the sandbox keeps in IndexedDB, or `null`. */
async function autosavedName(page: Page): Promise<string | null> {
	return (await ownWorldRecord(page))?.name ?? null;
}

test('a lesson link past the last step opens the lesson at its end', async ({ page }) => {
	await page.goto('./sandbox#lesson=cookies&step=99999');
	await expect(page).toHaveURL(/\/lessons\/cookies#step=\d+$/);
	const narration = page.getByRole('region', { name: 'Narration' });
	await expect(narration.getByText('End of the lesson.')).toBeVisible();
	await expect(page.getByText('not a number')).toHaveCount(0);
});

test('an imported world keeps its name, in the Save panel and after a reload', async ({ page }) => {
	await page.goto('./sandbox');
	const savePanel = page.getByRole('region', { name: 'Save and share' });
	const name = savePanel.getByRole('textbox', { name: 'World name' });
	await name.fill('Pets');
	const download = page.waitForEvent('download');
	await savePanel.getByRole('button', { name: 'Export JSON' }).click();
	const file = await (await download).path();

	await page.getByRole('button', { name: 'New world' }).click();
	await expect(savePanel.getByRole('textbox', { name: 'World name' })).toHaveValue('Sandbox');
	await savePanel.getByLabel('Import JSON').setInputFiles(file);
	await expect(savePanel.getByRole('textbox', { name: 'World name' })).toHaveValue('Pets');

	// The autosave keeps the name with the world.
	await expect.poll(() => autosavedName(page)).toBe('Pets');
	await page.reload();
	await expect(page.getByText('Restored “Pets” from your last visit.')).toBeVisible();
	await expect(
		page
			.getByRole('region', { name: 'Save and share' })
			.getByRole('textbox', { name: 'World name' })
	).toHaveValue('Pets');
});
