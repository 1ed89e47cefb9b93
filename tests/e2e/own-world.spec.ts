/** The sandbox's own world lives in IndexedDB: the server's persistent store outlives reloads. */
import { expect, test, type Page } from '@playwright/test';
import { ownWorldRecord } from './sandbox-helpers';

const ALICE = "Firefox on Alice's laptop";

/** The codes held in one server store of the world IndexedDB keeps for the sandbox. */
async function storedCodes(page: Page, store: 'memory' | 'persistent'): Promise<unknown[] | null> {
	const sessions = (await ownWorldRecord(page))?.snapshot?.data?.server?.stores?.[store];
	return Array.isArray(sessions) ? sessions.map((session) => session.data?.code ?? null) : null;
}

test('a persistent session is kept in IndexedDB and outlives a reload and a restart', async ({
	page
}) => {
	await page.goto('./sandbox');
	const settings = page.getByRole('region', { name: 'Server settings' });
	await settings.getByRole('combobox', { name: 'Session store' }).selectOption('persistent');
	const alice = page.getByRole('region', { name: ALICE });
	await alice.getByRole('textbox', { name: 'code' }).fill('kept on disk');
	await alice.getByRole('button', { name: 'Set' }).click();
	await expect.poll(() => storedCodes(page, 'persistent')).toEqual(['kept on disk']);

	// Nothing in local storage: the world comes back from IndexedDB alone.
	await page.evaluate(() => localStorage.clear());
	await page.reload();
	await expect(page.getByText('Restored “Sandbox” from your last visit.')).toBeVisible();
	await expect(
		page
			.getByRole('region', { name: 'Server settings' })
			.getByRole('combobox', { name: 'Session store' })
	).toHaveValue('persistent');

	await page.getByRole('button', { name: 'Restart server' }).click();
	const aliceAgain = page.getByRole('region', { name: ALICE });
	await aliceAgain.getByRole('button', { name: 'Get' }).click();
	await expect(aliceAgain.locator('output')).toHaveText('kept on disk');
});

test('an in-memory session is restored with the world, and lost on a restart', async ({ page }) => {
	const warnings: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'warning') warnings.push(message.text());
	});
	await page.goto('./sandbox');
	const alice = page.getByRole('region', { name: ALICE });
	await alice.getByRole('textbox', { name: 'code' }).fill('in memory');
	await alice.getByRole('button', { name: 'Set' }).click();
	await expect.poll(() => storedCodes(page, 'memory')).toEqual(['in memory']);
	expect(await storedCodes(page, 'persistent')).toEqual([]);
	await page.reload();
	const aliceAgain = page.getByRole('region', { name: ALICE });
	await aliceAgain.getByRole('button', { name: 'Get' }).click();
	await expect(aliceAgain.locator('output')).toHaveText('in memory');
	await page.getByRole('button', { name: 'Restart server' }).click();
	await aliceAgain.getByRole('button', { name: 'Get' }).click();
	await expect(aliceAgain.locator('output')).toHaveText('null');
	// The world came back from its snapshot, not from a replay.
	expect(warnings.filter((text) => text.includes('replaying'))).toEqual([]);
});

test('a damaged record in IndexedDB is reported, and the sandbox starts afresh', async ({
	page
}) => {
	await page.goto('./sandbox');
	await expect(page.getByRole('region', { name: ALICE })).toBeVisible();
	// Let the first autosave land, so that it cannot overwrite the damaged record below.
	await expect.poll(() => storedCodes(page, 'memory')).not.toBeNull();
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('session-lab');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const write = open.result.transaction('worlds', 'readwrite');
					write.objectStore('worlds').put({ format: 'session-lab-save', version: 1 }, 'sandbox');
					write.oncomplete = () => resolve();
					write.onerror = () => reject(write.error);
				};
			})
	);
	await page.evaluate(() => localStorage.clear());
	await page.reload();
	await expect(page.getByRole('alert').filter({ hasText: 'cannot be restored' })).toBeVisible();
	const alice = page.getByRole('region', { name: ALICE });
	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(alice.locator('output')).toHaveText('null');
});
