/** Worlds that come in (links, files, other tabs) never destroy the world a person has. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { exportedWorld, ownWorldRecord, storedCodes, worldLink } from './sandbox-helpers';

const ALICE = "Firefox on Alice's laptop";

/** Alice stores a value in the sandbox, and the autosave keeps it. */
async function aliceSets(page: Page, code: string) {
	const alice = page.getByRole('region', { name: ALICE });
	await alice.getByRole('textbox', { name: 'code' }).fill(code);
	await alice.getByRole('button', { name: 'Set' }).click();
	await expect(alice.locator('output')).toHaveText('set');
}

function sessions(page: Page) {
	return page.getByRole('table', { name: 'Server sessions' }).locator('tbody tr');
}

/** A link to the sandbox's world with Alice storing `code`. */
async function sharedLink(page: Page, name: string, code: string): Promise<string> {
	const { scenario } = await exportedWorld(page);
	return worldLink({
		format: 'session-lab-share',
		version: 1,
		name,
		scenario,
		history: [{ type: 'press-set', browserId: 'b1', code }]
	});
}

/** The sandbox with a world of the person's own: Alice stored `mine`, and it is autosaved. */
async function ownWorld(page: Page): Promise<string> {
	await page.goto('./sandbox');
	await expect(page.getByRole('region', { name: ALICE })).toBeVisible();
	const link = await sharedLink(page, 'Shared', 'theirs');
	await aliceSets(page, 'mine');
	await expect.poll(() => storedCodes(page)).toEqual(['mine']);
	return link;
}

test('a link opened over a changed world asks first; a new world keeps mine under Saved worlds', async ({
	page
}) => {
	const link = await ownWorld(page);
	await page.goto('about:blank');
	await page.goto(`./sandbox${link}`);
	const dialog = page.getByRole('dialog', { name: 'Open “Shared” from a link?' });
	await expect(dialog).toBeVisible();
	// Until the person chooses, the world on screen is theirs.
	await expect(sessions(page).first()).toContainText('mine');
	const axe = await new AxeBuilder({ page })
		.include('dialog')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(axe.violations.map((violation) => violation.id)).toEqual([]);
	await dialog.getByRole('button', { name: 'Open as a new world' }).click();
	await expect(dialog).toBeHidden();
	await expect(sessions(page).first()).toContainText('theirs');
	await expect(page).not.toHaveURL(/#world=/);

	const savePanel = page.getByRole('region', { name: 'Save and share' });
	await expect(savePanel.getByRole('textbox', { name: 'World name' })).toHaveValue('Shared');
	await savePanel.getByRole('button', { name: 'Open Sandbox' }).click();
	await expect(sessions(page).first()).toContainText('mine');
});

test('a link pasted on the open sandbox asks too; Cancel changes nothing, Replace keeps a copy', async ({
	page
}) => {
	const link = await ownWorld(page);
	await page.evaluate((hash) => (location.hash = hash), link);
	const dialog = page.getByRole('dialog', { name: 'Open “Shared” from a link?' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByText('“Shared” was not opened; your world is as it was.')).toBeVisible();
	await expect(sessions(page).first()).toContainText('mine');
	expect((await ownWorldRecord(page))?.history).toHaveLength(1);

	await page.evaluate((hash) => (location.hash = hash), link);
	await dialog.getByRole('button', { name: 'Replace my world' }).click();
	await expect(sessions(page).first()).toContainText('theirs');
	const savePanel = page.getByRole('region', { name: 'Save and share' });
	await expect(savePanel.getByRole('textbox', { name: 'World name' })).toHaveValue('Sandbox');
	await expect(
		savePanel.getByRole('button', { name: 'Open Sandbox (before it was replaced)' })
	).toBeVisible();
});

test('a poisoned import shows a message and the world stays usable', async ({ page }) => {
	await page.goto('./sandbox');
	await expect(page.getByRole('region', { name: ALICE })).toBeVisible();
	const good = await exportedWorld(page);
	await aliceSets(page, 'keep');
	const savePanel = page.getByRole('region', { name: 'Save and share' });
	const importFile = (name: string, text: string) =>
		savePanel.getByLabel('Import JSON').setInputFiles({
			name,
			mimeType: 'application/json',
			buffer: Buffer.from(text)
		});
	const scenario = good.scenario as Record<string, unknown>;
	const poisons: Array<[string, string, string]> = [
		[
			'proto.json',
			JSON.stringify(good).replace(/^\{/, '{"__proto__":{"polluted":true},'),
			'has the forbidden key "__proto__"'
		],
		[
			'advance.json',
			JSON.stringify({ ...good, history: [{ type: 'advance', milliseconds: 1e300 }] }),
			'history[0].milliseconds'
		],
		[
			'start.json',
			JSON.stringify({ ...good, scenario: { ...scenario, start: -1e300 } }),
			'scenario.start'
		]
	];
	for (const [name, text, problem] of poisons) {
		await importFile(name, text);
		const alert = savePanel.getByRole('alert');
		await expect(alert).toContainText(`${name} was not imported.`);
		await expect(alert).toContainText(problem);
	}
	expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');

	// A file that passes every check but cannot be built: the world on screen stays.
	const setup = [
		...(scenario.setup as unknown[]),
		{ type: 'navigate', browserId: 'b1', url: 'http://[' }
	];
	await importFile(
		'unbuildable.json',
		JSON.stringify({ ...good, scenario: { ...scenario, setup } })
	);
	const dialog = page.getByRole('dialog', { name: /from a file/ });
	await dialog.getByRole('button', { name: 'Open as a new world' }).click();
	await expect(
		page.getByRole('alert').filter({ hasText: 'This world cannot be built' })
	).toContainText('The world you had is still here.');
	const alice = page.getByRole('region', { name: ALICE });
	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(alice.locator('output')).toHaveText('keep');
	await expect(page.getByText('Building the world…')).toHaveCount(0);
});

test('a huge link is refused at once, with a clear message', async ({ page }) => {
	await page.goto('./sandbox');
	await expect(page.getByRole('region', { name: ALICE })).toBeVisible();
	const { scenario } = await exportedWorld(page);
	const history = Array.from({ length: 4000 }, () => ({
		type: 'add-browser',
		deviceId: 'd1',
		kind: 'Chrome'
	}));
	const link = worldLink({
		format: 'session-lab-share',
		version: 1,
		name: 'Big',
		scenario,
		history
	});
	expect(link.length).toBeLessThan(8000);
	await page.goto('about:blank');
	const started = Date.now();
	await page.goto(`./sandbox${link}`);
	await expect(
		page.getByRole('alert').filter({ hasText: 'This link cannot be opened' })
	).toContainText('holds 4,000 commands');
	await expect(page.getByRole('region', { name: ALICE })).toBeVisible();
	expect(Date.now() - started).toBeLessThan(5000);
});

test('an autosave that fails says so, and the last good save stays', async ({ page }) => {
	await page.goto('./sandbox');
	await aliceSets(page, 'good');
	await expect.poll(() => storedCodes(page)).toEqual(['good']);
	// Copying the world for the save fails, as it does for a world nested too deeply to clone.
	await page.evaluate(() => {
		const clone = window.structuredClone;
		window.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) => {
			if (typeof value === 'object' && value !== null && 'setup' in value) {
				throw new DOMException('The object is nested too deeply.', 'DataCloneError');
			}
			return clone(value, options);
		}) as typeof clone;
	});
	await page
		.getByRole('region', { name: "Chrome on Bob's phone" })
		.getByRole('textbox', { name: 'code' })
		.fill('lost');
	await page
		.getByRole('region', { name: "Chrome on Bob's phone" })
		.getByRole('button', { name: 'Set' })
		.click();
	await expect(page.getByRole('alert').filter({ hasText: 'Autosave failed' })).toContainText(
		'Your last good save is kept'
	);
	expect(await storedCodes(page)).toEqual(['good']);
});

test('two tabs see each other’s saves, and neither overwrites the other silently', async ({
	context
}) => {
	const first = await context.newPage();
	await first.goto('./sandbox');
	await aliceSets(first, 'one');
	await expect.poll(() => storedCodes(first)).toEqual(['one']);

	const second = await context.newPage();
	await second.goto('./sandbox');
	await expect(second.getByText('Restored “Sandbox” from your last visit.')).toBeVisible();
	await expect(sessions(second).first()).toContainText('one');

	// The first tab changes the world: the second says so, and saves nothing of its own.
	await first.getByRole('region', { name: ALICE }).getByRole('button', { name: 'Get' }).click();
	await expect(first.getByRole('region', { name: ALICE }).locator('output')).toHaveText('one');
	await first.getByRole('button', { name: 'Restart server' }).click();
	const told = second.getByRole('alert').filter({ hasText: 'Another tab changed this world' });
	await expect(told).toBeVisible();
	await aliceSets(second, 'two');
	await second.waitForTimeout(1500);
	expect(await storedCodes(second)).not.toContain('two');

	// Reloading takes the first tab's world.
	await told.getByRole('button', { name: 'Reload it' }).click();
	await expect(told).toBeHidden();
	await expect(second.getByText('Reloaded “Sandbox” as the other tab saved it.')).toBeVisible();
	await expect(sessions(second)).toHaveCount(0);

	// Keeping this tab's world is a choice, and then the other tab is told.
	await aliceSets(second, 'three');
	await expect.poll(() => storedCodes(first)).toEqual(['three']);
	const toldFirst = first.getByRole('alert').filter({ hasText: 'Another tab changed this world' });
	await expect(toldFirst).toBeVisible();
	await aliceSets(first, 'four');
	await toldFirst.getByRole('button', { name: 'Keep this one' }).click();
	await expect.poll(() => storedCodes(first)).toContain('four');
	await expect(
		second.getByRole('alert').filter({ hasText: 'Another tab changed this world' })
	).toBeVisible();
});

test('without BroadcastChannel, tabs still hear each other through local storage', async ({
	context
}) => {
	await context.addInitScript(() => {
		delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
	});
	const first = await context.newPage();
	await first.goto('./sandbox');
	await aliceSets(first, 'one');
	await expect.poll(() => storedCodes(first)).toEqual(['one']);
	const second = await context.newPage();
	await second.goto('./sandbox');
	await expect(sessions(second).first()).toContainText('one');
	expect(await second.evaluate(() => 'BroadcastChannel' in window)).toBe(false);

	await first.getByRole('button', { name: 'Restart server' }).click();
	const told = second.getByRole('alert').filter({ hasText: 'Another tab changed this world' });
	await expect(told).toBeVisible();
	await told.getByRole('button', { name: 'Reload it' }).click();
	await expect(sessions(second)).toHaveCount(0);
});

test('a lesson carried over to a changed sandbox asks first, too', async ({ page }) => {
	await ownWorld(page);
	await page.goto('./lessons/stolen-cookie#step=4');
	await page.getByRole('button', { name: 'Open in sandbox' }).click();
	const dialog = page.getByRole('dialog', {
		name: 'Open “A stolen cookie on open Wi-Fi” from the lesson?'
	});
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Open as a new world' }).click();
	await expect(page.getByText(/Carried over from the lesson/)).toBeVisible();
	await expect(page.getByRole('region', { name: "Chrome on Mallory's laptop" })).toBeVisible();
	await expect(
		page
			.getByRole('region', { name: 'Save and share' })
			.getByRole('button', { name: 'Open Sandbox' })
	).toBeVisible();
});

test('after a visit to file:///, "Back to the home page" goes home', async ({ page }) => {
	await page.goto('./sandbox');
	const alice = page.getByRole('region', { name: ALICE });
	await alice.getByRole('textbox', { name: 'Address' }).fill('file:///');
	await alice.getByRole('button', { name: 'Go' }).click();
	await expect(alice.getByRole('textbox', { name: 'Address' })).toHaveValue('file:///');
	await alice.getByRole('button', { name: 'Back to the home page' }).click();
	await expect(alice.getByRole('textbox', { name: 'Address' })).toHaveValue(
		'http://myapp.example/'
	);
	await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('200');
});
