/**
 * Present on a projector, and the teacher's notes window beside it: geometry measured in the
 * built site, elements found by role and name.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

async function box(locator: Locator): Promise<Box> {
	const b = await locator.boundingBox();
	expect(b, 'the element has a box').not.toBeNull();
	return b!;
}

/** The area two boxes share, in px². */
function overlap(a: Box, b: Box): number {
	const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
	const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
	return Math.max(0, w) * Math.max(0, h);
}

/** The part of the diagram's box that the box of `other` covers, from 0 to 1. */
async function coverOf(diagram: Locator, other: Locator): Promise<number> {
	const d = await box(diagram);
	return overlap(d, await box(other)) / (d.width * d.height);
}

/** Opens a lesson at a step and turns Present on. */
async function present(page: Page, slug: string, step: number) {
	await page.goto(`./lessons/${slug}#step=${step}`);
	await expect(page.getByRole('region', { name: 'Narration' })).toContainText(`Step ${step} of`);
	await page.getByRole('button', { name: 'Present' }).click();
	await expect(page.getByRole('button', { name: 'Present' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
}

/** The cookies lesson: its length and the start of some of its teacher notes. */
const COOKIES_STEPS = 7;
const COOKIES_NOTES: Record<number, string> = {
	1: 'Open the jar drawer of the browser',
	3: 'Read the header aloud',
	7: 'Two sessions now'
};

/** The prediction before step 2 of "no-memory", and its answer (choice B). */
const ASKED = {
	question: 'Does anything in these two requests say who sent them?',
	answer: 'No: each request arrives on its own, with no name on it',
	explanation: 'nothing ties the next question to this one'
};

const diagramOf = (page: Page) => page.getByRole('group', { name: /^Sequence diagram/ });

test.describe('Present at 1920×1080', () => {
	test.use({ viewport: { width: 1920, height: 1080 } });

	test('the diagram fills the screen, its labels are large, the caption sits beside it', async ({
		page
	}) => {
		await present(page, 'cookies', 3);
		const diagram = diagramOf(page);
		await expect(diagram).toBeVisible();
		const d = await box(diagram);
		expect((d.width * d.height) / (1920 * 1080)).toBeGreaterThanOrEqual(0.5);

		const heights = await diagram.evaluate((svg) =>
			[...svg.querySelectorAll('text')]
				.map((text) => text.getBoundingClientRect().height)
				.filter((height) => height > 0)
				.sort((a, b) => a - b)
		);
		expect(heights.length).toBeGreaterThan(10);
		expect(heights[Math.floor(heights.length / 2)]).toBeGreaterThanOrEqual(20);

		const caption = page.getByRole('region', { name: 'Narration' });
		expect(await coverOf(diagram, caption)).toBeLessThanOrEqual(0.05);

		// Nothing that edits the world, no Inspector, no export buttons on the projected screen.
		await expect(page.getByRole('region', { name: 'Inspector' })).toHaveCount(0);
		await expect(page.getByText('Add to the world')).toHaveCount(0);
		await expect(page.getByRole('button', { name: /Export|Download/ })).toHaveCount(0);
	});

	test('no teacher note is ever on the projected screen', async ({ page }) => {
		await present(page, 'cookies', 1);
		for (let step = 1; step <= COOKIES_STEPS; step++) {
			const notes = COOKIES_NOTES[step];
			if (notes) await expect(page.getByText(notes)).toHaveCount(0);
			if (step === COOKIES_STEPS) break;
			await page.keyboard.press('ArrowRight');
			const prediction = page.getByRole('radiogroup', { name: 'Prediction' });
			const narration = page.getByRole('region', { name: 'Narration' });
			await expect(
				narration
					.getByText(`Step ${step + 1} of`)
					.or(prediction)
					.first()
			).toBeVisible();
			if (await prediction.isVisible()) {
				await page.getByRole('button', { name: 'Skip' }).click();
				await expect(narration).toContainText(`Step ${step + 1} of`);
			}
		}
	});

	test('the step controls fade without leaving a blank band, and the keys still step', async ({
		page
	}) => {
		await present(page, 'cookies', 2);
		const forward = page.getByRole('button', { name: 'Step forward' });
		await expect
			.poll(() => forward.evaluate((b) => getComputedStyle(b.closest('.chrome')!).opacity), {
				timeout: 10_000
			})
			.toBe('0');
		// The diagram starts at the top of the screen: nothing is reserved for the hidden controls.
		expect((await box(diagramOf(page))).y).toBeLessThan(120);
		await page.keyboard.press('ArrowRight');
		await expect(page.getByRole('region', { name: 'Narration' })).toContainText('Step 3 of');
	});
});

test.describe('Present at 1280×720', () => {
	test('the caption and the prediction cover at most a quarter of the diagram', async ({
		page
	}) => {
		await present(page, 'no-memory', 1);
		await page.getByRole('button', { name: 'Step forward' }).click();
		const prediction = page.getByRole('radiogroup', { name: 'Prediction' });
		await expect(prediction).toBeVisible();
		const diagram = diagramOf(page);
		const caption = page.getByRole('region', { name: 'Narration' });
		expect(await coverOf(diagram, caption)).toBeLessThanOrEqual(0.25);
		expect(await coverOf(diagram, prediction)).toBeLessThanOrEqual(0.25);
	});
});

/** The no-memory lesson at step 1, and its teacher notes window, opened from it. */
async function openNotesAtFirstStep(page: Page) {
	await page.goto('./lessons/no-memory#step=1');
	const narration = page.getByRole('region', { name: 'Narration' });
	await expect(narration).toContainText('Step 1 of 6');
	const [notes] = await Promise.all([
		page.waitForEvent('popup'),
		page.getByRole('button', { name: 'Teacher notes' }).click()
	]);
	await expect(notes.getByText('Step 1 of 6')).toBeVisible();
	return { narration, notes };
}

test.describe('the teacher notes window', () => {
	test('starts at the step on screen, gives the answer key, and drives the lesson', async ({
		page
	}) => {
		const { narration, notes } = await openNotesAtFirstStep(page);
		const key = notes.getByRole('region', { name: 'Answer key' });
		await expect(key).toContainText(ASKED.question);
		await expect(key).toContainText(`Answer: B. ${ASKED.answer}`);
		await expect(key).toContainText(ASKED.explanation);
		await expect(notes.getByRole('region', { name: 'Next step' })).toContainText(
			'Bob opens the same page in Chrome on his phone.'
		);

		const drive = notes.getByRole('toolbar', { name: 'Drive the lesson' });
		await drive.getByRole('button', { name: 'Step forward' }).click();
		await expect(page.getByRole('radiogroup', { name: 'Prediction' })).toBeVisible();
		await expect(key).toContainText('The class is answering now');

		await drive.getByRole('button', { name: 'Reveal the answer' }).click();
		await expect(narration).toContainText('Step 2 of 6');
		await expect(narration).toContainText(`the answer was “${ASKED.answer}”`);
		await expect(notes.getByText('Step 2 of 6')).toBeVisible();

		await drive.getByRole('button', { name: 'Step back' }).click();
		await expect(narration).toContainText('Step 1 of 6');
		await drive.getByRole('button', { name: 'Play' }).click();
		await expect(page.getByRole('radiogroup', { name: 'Prediction' })).toBeVisible();
	});

	test('its keys (and a clicker’s page keys) drive the lesson as its buttons do', async ({
		page
	}) => {
		const { narration, notes } = await openNotesAtFirstStep(page);

		await notes.keyboard.press('PageDown');
		await expect(page.getByRole('radiogroup', { name: 'Prediction' })).toBeVisible();
		await expect(notes.getByRole('region', { name: 'Answer key' })).toContainText(
			'The class is answering now'
		);
		await notes.keyboard.press('r');
		await expect(narration).toContainText('Step 2 of 6');
		await notes.keyboard.press('ArrowLeft');
		await expect(narration).toContainText('Step 1 of 6');
		await expect(notes.getByText('Step 1 of 6')).toBeVisible();
	});
});
