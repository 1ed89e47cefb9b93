import { expect, test } from '@playwright/test';
import { browser, ownWorldRecord } from './sandbox-helpers';

const ALICE = "Firefox on Alice's laptop";

test.describe('the Framework setting', () => {
	for (const [label, value, line] of [
		[
			'Django',
			'django',
			/Set-Cookie: sessionid=[a-z0-9]{32}; expires=[^;]+ GMT; HttpOnly; Max-Age=1209600; Path=\/; SameSite=Lax/
		],
		['PHP sessions', 'php', /Set-Cookie: PHPSESSID=[0-9a-f]{32}; path=\//],
		[
			'ASP.NET Core',
			'aspnet-core',
			/Set-Cookie: \.AspNetCore\.Session=CfDJ8[A-Za-z0-9%]+; path=\/; samesite=lax; httponly/
		]
	] as const) {
		test(`${label}: the Inspector shows its Set-Cookie, and a reload keeps it`, async ({
			page
		}) => {
			await page.goto('./sandbox');
			const settings = page.getByRole('region', { name: 'Server settings' });
			await settings.getByRole('combobox', { name: 'Framework' }).selectOption({ label });
			const window = browser(page, ALICE);
			await window.getByRole('textbox', { name: 'Address' }).fill('http://myapp.example/');
			await window.getByRole('button', { name: 'Go' }).click();
			await window.getByRole('textbox', { name: 'code' }).fill('abc');
			await window.getByRole('button', { name: 'Set', exact: true }).click();
			await expect(page.getByRole('region', { name: 'Inspector' })).toContainText(line);
			await window.getByRole('button', { name: 'Get', exact: true }).click();
			await expect(window.locator('output')).toContainText('abc');

			// The autosave keeps the Get too, so the reload comes after it.
			await expect
				.poll(async () => (await ownWorldRecord(page))?.history?.at(-1))
				.toMatchObject({ type: 'press-get' });
			await page.reload();
			await expect(
				page
					.getByRole('region', { name: 'Server settings' })
					.getByRole('combobox', { name: 'Framework' })
			).toHaveValue(value);
		});
	}

	test('the comparison table marks the framework in use', async ({ page }) => {
		await page.goto('./sandbox');
		await page
			.getByRole('region', { name: 'Server settings' })
			.getByRole('combobox', { name: 'Framework' })
			.selectOption({ label: 'Ruby on Rails (cookie store)' });
		await page.getByText('Framework defaults against OWASP').click();
		const table = page.getByRole('table', {
			name: 'Session defaults of each framework, rule by rule'
		});
		const row = table.getByRole('row', { name: /Ruby on Rails/ });
		await expect(row).toHaveAttribute('aria-current', 'true');
		await expect(row).toContainText('_myapp_session=<value>; path=/; httponly; samesite=lax');
	});
});
