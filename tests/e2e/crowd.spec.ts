/** The crowd: many browsers and exchanges through the Crowd panel, in the built site. */
import { expect, test } from '@playwright/test';
import { runCrowd } from './sandbox-helpers';

test('a crowd runs, the views step aside and come back, and big lists stay short', async ({
	page
}) => {
	await page.goto('./sandbox');
	// A chosen diagram stays chosen across the run.
	await page.getByRole('tab', { name: 'World map' }).click();
	await runCrowd(page, 60, 600);

	await expect(page.getByRole('tab', { name: 'World map' })).toHaveAttribute(
		'aria-selected',
		'true'
	);
	await page.getByRole('tab', { name: 'Sequence' }).click();
	await expect(
		page.getByRole('group', { name: /^Sequence diagram: 600 exchanges between 63 browsers/ })
	).toBeVisible();
	await expect(page.getByRole('region', { name: /^Home Wi-Fi · / }).first()).toBeVisible();
	await expect(page.getByText('Paused while the crowd runs.')).toHaveCount(0);

	// 63 browsers: the attack lists show the ones someone sits at.
	const attacks = page.getByRole('region', { name: 'Attacks' });
	await expect(attacks).toContainText(
		/This world has 63 browsers; the lists show the\s+\d+\s+that someone sits at\./
	);
	const eavesdropper = attacks.getByRole('combobox', { name: 'Eavesdropper' });
	await expect(eavesdropper.getByRole('option')).toHaveCount(2);

	// Every crowd browser has its own session, holding the last code it set (round 8 of 10).
	const sessions = page.getByRole('table', { name: /^Server sessions/ });
	await expect(sessions).toContainText('Server sessions (60)');
	await expect(sessions.getByRole('row').filter({ hasText: '{"code":"crowd-8"}' })).toHaveCount(50);
});

test('in a crowd, the diagrams draw what is in view and step back replays the crowd', async ({
	page
}) => {
	await page.goto('./sandbox');
	await runCrowd(page, 60, 600);

	// 120 lives: the chart draws those in view, and scrolling brings the last one.
	await page.getByRole('tab', { name: 'Lifetimes' }).click();
	const chart = page.getByRole('group', {
		name: 'Lifetimes: 60 cookies and 60 sessions on the virtual clock'
	});
	await expect(chart.getByRole('button', { name: 'S1 session', exact: true })).toBeVisible();
	await expect(chart.getByRole('button', { name: 'S60 session', exact: true })).toHaveCount(0);
	await chart.locator('..').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
	await expect(chart.getByRole('button', { name: 'S60 session', exact: true })).toBeVisible();
	await expect(chart.getByRole('button', { name: 'S1 session', exact: true })).toHaveCount(0);
	// The table lists them all.
	await page.getByText('Show as table').click();
	await expect(page.getByRole('table', { name: 'Lifetimes' }).getByRole('row')).toHaveCount(121);

	// Step back replays the 720 steps of the crowd, less the last.
	await page.getByRole('tab', { name: 'Sequence' }).click();
	await page.getByRole('button', { name: 'Step back' }).click();
	await expect(
		page.getByRole('group', { name: /^Sequence diagram: 599 exchanges between 63 browsers/ })
	).toBeVisible();
	await expect(page.getByText(/Paused while/)).toHaveCount(0);
	await expect(page.getByRole('table', { name: /^Server sessions/ })).toContainText(
		'Server sessions (60)'
	);
});

test('a crowd of a thousand browsers, as the panel offers, finds room on new home networks', async ({
	page
}) => {
	test.slow();
	await page.goto('./sandbox');
	await runCrowd(page, 1000, 1000);
	await expect(page.getByRole('alert')).toHaveCount(0);
	// A network holds 245 devices: the sandbox's home and mobile networks take 490 laptops, and
	// three new home networks the rest.
	await expect(page.getByRole('region', { name: /^Home Wi-Fi · / })).toHaveCount(4);
});
