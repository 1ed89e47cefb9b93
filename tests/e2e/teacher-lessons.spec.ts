/**
 * Teachers make their own lessons: record a short story in the sandbox, write its narration and
 * a prediction in the lesson editor, save it, copy its link, and open the link in a fresh
 * browser where it plays like a built-in lesson, Present included. And a shipped challenge says
 * when its goal is met.
 */
import { expect, test } from '@playwright/test';

test('a lesson recorded in the sandbox plays from its link in another browser', async ({
	page,
	browser,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('./sandbox');
	const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
	await expect(alice).toBeVisible();

	await page.getByRole('button', { name: 'Record lesson' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Recording' })).toContainText(
		'0 commands'
	);
	await alice.getByRole('textbox', { name: 'code' }).fill('hello');
	await alice.getByRole('button', { name: 'Set' }).click();
	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(alice.locator('output')).toHaveText('hello');
	await expect(page.getByRole('status').filter({ hasText: 'Recording' })).toContainText(
		'2 commands'
	);
	await page.getByRole('button', { name: 'Stop and edit the lesson' }).click();

	const editor = page.getByRole('region', { name: 'Lesson editor' });
	await expect(editor).toBeVisible();
	await editor.getByRole('textbox', { name: 'Title' }).fill('Alice saves a word');
	await editor
		.getByRole('textbox', { name: 'Narration of step 1' })
		.fill('Alice saves the word hello on the site.');
	await editor.getByRole('textbox', { name: 'Narration of step 2' }).fill('She asks for it back.');
	await editor.getByRole('button', { name: 'Add a prediction to step 2' }).click();
	await editor.getByRole('textbox', { name: 'Question of step 2' }).fill('What comes back?');
	await editor.getByRole('textbox', { name: 'Choice 1 of step 2' }).fill('Nothing');
	await editor.getByRole('textbox', { name: 'Choice 2 of step 2' }).fill('hello');
	await editor.getByRole('combobox', { name: 'Correct choice of step 2' }).selectOption('1');
	await editor
		.getByRole('textbox', { name: 'Explanation of step 2 (shown at the reveal)' })
		.fill('Her cookie brings her session back, and the word with it.');
	await editor
		.getByRole('textbox', { name: 'Teacher note for step 2' })
		.fill('Point at the Cookie header.');
	await editor.getByRole('button', { name: 'Save' }).click();
	await expect(editor.getByRole('status')).toHaveText('Saved "Alice saves a word" in My lessons.');

	await page.getByRole('link', { name: 'My lessons' }).first().click();
	await expect(page.getByRole('heading', { name: 'My lessons', level: 1 })).toBeVisible();
	await page.getByRole('link', { name: 'Play Alice saves a word' }).click();
	await expect(page.getByRole('heading', { name: 'Alice saves a word' })).toBeVisible();
	await page.getByRole('button', { name: 'Copy link' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toContain('#shared=');

	// A fresh browser: nothing in its storage.
	const fresh = await browser.newContext();
	const student = await fresh.newPage();
	await student.goto(link);
	await expect(student.getByRole('heading', { name: 'Alice saves a word' })).toBeVisible();
	await expect(student.getByText('This lesson came with a link.')).toBeVisible();
	const narration = student.getByRole('region', { name: 'Narration' });
	const forward = student.getByRole('button', { name: 'Step forward' });
	await forward.click();
	await expect(narration).toContainText('Alice saves the word hello on the site.');
	await forward.click();
	await expect(narration).toContainText('She asks for it back.');
	const prediction = student.getByRole('radiogroup', { name: 'Prediction' });
	await expect(prediction).toContainText('What comes back?');
	await prediction.getByRole('radio', { name: 'hello' }).check();
	await student.getByRole('button', { name: 'Answer' }).click();
	await expect(narration).toContainText('Her cookie brings her session back');
	await expect(
		student.getByRole('region', { name: "Firefox on Alice's laptop" }).locator('output')
	).toHaveText('hello');

	await student.getByRole('button', { name: 'Present' }).click();
	await expect(student.getByRole('button', { name: 'Present' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(narration).toContainText('She asks for it back.');
	await student.screenshot({ path: 'test-results/teacher-lesson-present.png' });

	// Keeping it adds it to this browser's My lessons, without replacing anything.
	await student.getByRole('button', { name: 'Present' }).click();
	await student.getByRole('button', { name: 'Keep in My lessons' }).click();
	await expect(student.getByRole('status').filter({ hasText: 'Kept' })).toBeVisible();
	await fresh.close();
});

test('a shipped challenge says when its goal is met, with hints one at a time', async ({
	page
}) => {
	await page.goto('./lessons');
	await expect(page.getByRole('heading', { name: 'Challenges' })).toBeVisible();
	await page.getByRole('link', { name: 'Survive a server restart' }).click();
	const goal = page.getByRole('region', { name: 'Goal' });
	await expect(goal.getByRole('status')).toHaveText(/^Not yet/);
	await goal.getByRole('button', { name: 'Hint' }).click();
	await expect(goal.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);
	await page.screenshot({ path: 'test-results/challenge.png', fullPage: false });

	// The intended solution, by hand: a store that outlives a restart, log in, restart, ask.
	await page
		.getByRole('region', { name: 'Server settings' })
		.getByRole('combobox', { name: 'Session store' })
		.selectOption('persistent');
	const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
	const go = async (url: string) => {
		await alice.getByRole('textbox', { name: 'Address' }).fill(url);
		await alice.getByRole('button', { name: 'Go' }).click();
	};
	await go('http://myapp.example/login');
	await alice.getByRole('textbox', { name: 'Username' }).fill('alice');
	await alice.getByLabel('Password').fill('wonderland');
	await alice.getByRole('button', { name: 'Log in' }).click();
	await expect(goal.getByRole('status')).toHaveText(/^Not yet/);
	await page.getByRole('button', { name: 'Restart server' }).click();
	await go('http://myapp.example/api/me');
	await expect(goal.getByRole('status')).toHaveText('Goal met! Well done.');
});
