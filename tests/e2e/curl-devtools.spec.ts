/**
 * The curl console takes what browsers' DevTools copy ("Copy as cURL (bash)"), keeps the files
 * curl writes on the device, and keeps them across a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { ownWorldRecord } from './sandbox-helpers';

const SITE = 'http://myapp.example';

function consoleOf(page: Page) {
	const region = page.getByRole('region', { name: 'curl console' });
	const input = region.getByRole('textbox', { name: 'curl' });
	const output = region.getByRole('log', { name: 'curl output' });
	/** Pastes `text` into the prompt, as a clipboard paste inserts it, and presses Enter. */
	const paste = async (text: string) => {
		await input.click();
		await input.fill('');
		await page.keyboard.insertText(text);
		await expect(input).toHaveValue(text);
		await page.keyboard.press('Control+End');
		await input.press('Enter');
		await expect(input).toHaveValue('');
	};
	return { region, input, output, paste };
}

/** Chrome's "Copy as cURL (bash)" of the book page's POST, one option a line. */
const CHROME_MULTILINE = `curl '${SITE}/api/code' \\
  -H 'Accept: application/json, text/javascript, */*; q=0.01' \\
  -H 'Accept-Language: en-GB,en;q=0.9' \\
  -H 'Connection: keep-alive' \\
  -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' \\
  -H 'Origin: ${SITE}' \\
  -H 'Referer: ${SITE}/' \\
  -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36' \\
  -H 'X-Requested-With: XMLHttpRequest' \\
  --data-raw 'code=from-chrome' \\
  --insecure`;

/** Firefox's "Copy as cURL (POSIX)": one line. */
const FIREFOX_ONE_LINE = `curl '${SITE}/api/code' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0' -H 'Accept: application/json, text/javascript, */*; q=0.01' -H 'Accept-Language: en-GB,en;q=0.5' -H 'Accept-Encoding: gzip, deflate' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'X-Requested-With: XMLHttpRequest' -H 'Origin: ${SITE}' -H 'Connection: keep-alive' -H 'Referer: ${SITE}/' -H 'Priority: u=0' --data-raw 'code=from-firefox'`;

/** Waits until the sandbox's autosave holds `text` (a file name, a console line). */
async function savedWith(page: Page, text: string) {
	await expect
		.poll(async () => JSON.stringify(await ownWorldRecord(page)), { timeout: 10_000 })
		.toContain(text);
}

test('a multi-line command copied from Chrome runs as it was sent', async ({ page }) => {
	await page.goto('./sandbox');
	const { output, paste } = consoleOf(page);
	await paste(CHROME_MULTILINE);
	await expect(output).toContainText(`$ curl '${SITE}/api/code' \\`);
	await expect(output).toContainText('{"result":"set"}');
	const inspector = page.getByRole('region', { name: 'Inspector' });
	await expect(inspector).toContainText('X-Requested-With: XMLHttpRequest');
	await expect(inspector).toContainText('Chrome/140.0.0.0');
	await expect(inspector).toContainText('code=from-chrome');
});

test('a one-line command copied from Firefox runs as it was sent', async ({ page }) => {
	await page.goto('./sandbox');
	const { output, paste } = consoleOf(page);
	await paste(FIREFOX_ONE_LINE);
	await expect(output).toContainText('{"result":"set"}');
	const inspector = page.getByRole('region', { name: 'Inspector' });
	await expect(inspector).toContainText('Priority: u=0');
	await expect(inspector).toContainText('code=from-firefox');
});

test("$'…' quoting and --compressed, then -c, cat and -b, kept across a reload", async ({
	page
}) => {
	await page.goto('./sandbox');
	const { output, paste, input } = consoleOf(page);
	await paste(
		`curl '${SITE}/api/code' \\\n  -c jar.txt \\\n  --data-raw $'code=it\\'s mine' \\\n  --compressed`
	);
	await expect(output).toContainText('{"result":"set"}');
	await paste('cat jar.txt');
	await expect(output).toContainText('# Netscape HTTP Cookie File');
	await expect(output).toContainText('dancer.session');
	await paste(`curl -b jar.txt ${SITE}/api/code`);
	await expect(output).toContainText(`{"result":"it's mine"}`);
	await paste('ls');
	await expect(output).toContainText('jar.txt');

	await savedWith(page, '"line":"ls"');
	await page.reload();
	await expect(page.getByText('Restored “Sandbox” from your last visit.')).toBeVisible();
	const after = consoleOf(page);
	// The history is part of the world too.
	await expect(after.output).toContainText(`$ curl -b jar.txt ${SITE}/api/code`);
	await after.paste('rm jar.txt');
	await after.paste('cat jar.txt');
	await expect(after.output).toContainText('cat: jar.txt: No such file or directory');
	await expect(input).toBeVisible();
});

test('a file kept after a reload still sends its cookie', async ({ page }) => {
	await page.goto('./sandbox');
	const { output, paste } = consoleOf(page);
	await paste(`curl -c kept.txt -d code=survivor ${SITE}/api/code`);
	await expect(output).toContainText('{"result":"set"}');
	await savedWith(page, 'kept.txt');
	await page.reload();
	await expect(page.getByText('Restored “Sandbox” from your last visit.')).toBeVisible();
	const after = consoleOf(page);
	await after.paste(`curl -b kept.txt ${SITE}/api/code`);
	await expect(after.output).toContainText('{"result":"survivor"}');
});

test("a lesson's curl commands show in the console, and their files are there", async ({
	page
}) => {
	await page.goto('./lessons/save-value#step=5');
	const { output, paste } = consoleOf(page);
	await expect(output).toContainText(`$ curl --dump-header get_header.txt ${SITE}/api/code`);
	await expect(output).toContainText(
		`$ curl -d code=qwerty --dump-header header.txt ${SITE}/api/code`
	);
	await paste('cat header.txt');
	await expect(output).toContainText('Set-Cookie: dancer.session=');
});

test('an option the console lacks is named', async ({ page }) => {
	await page.goto('./sandbox');
	const { output, paste } = consoleOf(page);
	await paste(`curl -F file=@x ${SITE}/`);
	await expect(output).toContainText('curl: (2) option -F: is unknown');
});

test("the Inspector's Copy as curl, pasted into the console, repeats the request", async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('./sandbox');
	const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
	await alice.getByRole('textbox', { name: 'code' }).fill("it's round");
	await alice.getByRole('button', { name: 'Set' }).click();
	const inspector = page.getByRole('region', { name: 'Inspector' });
	await expect(inspector).toContainText('code=it');
	const original = await inspector.getByRole('region', { name: 'Raw request' }).innerText();
	await inspector.getByRole('button', { name: 'Copy as curl' }).click();
	await expect(inspector.getByRole('status')).toHaveText('Copied the curl command.');
	const command = await page.evaluate(() => navigator.clipboard.readText());
	expect(command).toMatch(/^curl -i /);

	const { output, paste } = consoleOf(page);
	await paste(command);
	await expect(output).toContainText('{"result":"set"}');
	// The Inspector now shows the console's request: the same lines, sent by curl on the Terminal.
	await expect(inspector).toContainText('curl on Terminal');
	const repeated = await inspector.getByRole('region', { name: 'Raw request' }).innerText();
	const lines = (text: string) =>
		text
			.split(/\r?\n/)
			.map((line) => line.trim())
			.filter((line) => line !== '')
			.sort();
	expect(lines(repeated)).toEqual(lines(original));
	expect(lines(original).length).toBeGreaterThan(4);
});
