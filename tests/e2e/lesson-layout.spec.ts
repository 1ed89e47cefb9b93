/** A lesson's page on a laptop screen: the diagram stays in view and its labels stay whole. */
import { expect, test, type Page } from '@playwright/test';

test.describe('at 1366×768', () => {
	test.use({ viewport: { width: 1366, height: 768 } });

	test('the world editor is closed, and the diagram stays in view while stepping', async ({
		page
	}) => {
		await page.goto('./lessons/cookies#step=2');
		const narration = page.getByRole('region', { name: 'Narration' });
		await expect(narration).toContainText('Step 2 of 7');
		await expect(page.getByText('Add to the world')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Add network' })).toBeHidden();

		await page.mouse.move(300, 500);
		await page.mouse.wheel(0, 1200);
		await page.keyboard.press('ArrowRight');
		await expect(narration).toContainText('Step 3 of 7');
		await expect(page.getByRole('group', { name: /^Sequence diagram/ })).toBeInViewport({
			ratio: 0.6
		});
		await expect(page.getByRole('button', { name: 'Step forward' })).toBeInViewport();
	});

	test('the last step offers the next lesson', async ({ page }) => {
		await page.goto('./lessons/cookies#step=7');
		await expect(page.getByRole('region', { name: 'Narration' })).toContainText(
			'End of the lesson.'
		);
		await page.getByRole('link', { name: 'Next lesson' }).click();
		await expect(page).toHaveURL(/\/lessons\/split-identity/);
		await expect(page.getByRole('region', { name: 'Narration' })).toContainText('Introduction');
	});
});

test('at 1280 wide the IP lesson shows every address whole', async ({ page }) => {
	await page.goto('./lessons/ip-not-person#step=8');
	await expect(page.getByRole('region', { name: 'Narration' })).toContainText('Step 8 of 8');
	const sequence = page.getByRole('group', { name: /^Sequence diagram/ });
	await expect(sequence).toBeVisible();
	const heads = sequence.getByRole('group', { name: /^Lifeline: / });
	const subtitles = await heads.evaluateAll((groups) =>
		groups.map((group) => group.querySelectorAll('text')[1]?.textContent ?? '')
	);
	const addresses = subtitles.filter((text) => /\d+\.\d+\.\d+/.test(text));
	expect(addresses.length).toBeGreaterThanOrEqual(3);
	for (const text of addresses) expect(text).toMatch(/^(NAT )?\d+\.\d+\.\d+\.\d+$/);
	await expectServerInPanel(page);

	await page.getByRole('tab', { name: 'World map' }).click();
	const map = page.getByRole('tabpanel');
	for (const ip of ['198.51.100.107', '10.0.0.10', '192.0.2.88'])
		await expect(map.getByText(ip, { exact: true }).first()).toBeVisible();
});

test.describe('at 1366×768 with eight lifelines', () => {
	test.use({ viewport: { width: 1366, height: 768 } });

	test("the server's lifeline is in the panel, not past its right edge", async ({ page }) => {
		await page.goto('./lessons/ip-not-person#step=8');
		await expect(page.getByRole('region', { name: 'Narration' })).toContainText('Step 8 of 8');
		await expectServerInPanel(page);
	});
});

/** The sequence diagram's Server lifeline ends inside its tab panel, with no sideways scroll. */
async function expectServerInPanel(page: Page) {
	const panel = page.getByRole('tabpanel', { name: 'Sequence diagram' });
	const server = panel.getByRole('group', { name: /^Lifeline: Server/ });
	await expect(server).toBeVisible();
	const [frame, head] = [await panel.boundingBox(), await server.boundingBox()];
	expect(head && frame && head.x + head.width <= frame.x + frame.width).toBe(true);
	const scrolls = await panel.evaluate((element) => {
		const scroller = element.querySelector('.scroller');
		return scroller ? scroller.scrollWidth > scroller.clientWidth : false;
	});
	expect(scrolls).toBe(false);
}

test("at 1280 wide a jar's Copy, Edit and Delete buttons are whole", async ({ page }) => {
	await page.goto('./lessons/cookies#step=3');
	const jar = page.getByRole('table', { name: /^Cookies in/ });
	await expect(jar).toBeVisible();
	const browser = page.getByRole('region', { name: "Firefox on Alice's laptop" });
	const frame = (await browser.boundingBox())!;
	for (const name of ['Copy', 'Edit', 'Delete']) {
		const button = (await jar
			.getByRole('button', { name: new RegExp(`^${name} cookie`) })
			.boundingBox())!;
		expect(button.x + button.width).toBeLessThanOrEqual(frame.x + frame.width);
		expect(button.x).toBeGreaterThanOrEqual(frame.x);
	}
});
