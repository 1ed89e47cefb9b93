import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Every lesson slug, in teaching order (see src/lib/scenarios/lessons.ts). */
const SLUGS = [
	'no-memory',
	'ip-not-person',
	'cookies',
	'split-identity',
	'save-value',
	'login',
	'internet-cafe',
	'stolen-cookie',
	'httponly',
	'server-restart',
	'cookie-consent',
	'session-fixation',
	'load-balancer',
	'csrf-samesite',
	'third-party'
];

/** The narration's progress line. */
const PROGRESS = /^(Introduction · \d+ steps|Step \d+ of \d+)$/;

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page and fails with a readable list of every violation and where it is. */
async function expectNoViolations(page: Page, where: string) {
	const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	const report = results.violations
		.map((violation) => {
			const nodes = violation.nodes
				.slice(0, 8)
				.map((node) => {
					const summary = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim();
					return `    - ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}\n      ${summary}`;
				})
				.join('\n');
			const more =
				violation.nodes.length > 8 ? `\n    … and ${violation.nodes.length - 8} more` : '';
			return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.nodes.length})\n${nodes}${more}`;
		})
		.join('\n');
	expect(results.violations.length, `axe violations on ${where}:\n${report}`).toBe(0);
}

/** Presses "Step forward" until the end, answering (or skipping) every prediction. */
async function playToEnd(page: Page) {
	const narration = page.getByRole('region', { name: 'Narration' });
	const end = narration.getByText('End of the lesson.');
	const forward = page.getByRole('button', { name: 'Step forward' });
	const prediction = page.getByRole('radiogroup', { name: 'Prediction' });
	for (let guard = 0; guard < 40 && !(await end.isVisible()); guard++) {
		const before = await narration.getByText(PROGRESS).innerText();
		await forward.click();
		await expect(async () => {
			const now = await narration.getByText(PROGRESS).innerText();
			expect(now !== before || (await prediction.isVisible())).toBe(true);
		}).toPass();
		if (await prediction.isVisible()) {
			await prediction.getByRole('radio').first().check();
			await page.getByRole('button', { name: 'Answer' }).click();
			await expect(narration.getByText(PROGRESS)).not.toHaveText(before);
		}
	}
	await expect(end).toBeVisible();
}

async function openLesson(page: Page, slug: string) {
	await page.goto(`./lessons/${slug}`);
	await expect(page.getByRole('region', { name: 'Narration' })).toContainText(
		/Introduction · \d+ steps/
	);
}

test.describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
	test('home page', async ({ page }) => {
		await page.goto('./');
		await expect(page.getByRole('heading', { name: 'Who is on the other end?' })).toBeVisible();
		await expectNoViolations(page, 'the home page');
	});

	test('lessons list', async ({ page }) => {
		await page.goto('./lessons');
		await expect(page.getByRole('link', { name: /Every request stands alone/ })).toBeVisible();
		await expectNoViolations(page, 'the lessons list');
	});

	test('sandbox, at the start and after a Set and a Get', async ({ page }) => {
		await page.goto('./sandbox');
		const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
		await expect(alice).toBeVisible();
		await expectNoViolations(page, 'the sandbox at the start');
		await alice.getByRole('textbox', { name: 'code' }).fill('qwerty');
		await alice.getByRole('button', { name: 'Set' }).click();
		await alice.getByRole('button', { name: 'Get' }).click();
		await expect(alice.locator('output')).toHaveText('qwerty');
		await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('qwerty');
		await expectNoViolations(page, 'the sandbox after Set and Get');
	});

	test('each diagram tab in the sandbox', async ({ page }) => {
		test.slow();
		await page.goto('./sandbox');
		const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
		await alice.getByRole('textbox', { name: 'code' }).fill('qwerty');
		await alice.getByRole('button', { name: 'Set' }).click();
		await alice.getByRole('button', { name: 'Get' }).click();
		await expect(alice.locator('output')).toHaveText('qwerty');
		const tabs = page.getByRole('tablist', { name: 'Diagrams' }).getByRole('tab');
		const names = await tabs.allInnerTexts();
		expect(names.length).toBe(4);
		for (const name of names) {
			await page.getByRole('tab', { name }).click();
			await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
			await expect(page.getByRole('tabpanel')).toBeVisible();
			await expectNoViolations(page, `the "${name}" tab`);
		}
	});

	for (const slug of SLUGS) {
		test(`lesson ${slug}, at its start and at its end`, async ({ page }) => {
			test.slow();
			await openLesson(page, slug);
			await expectNoViolations(page, `lesson ${slug} at its start`);
			await playToEnd(page);
			await page.getByText('Server: sessions and settings').click();
			await expect(page.getByRole('table', { name: 'Server sessions' })).toBeVisible();
			await expectNoViolations(page, `lesson ${slug} at its end`);
		});
	}

	test('a prediction waiting for an answer', async ({ page }) => {
		await openLesson(page, 'no-memory');
		await page.getByRole('button', { name: 'Step forward' }).click();
		await page.getByRole('button', { name: 'Step forward' }).click();
		await expect(page.getByRole('radiogroup', { name: 'Prediction' })).toBeVisible();
		await expectNoViolations(page, 'a lesson with a prediction open');
	});

	test('presenter view', async ({ page }) => {
		await openLesson(page, 'cookies');
		await page.getByRole('button', { name: 'Step forward' }).click();
		await expect(page.getByRole('region', { name: 'Narration' })).toContainText('Step 1 of');
		await page.getByRole('button', { name: 'Present' }).click();
		const present = page.getByRole('button', { name: 'Present' });
		await expect(present).toHaveAttribute('aria-pressed', 'true');
		// The controls fade out after 3 s of stillness: check the view once they have gone, since
		// a slow check caught them half faded.
		await expect
			.poll(
				() => present.evaluate((button) => getComputedStyle(button.closest('.chrome')!).opacity),
				{
					timeout: 10_000
				}
			)
			.toBe('0');
		await expectNoViolations(page, 'the presenter view');
	});

	test('teacher notes page', async ({ page }) => {
		await page.goto('./lessons/cookies/notes');
		await expect(page.getByRole('heading', { name: /Teacher notes/ })).toBeVisible();
		await expectNoViolations(page, 'the teacher notes');
	});

	test('teacher notes window beside a lesson, with the answer key', async ({ page }) => {
		await openLesson(page, 'no-memory');
		await page.getByRole('button', { name: 'Step forward' }).click();
		const [notes] = await Promise.all([
			page.waitForEvent('popup'),
			page.getByRole('button', { name: 'Teacher notes' }).click()
		]);
		await expect(notes.getByRole('region', { name: 'Answer key' })).toBeVisible();
		await expectNoViolations(notes, 'the teacher notes window');
	});

	test.describe('presenter view at 1920×1080', () => {
		test.use({ viewport: { width: 1920, height: 1080 } });

		test('with a prediction open', async ({ page }) => {
			await openLesson(page, 'no-memory');
			await page.getByRole('button', { name: 'Present' }).click();
			await page.getByRole('button', { name: 'Step forward' }).click();
			await page.getByRole('button', { name: 'Step forward' }).click();
			await expect(page.getByRole('radiogroup', { name: 'Prediction' })).toBeVisible();
			await expectNoViolations(page, 'the presenter view with a prediction');
		});
	});

	test.describe('on a phone (390×844)', () => {
		test.use({ viewport: { width: 390, height: 844 } });

		test('a lesson and the sandbox', async ({ page }) => {
			await openLesson(page, 'cookies');
			await page.getByRole('button', { name: 'Step forward' }).click();
			await expect(page.getByRole('region', { name: 'Narration' })).toContainText('Step 1 of');
			await expectNoViolations(page, 'a lesson on a phone');
			await page.goto('./sandbox');
			await expect(page.getByRole('region', { name: "Firefox on Alice's laptop" })).toBeVisible();
			await expectNoViolations(page, 'the sandbox on a phone');
		});
	});

	test('keyboard help dialog', async ({ page }) => {
		await openLesson(page, 'cookies');
		await page.keyboard.press('?');
		await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeVisible();
		await expectNoViolations(page, 'the keyboard help');
	});
});

test.describe('accessibility in the dark theme', () => {
	test.use({ colorScheme: 'dark' });

	test('sandbox and a finished lesson', async ({ page }) => {
		test.slow();
		await page.goto('./sandbox');
		const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
		await alice.getByRole('textbox', { name: 'code' }).fill('qwerty');
		await alice.getByRole('button', { name: 'Set' }).click();
		await alice.getByRole('button', { name: 'Get' }).click();
		await expect(alice.locator('output')).toHaveText('qwerty');
		await expectNoViolations(page, 'the sandbox (dark)');
		await openLesson(page, 'stolen-cookie');
		await playToEnd(page);
		await expectNoViolations(page, 'lesson stolen-cookie at its end (dark)');
	});
});
