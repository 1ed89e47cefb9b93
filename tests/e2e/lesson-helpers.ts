/** Playing a lesson as a user would: its view by roles and names, and stepping to the end. */
import { expect, type Locator, type Page } from '@playwright/test';

/** The narration's progress line: "Introduction · N steps" or "Step k of N". */
const PROGRESS = /^(Introduction · \d+ steps|Step \d+ of \d+)$/;

/** What a user sees of a lesson: the narration, the Inspector, the windows, the tables. */
export function lessonView(page: Page) {
	const narration = page.getByRole('region', { name: 'Narration' });
	const inspector = page.getByRole('region', { name: 'Inspector' });
	return {
		narration,
		progress: narration.getByText(PROGRESS),
		inspector,
		request: inspector.getByRole('region', { name: 'Raw request' }),
		response: inspector.getByRole('region', { name: 'Raw response' }),
		browser: (name: string) => page.getByRole('region', { name }),
		output: (name: string) => page.getByRole('region', { name }).locator('output'),
		jar: (name: string) =>
			page.getByRole('region', { name }).getByRole('table', { name: /^Cookies in/ }),
		/** The "Server sessions" table, folded away under "Server: sessions and settings". */
		async sessions(): Promise<Locator> {
			const table = page.getByRole('table', { name: 'Server sessions' });
			if (!(await table.isVisible())) await page.getByText('Server: sessions and settings').click();
			await expect(table).toBeVisible();
			return table;
		},
		/** The "Who the server thinks you are" grid, on its tab. */
		async grid(): Promise<Locator> {
			await page.getByRole('tab', { name: 'Who the server thinks you are' }).click();
			const grid = page.getByRole('group', { name: /^Who the server thinks you are/ });
			await expect(grid).toBeVisible();
			return grid;
		},
		async sequence(): Promise<Locator> {
			await page.getByRole('tab', { name: 'Sequence diagram' }).click();
			const diagram = page.getByRole('group', { name: /^Sequence diagram/ });
			await expect(diagram).toBeVisible();
			return diagram;
		}
	};
}

export type View = ReturnType<typeof lessonView>;
export type Check = (view: View, page: Page) => Promise<void>;

export interface LessonCase {
	slug: string;
	steps: number;
	/** How to meet each prediction. */
	predictions: 'answer' | 'skip';
	/** Checks after step k (1-based), as the user sees the page then. */
	at?: Record<number, Check>;
	/** The lesson's key outcome, at the end. */
	end: Check;
}

/**
 * Presses "Step forward" until "End of the lesson.", meeting each prediction by answering the
 * first choice or skipping, and runs the checks of each step as it is reached.
 */
export async function playThrough(page: Page, lesson: LessonCase) {
	const v = lessonView(page);
	const forward = page.getByRole('button', { name: 'Step forward' });
	const prediction = page.getByRole('radiogroup', { name: 'Prediction' });
	let predictions = 0;
	for (let step = 1; step <= lesson.steps; step++) {
		await expect(forward).toBeEnabled();
		await forward.click();
		const arrived = v.narration.getByText(`Step ${step} of ${lesson.steps}`, { exact: true });
		await expect(arrived.or(prediction).first()).toBeVisible();
		if (await prediction.isVisible()) {
			predictions++;
			await expect(forward).toBeDisabled();
			await expect(v.narration).toContainText('Predict:');
			if (lesson.predictions === 'answer') {
				const answer = page.getByRole('button', { name: 'Answer' });
				await expect(answer).toBeDisabled();
				await prediction.getByRole('radio').first().check();
				await answer.click();
				await expect(v.narration).toContainText(/Right\.|Not quite:/);
			} else {
				await page.getByRole('button', { name: 'Skip' }).click();
				await expect(v.narration).toContainText('Skipped: the answer was');
			}
			await expect(prediction).toBeHidden();
		}
		await expect(arrived).toBeVisible();
		await lesson.at?.[step]?.(v, page);
	}
	await expect(v.narration.getByText('End of the lesson.')).toBeVisible();
	await expect(forward).toBeDisabled();
	expect(predictions, 'every lesson asks at least one prediction').toBeGreaterThan(0);
}

/** What the shortest lesson, no-memory, ends with: the same in the hosted site and offline. */
export const noMemoryEnd: Check = async (v) => {
	await expect(v.output("Chrome on Bob's phone")).toHaveText('null');
	await expect(v.response).toContainText('{"result":null}');
	await expect(v.inspector).toContainText('Belief matches the truth.');
	const sessions = await v.sessions();
	await expect(sessions.locator('tbody tr')).toHaveCount(1);
	await expect(sessions).toContainText('{"code":"hello"}');
};
