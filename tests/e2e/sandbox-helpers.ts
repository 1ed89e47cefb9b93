/** Building a world through the sandbox's "Add to the world" forms, as a student would. */
import { readFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { expect, type Locator, type Page } from '@playwright/test';

/** A simulated browser's window, by its label "Kind on Device". */
export function browser(page: Page, label: string): Locator {
	return page.getByRole('region', { name: label });
}

/** Adds a network of a kind (its label, e.g. "Office NAT"); returns its title with the public IP. */
export async function addNetwork(page: Page, kind: string): Promise<string> {
	await page.getByLabel('Network kind').selectOption({ label: kind });
	await page.getByRole('button', { name: 'Add network' }).click();
	const region = page.getByRole('region', { name: new RegExp(`^${kind} · `) });
	await expect(region).toBeVisible();
	return (await region.getAttribute('aria-label'))!;
}

/** Adds a device on the first network whose title matches `network`. */
export async function addDevice(page: Page, name: string, network: RegExp, kind?: string) {
	await page.getByLabel('Device name').fill(name);
	if (kind) await page.getByLabel(/^Kind/).selectOption(kind);
	const select = page.getByLabel('On network');
	const option = await select
		.locator('option')
		.filter({ hasText: network })
		.first()
		.getAttribute('value');
	await select.selectOption(option!);
	await page.getByRole('button', { name: 'Add device' }).click();
	await expect(page.getByRole('group', { name })).toBeVisible();
}

/** Adds a browser of a kind to a device. */
export async function addBrowser(page: Page, kind: string, device: string) {
	await page.getByLabel('Browser kind').selectOption(kind);
	await page.getByLabel('On device').selectOption({ label: device });
	await page.getByRole('button', { name: 'Add browser' }).click();
	await expect(browser(page, `${kind} on ${device}`)).toBeVisible();
}

/**
 * Adds a person, optionally an attacker, away from every device unless `sitsAt` names one (or
 * "A new laptop, with Firefox").
 */
export async function addPerson(
	page: Page,
	name: string,
	options: { attacker?: boolean; sitsAt?: string } = {}
) {
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page
		.getByRole('combobox', { name: 'Sits at' })
		.selectOption({ label: options.sitsAt ?? 'No device (away)' });
	if (options.attacker) await page.getByRole('checkbox', { name: 'Attacker' }).check();
	await page.getByRole('button', { name: 'Add person' }).click();
}

/** Sits a person at a device. */
export async function sit(page: Page, person: string, device: string) {
	await page.getByLabel(`Person at ${device}`).selectOption({ label: person });
	await expect(page.getByRole('group', { name: device })).toContainText(`${person} is here`);
}

/** Runs a crowd through the Crowd panel and waits until it has run; returns the panel. */
export async function runCrowd(page: Page, browsers: number, requests: number): Promise<Locator> {
	const crowd = page.getByRole('region', { name: 'Crowd', exact: true });
	await crowd.getByRole('spinbutton', { name: 'Browsers' }).fill(String(browsers));
	await crowd.getByRole('spinbutton', { name: 'Requests' }).fill(String(requests));
	await crowd.getByRole('button', { name: 'Run crowd' }).click();
	const count = requests.toLocaleString('en').replace(',', ',?');
	await expect(crowd.getByRole('status')).toContainText(new RegExp(`Ran\\s+${count}\\s+exchanges`));
	return crowd;
}

/** The parts of the sandbox's IndexedDB record that the tests read. */
export interface OwnWorldRecord {
	name?: string;
	history?: unknown[];
	snapshot?: {
		data?: { server?: { stores?: Record<string, Array<{ data?: { code?: unknown } }>> } };
	};
}

/** The world record the sandbox keeps in IndexedDB (database `session-lab`), or `null`. */
export function ownWorldRecord(page: Page): Promise<OwnWorldRecord | null> {
	return page.evaluate(
		() =>
			new Promise<OwnWorldRecord | null>((resolve) => {
				const open = indexedDB.open('session-lab');
				open.onerror = () => resolve(null);
				open.onsuccess = () => {
					const database = open.result;
					if (!database.objectStoreNames.contains('worlds')) return resolve(null);
					const read = database.transaction('worlds').objectStore('worlds').get('sandbox');
					read.onerror = () => resolve(null);
					read.onsuccess = () => resolve(read.result ?? null);
				};
			})
	);
}

/** The codes held in one server store of the world IndexedDB keeps for the sandbox. */
export async function storedCodes(
	page: Page,
	store: 'memory' | 'persistent' = 'memory'
): Promise<unknown[] | null> {
	const sessions = (await ownWorldRecord(page))?.snapshot?.data?.server?.stores?.[store];
	return Array.isArray(sessions) ? sessions.map((session) => session.data?.code ?? null) : null;
}

/** The world on the sandbox page, as its Export JSON button writes it. */
export async function exportedWorld(
	page: Page
): Promise<{ name: string; scenario: unknown; history: unknown[] } & Record<string, unknown>> {
	const download = page.waitForEvent('download');
	await page
		.getByRole('region', { name: 'Save and share' })
		.getByRole('button', { name: 'Export JSON' })
		.click();
	return JSON.parse(await readFile((await (await download).path())!, 'utf8'));
}

/** The fragment of a world link, packed as the sandbox packs it (raw DEFLATE, base64url). */
export function worldLink(payload: unknown): string {
	const packed = deflateRawSync(Buffer.from(JSON.stringify(payload)), { level: 9 });
	return `#world=${packed.toString('base64url')}`;
}
