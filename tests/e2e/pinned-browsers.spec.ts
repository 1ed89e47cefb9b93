/**
 * A lesson pins its browsers' cookie rules, and plays with them: a lesson file whose Chrome is
 * pinned to block third-party cookies opens with Chrome's setting on "Blocked", the tracker
 * pixel's cookie refused, and a note that today's Chrome differs.
 */
import { expect, test } from '@playwright/test';

const lesson = {
	format: 'session-lab-lesson',
	version: 2,
	lesson: {
		slug: 'pinned-chrome',
		title: 'Chrome as it was pinned',
		summary: 'A Chrome pinned to block third-party cookies.',
		seed: 3,
		start: Date.UTC(2026, 0, 5, 9),
		setup: [
			{ type: 'add-network', kind: 'home', name: 'Home' },
			{ type: 'add-device', kind: 'laptop', name: "Alice's laptop", networkId: 'n1' },
			{ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' }
		],
		steps: [{ narration: 'Alice reads the news in Chrome.', commands: [] }]
	},
	browsers: [
		{ kind: 'Chrome', laxByDefault: false, requiresSecureForNone: true, thirdParty: 'block' }
	]
};

test('a lesson plays with the browser rules it pins', async ({ page }) => {
	await page.goto('./my-lessons');
	await page.getByLabel('Import a lesson file').setInputFiles({
		name: 'pinned-chrome.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(lesson))
	});
	await page.getByRole('link', { name: 'Play Chrome as it was pinned' }).click();
	await expect(page.getByRole('heading', { name: 'Chrome as it was pinned' })).toBeVisible();

	const note = page.getByRole('note', { name: 'Pinned browsers' });
	await expect(note).toContainText('plays with the browser rules it was written for');
	await expect(note).toContainText(`Chrome plays without "Lax by default"; today's Chrome has it.`);
	await expect(note).toContainText(
		'third-party cookies "Blocked (Safari, or Chrome set to block)"'
	);

	const chrome = page.getByRole('region', { name: "Chrome on Alice's laptop" });
	await expect(chrome.getByRole('combobox', { name: 'Third-party cookies' })).toHaveValue('block');
	await chrome.getByRole('button', { name: 'Embed tracking pixel' }).click();
	const inspector = page.getByRole('region', { name: 'Inspector' });
	await expect(inspector.getByRole('region', { name: 'Raw response' })).toContainText(
		'Set-Cookie: tp_uid='
	);
	// Chrome as it is today would store tp_uid and send it back with the second pixel.
	await chrome.getByRole('button', { name: 'Embed tracking pixel' }).click();
	await expect(inspector).toContainText('exchange x2');
	await expect(inspector.getByRole('region', { name: 'Raw request' })).toContainText(
		'GET /pixel.gif'
	);
	await expect(inspector.getByRole('region', { name: 'Raw request' })).not.toContainText('Cookie:');
	await page.screenshot({ path: 'test-results/pinned-browsers.png', fullPage: false });
});
