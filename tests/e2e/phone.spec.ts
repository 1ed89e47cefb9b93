/** Phones and small screens: nothing scrolls sideways, and the diagram is one tap away. */
import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 390, height: 844 } });

/** How wide the page scrolls, in px. */
function scrollWidth(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth);
}

test('the home page does not scroll sideways', async ({ page }) => {
	await page.goto('./');
	await expect(page.getByRole('heading', { name: 'Who is on the other end?' })).toBeVisible();
	expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
});

test('a lesson does not scroll sideways, and its diagram is one tap away', async ({ page }) => {
	await page.goto('./lessons/cookies#step=3');
	await expect(page.getByRole('region', { name: 'Narration' })).toContainText('Step 3 of 7');
	await expect(page.getByRole('table', { name: /^Cookies in/ })).toBeVisible();
	expect(await scrollWidth(page)).toBeLessThanOrEqual(390);

	await page
		.getByRole('navigation', { name: 'Parts of the lesson' })
		.getByRole('button', {
			name: 'Diagram'
		})
		.click();
	await expect(page.getByRole('tab', { name: 'Sequence diagram' })).toBeInViewport();
	await expect(page.getByRole('group', { name: /^Sequence diagram/ })).toBeInViewport();
});

test('the sandbox does not scroll sideways', async ({ page }) => {
	await page.goto('./sandbox');
	await expect(page.getByRole('group', { name: /^Sequence diagram/ })).toBeVisible();
	await expect(page.getByText('Add to the world')).toBeVisible();
	expect(await scrollWidth(page)).toBeLessThanOrEqual(390);

	await page.getByRole('button', { name: 'Add network' }).scrollIntoViewIfNeeded();
	await page
		.getByRole('navigation', { name: 'Parts of the sandbox' })
		.getByRole('button', { name: 'Diagram' })
		.click();
	await expect(page.getByRole('group', { name: /^Sequence diagram/ })).toBeInViewport();
});

test('a jar fits a phone: its buttons whole, its headings not broken mid-word', async ({
	page
}) => {
	await page.goto('./lessons/cookies#step=3');
	const jar = page.getByRole('table', { name: /^Cookies in/ });
	await expect(jar).toBeVisible();
	const fit = await jar.evaluate((table) => ({
		overflow: table.scrollWidth - (table.parentElement?.clientWidth ?? 0),
		// A heading on one line is exactly as tall as one line of its text.
		brokenHeadings: [...table.querySelectorAll('th')]
			.filter((th) => th.checkVisibility() && !th.querySelector('.sr'))
			.filter((th) => {
				const range = document.createRange();
				range.selectNodeContents(th);
				return range.getClientRects().length > 1;
			})
			.map((th) => th.textContent)
	}));
	expect(fit).toEqual({ overflow: 0, brokenHeadings: [] });
	for (const name of ['Copy', 'Edit', 'Delete']) {
		const button = jar.getByRole('button', { name: `${name} cookie dancer.session` });
		await button.scrollIntoViewIfNeeded();
		await expect(button).toBeInViewport({ ratio: 1 });
	}
});
