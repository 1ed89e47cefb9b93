import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/** Every lesson's slug, read from the lesson files. */
const slugs = readdirSync('src/lib/scenarios/lessons')
	.map((file) => readFileSync(`src/lib/scenarios/lessons/${file}`, 'utf8').match(/slug: '([^']+)'/))
	.filter((match): match is RegExpMatchArray => match !== null)
	.map((match) => match[1]);

test('every lesson is found', () => {
	expect(slugs.length).toBeGreaterThanOrEqual(14);
});

for (const slug of slugs) {
	test(`${slug}: each prediction is asked under the narration of the step it asks about`, async ({
		page
	}) => {
		await page.goto(`lessons/${slug}`);
		const narration = page.getByRole('region', { name: 'Narration' });
		const sentence = narration.locator('.sentence');
		const progress = narration.getByText(/^(Introduction · \d+ steps|Step \d+ of \d+)$/);
		const forward = page.getByRole('button', { name: 'Step forward' });
		const prediction = page.getByRole('radiogroup', { name: 'Prediction' });
		const end = narration.getByText('End of the lesson.');
		let asked = 0;
		while (!(await end.isVisible())) {
			const before = await progress.textContent();
			await forward.click();
			await expect(progress).not.toHaveText(before ?? '');
			if (!(await prediction.isVisible())) continue;
			asked++;
			const askedUnder = { step: await progress.textContent(), text: await sentence.textContent() };
			await page.getByRole('button', { name: 'Skip' }).click();
			await expect(narration).toContainText('Skipped: the answer was');
			// The step the question was about is the step now played: same number, same narration.
			await expect(progress).toHaveText(askedUnder.step ?? '');
			await expect(sentence).toHaveText(askedUnder.text ?? '');
		}
		expect(asked).toBeGreaterThan(0);
	});
}
