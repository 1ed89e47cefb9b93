import { expect, test } from '@playwright/test';

test('a cookie edit that would smuggle in a second cookie is refused, and the next request carries the old one', async ({
	page
}) => {
	await page.goto('./sandbox');
	const alice = page.getByRole('region', { name: /^Firefox on Alice/ });
	await alice.getByRole('textbox', { name: 'code' }).fill('my notes');
	await alice.getByRole('button', { name: 'Set' }).click();
	const jar = alice.getByRole('table', { name: /^Cookies in/ });
	await expect(jar).toContainText('dancer.session');

	await alice.getByRole('button', { name: 'Edit cookie dancer.session' }).click();
	const box = alice.getByRole('textbox', { name: 'New value of dancer.session' });
	const before = await box.inputValue();
	await box.fill('x; admin=1');
	await alice.getByRole('button', { name: 'Save cookie dancer.session' }).click();
	await expect(alice.getByRole('alert')).toContainText('cannot hold ";"');
	// The draft stays for the person to fix.
	await expect(box).toHaveValue('x; admin=1');
	await box.press('Escape');

	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(alice.locator('output')).toHaveText('my notes');
	const request = page.getByRole('region', { name: 'Raw request' });
	await expect(request).toContainText(`Cookie: dancer.session=${before}`);
	await expect(request).not.toContainText('admin=1');
});
