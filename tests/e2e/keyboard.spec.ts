import { expect, test, type Locator, type Page } from '@playwright/test';

const PROGRESS = /^(Introduction · \d+ steps|Step \d+ of \d+)$/;

/** Presses Tab until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 60) {
	for (let i = 0; i < limit; i++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}

/** Tabs into the prediction's radio group; focus lands on one of its radios. */
async function tabIntoPrediction(page: Page) {
	const group = page.getByRole('radiogroup', { name: 'Prediction' });
	await expect(group).toBeVisible();
	for (let i = 0; i < 60; i++) {
		const inside = await group.evaluate((element) => element.contains(document.activeElement));
		if (inside) return group;
		await page.keyboard.press('Tab');
	}
	throw new Error('Tab never reached the prediction.');
}

test('a whole lesson by keyboard alone', async ({ page }) => {
	test.slow();
	await page.goto('./lessons/no-memory');
	const narration = page.getByRole('region', { name: 'Narration' });
	const progress = narration.getByText(PROGRESS);
	await expect(progress).toHaveText('Introduction · 6 steps');

	// Tab to "Step forward" and press it with Enter, then with Space.
	const forward = page.getByRole('button', { name: 'Step forward' });
	await tabTo(page, forward);
	await page.keyboard.press('Enter');
	await expect(progress).toHaveText('Step 1 of 6');

	// ? opens the keyboard help; Escape closes it and gives focus back.
	await page.keyboard.press('?');
	const help = page.getByRole('dialog', { name: 'Keyboard' });
	await expect(help).toBeVisible();
	await expect(help).toContainText('Step forward');
	await page.keyboard.press('Escape');
	await expect(help).toBeHidden();

	// → asks the prediction of step 2; ↑/↓ choose, Tab reaches "Answer", Enter sends it.
	await page.keyboard.press('ArrowRight');
	const group = await tabIntoPrediction(page);
	const radios = group.getByRole('radio');
	await expect(radios.first()).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(radios.nth(1)).toBeChecked();
	await expect(radios.nth(1)).toBeFocused();
	// ← and → inside the choices move between choices; they neither step nor withdraw it.
	await page.keyboard.press('ArrowLeft');
	await expect(group).toBeVisible();
	await expect(radios.first()).toBeChecked();
	await page.keyboard.press('ArrowRight');
	await expect(radios.nth(1)).toBeChecked();
	// The question is asked under the step it is about.
	await expect(progress).toHaveText('Step 2 of 6');
	const answer = page.getByRole('button', { name: 'Answer' });
	await tabTo(page, answer, 5);
	await page.keyboard.press('Enter');
	await expect(progress).toHaveText('Step 2 of 6');
	await expect(narration).toContainText('Right.');

	// → steps forward, ← steps back, from wherever focus is outside a text field.
	await page.keyboard.press('ArrowRight');
	await expect(progress).toHaveText('Step 3 of 6');
	await page.keyboard.press('ArrowLeft');
	await expect(progress).toHaveText('Step 2 of 6');
	await page.keyboard.press('ArrowRight');
	await expect(progress).toHaveText('Step 3 of 6');

	// Step 4's prediction: Space checks a choice, Space presses "Answer".
	await page.keyboard.press('ArrowRight');
	const second = await tabIntoPrediction(page);
	await expect(second.getByRole('radio').first()).toBeFocused();
	await expect(second.getByRole('radio').first()).not.toBeChecked();
	await page.keyboard.press(' ');
	await expect(second.getByRole('radio').first()).toBeChecked();
	await tabTo(page, page.getByRole('button', { name: 'Answer' }), 5);
	await page.keyboard.press(' ');
	await expect(progress).toHaveText('Step 4 of 6');
	await expect(narration).toContainText('Not quite:');

	// Space plays (which runs the next step at once) and pauses, when focus is on no control.
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press(' ');
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
	await page.keyboard.press(' ');
	await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
	await expect(progress).toHaveText('Step 5 of 6');

	// To the end with →.
	await page.keyboard.press('ArrowRight');
	await expect(narration.getByText('End of the lesson.')).toBeVisible();
	await expect(progress).toHaveText('Step 6 of 6');

	// "Reset lesson", reached by Tab and pressed with Space.
	await tabTo(page, page.getByRole('button', { name: 'Reset lesson' }));
	await page.keyboard.press(' ');
	await expect(progress).toHaveText('Introduction · 6 steps');
});

test('shortcuts never fire while typing in a text field', async ({ page }) => {
	await page.goto('./lessons/save-value');
	const narration = page.getByRole('region', { name: 'Narration' });
	const progress = narration.getByText(PROGRESS);
	await expect(progress).toHaveText('Introduction · 8 steps');
	const code = page
		.getByRole('region', { name: "Firefox on Alice's laptop" })
		.getByRole('textbox', { name: 'code' });
	await code.click();
	await page.keyboard.type('a ?b');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press(' ');
	await expect(code).toHaveValue('a ?b ');
	await expect(progress).toHaveText('Introduction · 8 steps');
	await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

	const curl = page.getByRole('textbox', { name: 'curl' });
	await curl.click();
	await page.keyboard.type('curl ?x');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('ArrowRight');
	await expect(curl).toHaveValue('curl ?x');
	await expect(progress).toHaveText('Introduction · 8 steps');
	await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeHidden();

	// Outside the field, the same key steps the lesson.
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press('ArrowRight');
	await expect(progress).toHaveText('Step 1 of 8');
});

/** Records, from now on, whether a world-map packet is ever drawn. */
async function watchPackets(page: Page) {
	await page.evaluate(() => {
		const w = window as unknown as { packetSeen: boolean; packetObserver?: MutationObserver };
		w.packetSeen = false;
		w.packetObserver?.disconnect();
		w.packetObserver = new MutationObserver(() => {
			if (document.querySelector('svg g.packet')) w.packetSeen = true;
		});
		w.packetObserver.observe(document.body, {
			subtree: true,
			childList: true,
			attributes: true
		});
	});
}

const packetSeen = (page: Page) =>
	page.evaluate(() => (window as unknown as { packetSeen: boolean }).packetSeen);

test.describe('motion', () => {
	test('with reduced motion the world map moves nothing', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('./sandbox');
		const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
		await expect(alice).toBeVisible();
		await page.getByRole('tab', { name: 'World map' }).click();
		await expect(page.getByRole('group', { name: /^World map/ })).toBeVisible();
		await watchPackets(page);
		await alice.getByRole('textbox', { name: 'code' }).fill('still');
		await alice.getByRole('button', { name: 'Set' }).click();
		await alice.getByRole('button', { name: 'Get' }).click();
		await expect(alice.locator('output')).toHaveText('still');
		await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('GET /api/code');
		// Give a would-be animation a few frames to start.
		await page.evaluate(
			() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
		);
		expect(await packetSeen(page)).toBe(false);
		await expect(page.locator('svg g.packet')).toHaveCount(0);
		expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
	});

	test('without reduced motion a packet travels, then goes', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'no-preference' });
		await page.goto('./sandbox');
		const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
		await page.getByRole('tab', { name: 'World map' }).click();
		await expect(page.getByRole('group', { name: /^World map/ })).toBeVisible();
		await watchPackets(page);
		await alice.getByRole('button', { name: 'Get' }).click();
		await expect(alice.locator('output')).toHaveText('null');
		await expect.poll(() => packetSeen(page)).toBe(true);
		await expect(page.locator('svg g.packet')).toHaveCount(0);
	});
});

test('each exchange is announced in a polite live region', async ({ page }) => {
	await page.goto('./sandbox');
	const alice = page.getByRole('region', { name: "Firefox on Alice's laptop" });
	await expect(alice).toBeVisible();
	const announcer = page.getByTestId('announcer');
	await expect(announcer).toHaveAttribute('aria-live', 'polite');
	const before = (await announcer.textContent()) ?? '';
	await alice.getByRole('textbox', { name: 'code' }).fill('heard');
	await alice.getByRole('button', { name: 'Set' }).click();
	await expect(announcer).not.toHaveText(before);
	await expect(announcer).toContainText("Firefox on Alice's laptop: POST /api/code, 200 OK");
	await expect(announcer).toContainText('session S1');
	await alice.getByRole('button', { name: 'Get' }).click();
	await expect(announcer).toContainText('GET /api/code');
});

test('lesson steps are announced through the polite narration', async ({ page }) => {
	await page.goto('./lessons/cookies');
	const narration = page.getByRole('region', { name: 'Narration' });
	await expect(narration).toHaveAttribute('aria-live', 'polite');
	await page.getByRole('button', { name: 'Step forward' }).click();
	await expect(narration).toContainText('Step 1 of 7');
	const announcer = page.getByTestId('announcer');
	await expect(announcer).toHaveAttribute('aria-live', 'polite');
	await expect(announcer).toContainText('GET /');
});
