/**
 * Each attack of the course, driven through the sandbox as a student would: it succeeds under
 * the book's defaults, and fails under "Secure defaults" wherever a server setting can stop it.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addBrowser, addDevice, addNetwork, addPerson, browser, sit } from './sandbox-helpers';

const ALICE = "Firefox on Alice's laptop";
const BOB = "Chrome on Bob's phone";

type Preset = 'Book defaults' | 'Secure defaults';

async function open(page: Page, preset: Preset) {
	await page.goto('./sandbox');
	const select = page.getByRole('region', { name: 'Server settings' }).getByLabel('Preset');
	await expect(select).toBeVisible();
	if (preset === 'Secure defaults') await select.selectOption({ label: preset });
	await expect(select.locator('option:checked')).toHaveText(preset);
}

function attack(page: Page, name: string): Locator {
	return page.getByRole('region', { name: 'Attacks' }).getByRole('form', { name });
}

/** Types a URL into a browser's address bar; http URLs follow the redirect under Secure defaults. */
async function go(page: Page, label: string, url: string) {
	const window = browser(page, label);
	await window.getByRole('textbox', { name: 'Address' }).fill(url);
	await window.getByRole('button', { name: 'Go' }).click();
}

/** Opens the site's home page and presses Set. */
async function setCode(page: Page, label: string, code: string, home: string) {
	const window = browser(page, label);
	await go(page, label, home);
	await window.getByRole('textbox', { name: 'code' }).fill(code);
	await window.getByRole('button', { name: 'Set', exact: true }).click();
	await expect(window.getByRole('table', { name: `Cookies in ${label}` })).toBeVisible();
}

async function getCode(page: Page, label: string): Promise<Locator> {
	const window = browser(page, label);
	await window.getByRole('button', { name: 'Get', exact: true }).click();
	return window.locator('output');
}

/** The full session id in a browser's jar (the table shows it shortened, with the whole in a title). */
async function sessionId(page: Page, label: string): Promise<string> {
	const cell = browser(page, label)
		.getByRole('table', { name: `Cookies in ${label}` })
		.locator('td span[title]')
		.first();
	return (await cell.getAttribute('title'))!;
}

async function choose(form: Locator, label: string, option: string) {
	await form.getByLabel(label).selectOption({ label: option });
}

async function moveDevice(page: Page, device: string, network: RegExp) {
	const select = page.getByRole('group', { name: device }).getByLabel('Network', { exact: true });
	const option = await select.locator('option').filter({ hasText: network }).getAttribute('value');
	await select.selectOption(option!);
}

async function jumpMinutes(page: Page, minutes: number) {
	await page.getByLabel('Jump ahead (minutes)').fill(String(minutes));
	await page.getByRole('button', { name: 'Jump', exact: true }).click();
}

/** The cafe with Mallory (an attacker) on her own laptop, and Alice's laptop moved there. */
async function cafeWithMallory(page: Page) {
	await addNetwork(page, 'Internet cafe Wi-Fi');
	await addDevice(page, "Mallory's laptop", /cafe/, 'laptop');
	await addBrowser(page, 'Firefox', "Mallory's laptop");
	await addPerson(page, 'Mallory', { attacker: true });
	await sit(page, 'Mallory', "Mallory's laptop");
	await moveDevice(page, "Alice's laptop", /cafe/);
	await expect(page.getByRole('region', { name: /^Internet cafe Wi-Fi · / })).toContainText(
		"Alice's laptop"
	);
}

const MALLORY = "Firefox on Mallory's laptop";

for (const preset of ['Book defaults', 'Secure defaults'] as const) {
	const secure = preset === 'Secure defaults';
	const home = 'http://myapp.example/';

	test(`eavesdropping on open Wi-Fi · ${preset}`, async ({ page }) => {
		await open(page, preset);
		await cafeWithMallory(page);
		await setCode(page, ALICE, 'alice-secret', home);
		const form = attack(page, 'Eavesdrop');
		await choose(form, 'Eavesdropper', MALLORY);
		await form.getByRole('button', { name: 'Eavesdrop' }).click();
		const result = form.getByRole('status');
		const output = await getCode(page, MALLORY);
		if (!secure) {
			await expect(result).toContainText('in the clear and copies dancer.session');
			await expect(output).toHaveText('alice-secret');
		} else {
			// https hides everything but the host and the sizes; the Secure cookie never goes out in the clear.
			await expect(result).toContainText('sees only encrypted traffic to myapp.example');
			await expect(output).toHaveText('null');
		}
	});

	test(`a cookie copied into curl · ${preset}`, async ({ page }) => {
		await open(page, preset);
		await setCode(page, ALICE, 'qwerty', home);
		const id = await sessionId(page, ALICE);
		const name = secure ? '__Host-sid' : 'dancer.session';
		const url = secure ? 'https://myapp.example/api/code' : 'http://myapp.example/api/code';
		const curl = page.getByRole('textbox', { name: 'curl' });
		const log = page.getByRole('log', { name: 'curl output' });
		await curl.fill(`curl --cookie "${name}=${id}" ${url}`);
		await curl.press('Enter');
		// No setting stops a replayed cookie: whoever holds the id is Alice, under both presets.
		// Secure/HttpOnly/SameSite only make the id harder to steal; curl is not a browser.
		await expect(log).toContainText('{"result":"qwerty"}');
		if (secure) {
			// What does limit the damage is the idle timeout: 15 minutes later the copy is dead.
			await jumpMinutes(page, 16);
			await curl.fill('clear');
			await curl.press('Enter');
			await curl.fill(`curl --cookie "${name}=${id}" ${url}`);
			await curl.press('Enter');
			await expect(log).toContainText('{"result":null}');
		}
	});

	test(`the next person at a shared computer · ${preset}`, async ({ page }) => {
		await open(page, preset);
		await addNetwork(page, 'Internet cafe Wi-Fi');
		await addDevice(page, 'Cafe computer', /cafe/, 'public-computer');
		await addBrowser(page, 'Chrome', 'Cafe computer');
		const kiosk = 'Chrome on Cafe computer';
		await sit(page, 'Alice', 'Cafe computer');
		await setCode(page, kiosk, 'alice-at-the-cafe', home);
		if (secure) await jumpMinutes(page, 16);
		await sit(page, 'Bob', 'Cafe computer');
		await expect(browser(page, kiosk)).toContainText('Bob is here');
		const output = await getCode(page, kiosk);
		await expect(output).toHaveText(secure ? 'null' : 'alice-at-the-cafe');
	});

	test(`injected script reads document.cookie · ${preset}`, async ({ page }) => {
		await open(page, preset);
		await setCode(page, ALICE, 'alice-secret', home);
		const form = attack(page, 'Inject script (XSS)');
		await choose(form, 'Victim', ALICE);
		await choose(form, 'Attacker', BOB);
		await form.getByRole('button', { name: 'Inject script' }).click();
		// Both presets set HttpOnly: the script finds nothing.
		await expect(form.getByRole('status')).toContainText('finds no session cookie: it is HttpOnly');
		if (!secure) {
			// Without HttpOnly the same script steals the cookie.
			await page
				.getByRole('region', { name: 'Server settings' })
				.getByRole('checkbox', { name: 'HttpOnly' })
				.uncheck();
			await setCode(page, ALICE, 'alice-secret', home);
			await form.getByRole('button', { name: 'Inject script' }).click();
			await expect(form.getByRole('status')).toContainText('sends dancer.session to the attacker');
			await expect(await getCode(page, BOB)).toHaveText('alice-secret');
		} else {
			await expect(await getCode(page, BOB)).toHaveText('null');
		}
	});

	test(`session fixation · ${preset}`, async ({ page }) => {
		await open(page, preset);
		await setCode(page, BOB, 'bait', home);
		const form = attack(page, 'Plant cookie (fixation)');
		await choose(form, 'From browser', BOB);
		await choose(form, 'To browser', ALICE);
		await form.getByRole('button', { name: 'Plant cookie' }).click();
		await expect(form.getByRole('status')).toContainText(`${ALICE} now holds the cookie`);
		const alice = browser(page, ALICE);
		await go(page, ALICE, 'http://myapp.example/login');
		await alice.getByLabel('Username').fill('alice');
		await alice.getByLabel('Password').fill('wonderland');
		await alice.getByRole('button', { name: 'Log in' }).click();
		await expect(alice.getByRole('textbox', { name: 'Address' })).toHaveValue(/\/account$/);
		await go(page, BOB, 'http://myapp.example/api/me');
		const bob = browser(page, BOB);
		if (!secure) {
			await expect(bob).toContainText('{"user":"alice"}');
			// The belief tracker re-homed the session to Alice's browser at her login.
			await expect(page.getByRole('region', { name: 'Inspector' })).toContainText(
				"Bob presents Alice's session"
			);
		} else {
			// A new id at login: the planted one died, so Bob is nobody.
			await expect(bob).toContainText('{"user":null}');
		}
	});

	test(`CSRF with a forged form post from Firefox · ${preset}`, async ({ page }) => {
		await open(page, preset);
		await setCode(page, ALICE, 'my notes', home);
		const form = attack(page, 'Forge request (CSRF)');
		await choose(form, 'Visiting browser', ALICE);
		await form.getByLabel('Forged request').selectOption('form');
		await form.getByRole('button', { name: 'Forge request' }).click();
		const result = form.getByRole('status');
		if (!secure) {
			await expect(result).toContainText('carried the cookie dancer.session');
		} else {
			// SameSite=Lax keeps the cookie home on a cross-site POST.
			await expect(result).toContainText('arrived without the session cookie');
		}
		await go(page, ALICE, home);
		await expect(await getCode(page, ALICE)).toHaveText(secure ? 'my notes' : 'pwned');
	});
}

for (const strength of ['Weak (a counter)', '192-bit random'] as const) {
	test(`guessing session ids · ${strength}`, async ({ page }) => {
		await open(page, 'Book defaults');
		await page
			.getByRole('region', { name: 'Server settings' })
			.getByLabel('Session id strength')
			.selectOption({ label: strength });
		await setCode(page, ALICE, 'alice-secret', 'http://myapp.example/');
		await setCode(page, BOB, 'bob', 'http://myapp.example/');
		const form = attack(page, 'Guess session ids');
		await choose(form, 'Guessing browser', BOB);
		await form.getByRole('button', { name: 'Guess session ids' }).click();
		const result = form.getByRole('status');
		if (strength === 'Weak (a counter)') {
			await expect(result).toContainText('Found 1 live session');
			await expect(result).toContainText('alice-secret');
		} else {
			await expect(result).toContainText('it cannot be guessed');
		}
	});
}
