import { expect, test, type Page } from '@playwright/test';

/**
 * The story, drawn true: each lesson's climax as a user finds it, by role and accessible name.
 * Lessons open at a step through the URL fragment.
 */

async function openAt(page: Page, slug: string, step: number) {
	await page.goto(`./lessons/${slug}#step=${step}`);
	const narration = page.getByRole('region', { name: 'Narration' });
	await expect(narration.getByText(new RegExp(`^Step ${step} of \\d+$`))).toBeVisible();
}

async function sequence(page: Page) {
	const tab = page.getByRole('tab', { name: 'Sequence diagram' });
	if (await tab.count()) await tab.click();
	const diagram = page.getByRole('group', { name: /^Sequence diagram/ });
	await expect(diagram).toBeVisible();
	return diagram;
}

test.describe('the sequence diagram tells the story', () => {
	test("curl sending Firefox's code is drawn with its session chip", async ({ page }) => {
		await openAt(page, 'save-value', 8);
		const diagram = await sequence(page);
		await expect(
			diagram.getByRole('button', { name: /GET \/api\/code from curl on .*, Cookie: S1;/ })
		).toBeVisible();
	});

	test('the guessed id is drawn as the cookie curl sent', async ({ page }) => {
		await openAt(page, 'session-fixation', 10);
		const diagram = await sequence(page);
		await expect(
			diagram.getByRole('button', { name: /from curl on .*, Cookie: S\d+;/ }).last()
		).toBeVisible();
	});

	test('the CSRF page load ends at evil.example', async ({ page }) => {
		await openAt(page, 'csrf-samesite', 2);
		const diagram = await sequence(page);
		await expect(diagram.getByRole('group', { name: 'Lifeline: evil.example' })).toBeVisible();
		await expect(
			diagram.getByRole('button', { name: /GET \/ from .*served by evil\.example$/ })
		).toBeVisible();
	});

	test("the injected script's theft is an arrow to evil.example", async ({ page }) => {
		await openAt(page, 'httponly', 3);
		const diagram = await sequence(page);
		await expect(diagram.getByRole('group', { name: 'Lifeline: evil.example' })).toBeVisible();
		await expect(
			diagram.getByRole('group', { name: /injected script.*GET http:\/\/evil\.example\/\?c=/ })
		).toBeVisible();
	});

	test('the load balancer and each app server have lifelines, and each answer names one', async ({
		page
	}) => {
		await openAt(page, 'load-balancer', 2);
		const diagram = await sequence(page);
		for (const name of ['Load balancer', 'app1', 'app2'])
			await expect(diagram.getByRole('group', { name: `Lifeline: ${name}` })).toBeVisible();
		await expect(diagram.getByRole('button', { name: /served by app1$/ }).first()).toBeVisible();
		await expect(diagram.getByRole('button', { name: /served by app2$/ }).first()).toBeVisible();
	});

	test('the eavesdropper listens on the Wi-Fi', async ({ page }) => {
		await openAt(page, 'stolen-cookie', 3);
		const diagram = await sequence(page);
		await expect(diagram.getByRole('group', { name: 'Lifeline: Mallory' })).toBeVisible();
	});
});

test.describe('simulated pages render as pages', () => {
	test("Bob sees Alice's account, named in its heading", async ({ page }) => {
		await openAt(page, 'internet-cafe', 3);
		const window = page.getByRole('region', { name: 'Firefox on Cafe computer' });
		await expect(
			window.getByRole('heading', { name: "alice's account", exact: true })
		).toBeVisible();
		await expect(window.getByText(/Logged in as alice/)).toBeVisible();
		await expect(window.getByText(/DOCTYPE/)).toHaveCount(0);
		// The raw source stays in the Inspector.
		await expect(page.getByRole('region', { name: 'Raw response' })).toContainText(
			'<!DOCTYPE html>'
		);
	});

	test('the visit counter is a large number', async ({ page }) => {
		await openAt(page, 'server-restart', 2);
		await expect(page.getByRole('heading', { name: 'Visit counter' })).toBeVisible();
		await expect(page.getByText('3', { exact: true })).toBeVisible();
	});

	test('the consent banner sits in the page, and Reject sends the choice', async ({ page }) => {
		await openAt(page, 'cookie-consent', 2);
		const banner = page.getByRole('region', { name: 'Cookies on this site' });
		await expect(banner.getByRole('button', { name: 'Accept' })).toBeVisible();
		await banner.getByRole('button', { name: 'Reject' }).click();
		await expect(page.getByText(/you rejected the extra cookies/)).toBeVisible();
		await expect(banner).toHaveCount(0);
		await expect(
			page.getByRole('region', { name: 'Raw request' }).getByText(/POST \/consent/)
		).toBeVisible();
	});
});

test.describe('labels and time tell the truth', () => {
	test('a restart ends the old beliefs: the grid names no split identity', async ({ page }) => {
		await openAt(page, 'server-restart', 5);
		await page.getByRole('tab', { name: 'Who the server thinks you are' }).click();
		const grid = page.getByRole('tabpanel');
		await expect(grid).toContainText('S3');
		await expect(grid).not.toContainText('live sessions');
		await expect(grid).not.toContainText('split identity');
	});

	test('the virtual clock moves between steps, and Lifetimes shows real durations', async ({
		page
	}) => {
		await openAt(page, 'server-restart', 5);
		const clock = page.getByText(/^\d\d:\d\d:\d\d$/).first();
		await expect(clock).not.toHaveText('09:00:00');
		await page.getByRole('tab', { name: 'Lifetimes' }).click();
		const ticks = await page.getByRole('tabpanel').locator('svg text').allTextContents();
		const times = new Set(ticks.filter((text) => /^\d\d:\d\d(:\d\d)?$/.test(text.trim())));
		expect(times.size, `axis labels: ${ticks.join(' | ')}`).toBeGreaterThan(1);
	});
});
