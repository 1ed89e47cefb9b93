import { expect, test } from '@playwright/test';

test('server settings refuse values the server cannot use, and show the ones it uses', async ({
	page
}) => {
	await page.goto('./sandbox');
	const panel = page.getByRole('region', { name: 'Server settings' });
	const idle = panel.getByRole('spinbutton', { name: 'Idle timeout (seconds)' });
	const servers = panel.getByRole('spinbutton', { name: 'App servers' });
	const name = panel.getByRole('textbox', { name: 'Cookie name' });

	await idle.fill('-1');
	await idle.press('Tab');
	await expect(panel.getByRole('alert')).toHaveText(
		'Idle timeout: "-1" does not fit; enter a whole number from 1 to 2,147,483,648, or leave it empty for none.'
	);
	await expect(idle).toHaveValue('');

	await idle.fill('600');
	await idle.press('Tab');
	await expect(panel.getByRole('alert')).toHaveCount(0);
	await expect(idle).toHaveValue('600');

	await servers.fill('0.4');
	await servers.press('Tab');
	await expect(panel.getByRole('alert')).toContainText('App servers: "0.4" does not fit');
	await expect(servers).toHaveValue('1');

	await name.fill('');
	await name.press('Tab');
	await expect(panel.getByRole('alert')).toHaveText('Cookie name: a cookie needs a name.');
	await expect(name).toHaveValue('dancer.session');
});
