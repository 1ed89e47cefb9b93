import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { runCrowd } from './sandbox-helpers';

async function download(page: Page, button: string) {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click()
	]);
	return { name: file.suggestedFilename(), body: await readFile((await file.path())!) };
}

test('the log and the sequence diagram export as HAR, SVG, PNG and Mermaid', async ({ page }) => {
	await page.goto('./sandbox');
	const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
	await alice.getByRole('textbox', { name: 'code' }).fill('qwerty');
	await alice.getByRole('button', { name: 'Set' }).click();
	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(alice.locator('output')).toHaveText('qwerty');

	const har = await download(page, 'Export HAR');
	expect(har.name).toBe('session-lab.har');
	const log = JSON.parse(har.body.toString('utf8')).log;
	expect(log.version).toBe('1.2');
	expect(log.entries).toHaveLength(2);
	expect(log.entries[0].request.method).toBe('POST');

	const svg = await download(page, 'Export SVG');
	expect(svg.name).toBe('sequence-diagram.svg');
	expect(svg.body.toString('utf8')).toMatch(/<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	expect(svg.body.toString('utf8')).toContain('/api/code');

	const png = await download(page, 'Export PNG');
	expect(png.name).toBe('sequence-diagram.png');
	expect([...png.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	expect(png.body.length).toBeGreaterThan(2000);

	const mermaid = await download(page, 'Export Mermaid');
	expect(mermaid.name).toBe('sequence-diagram.mmd');
	expect(mermaid.body.toString('utf8')).toMatch(/^sequenceDiagram/);
});

test("a crowd's world exports whole, and is kept out of the browser's storage", async ({
	page
}) => {
	await page.goto('./sandbox');
	await runCrowd(page, 50, 5000);

	const har = await download(page, 'Export HAR');
	expect(har.name).toBe('session-lab.har');
	expect(JSON.parse(har.body.toString('utf8')).log.entries).toHaveLength(5000);
	await expect(page.getByText('Saved session-lab.har with 5000 requests.')).toBeVisible();

	const saved = await download(page, 'Export JSON');
	const world = JSON.parse(saved.body.toString('utf8'));
	expect(world.history).toHaveLength(50 * 2 + 5000);
	const exchanges = world.snapshot.data.log.filter((e: { type: string }) => e.type === 'exchange');
	expect(exchanges).toHaveLength(5000);

	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(
		page.getByRole('alert').filter({ hasText: /too many to keep in the browser/ })
	).toContainText('Export it as a file instead.');
});
