import { expect, test, type Page } from '@playwright/test';
import { lessonView, playThrough } from './lesson-helpers';

const CHROME = "Chrome on Alice's laptop";
const FIREFOX = "Firefox on Alice's laptop";
const SAFARI = "Safari on Alice's laptop";

/** The third party's table under "Who the server thinks you are". */
async function trackerTable(page: Page) {
	await page.getByRole('tab', { name: 'Who the server thinks you are' }).click();
	const table = page.getByRole('table', { name: 'What widgets.example knows' });
	await expect(table).toBeVisible();
	return table;
}

test('"Who follows you across sites?": recognised in Chrome, not in Firefox or Safari; the Partitioned widget stays per site', async ({
	page
}) => {
	await page.goto('./lessons/third-party');
	await expect(lessonView(page).progress).toBeVisible();
	await playThrough(page, {
		slug: 'third-party',
		steps: 6,
		predictions: 'answer',
		at: {
			2: async (v) => {
				// Chrome, third-party cookies allowed: the pixel on myapp.example carries tp_uid.
				await expect(v.request).toContainText('Host: widgets.example');
				await expect(v.request).toContainText('Cookie: tp_uid=');
				await expect(v.request).toContainText('Referer: http://myapp.example/');
			},
			3: async (v) => {
				// Firefox: one tp_uid per top-level site, and none goes to myapp.example's pixel.
				await expect(v.request).toContainText('Referer: http://myapp.example/');
				await expect(v.request).not.toContainText('Cookie:');
				const partitions = v
					.browser(FIREFOX)
					.getByRole('table', { name: `Partitioned cookies in ${FIREFOX}` });
				await expect(partitions.getByRole('row')).toHaveCount(3);
				await expect(partitions).toContainText('https://news.example');
				await expect(partitions).toContainText('http://myapp.example');
			},
			4: async (v) => {
				// Safari blocks it: nothing stored, nothing sent.
				await expect(v.request).not.toContainText('Cookie:');
				await expect(
					v.browser(SAFARI).getByRole('table', { name: `Partitioned cookies in ${SAFARI}` })
				).toHaveCount(0);
			},
			5: async (v) => {
				await expect(v.response).toContainText('Weather for your city (settings');
				await expect(
					v.browser(CHROME).getByRole('table', { name: `Partitioned cookies in ${CHROME}` })
				).toContainText('widget_state=');
			}
		},
		end: async () => {}
	});
	const v = lessonView(page);
	// On myapp.example the Partitioned widget starts afresh: it cannot follow Alice.
	await expect(v.response).toContainText('Weather: pick your city.');
	const table = await trackerTable(page);
	await expect(table.getByRole('row', { name: new RegExp(CHROME) })).toContainText(
		'Yes: one id on several sites'
	);
	await expect(table.getByRole('row', { name: new RegExp(FIREFOX) })).toContainText(
		'No: a new visitor on each site'
	);
	await expect(table.getByRole('row', { name: new RegExp(SAFARI) })).toContainText(
		'No: a new visitor on each site'
	);
});

test('the Third-party cookies select changes what the tracker learns in the sandbox', async ({
	page
}) => {
	await page.goto('./sandbox');
	const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
	const policy = alice.getByRole('combobox', { name: 'Third-party cookies' });
	await expect(policy).toHaveValue('partition');
	await policy.selectOption({ label: 'Allowed (Chrome)' });
	const address = alice.getByRole('textbox', { name: 'Address' });
	for (const site of ['https://news.example/', 'http://myapp.example/']) {
		await address.fill(site);
		await alice.getByRole('button', { name: 'Go' }).click();
		await expect(address).toHaveValue(site);
		await alice.getByRole('button', { name: 'Embed tracking pixel' }).click();
		await expect(lessonView(page).request).toContainText(`Referer: ${site}`);
	}
	await expect(lessonView(page).request).toContainText('Cookie: tp_uid=');
	const table = await trackerTable(page);
	await expect(table.getByRole('row', { name: /Firefox on Alice's laptop/ })).toContainText(
		'Yes: one id on several sites'
	);
});
