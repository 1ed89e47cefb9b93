import { expect, test, type Page } from '@playwright/test';
import { lessonView, noMemoryEnd, playThrough, type LessonCase } from './lesson-helpers';

const ALICE_FIREFOX = "Firefox on Alice's laptop";

const LESSONS: LessonCase[] = [
	{
		slug: 'no-memory',
		steps: 6,
		predictions: 'answer',
		at: {
			3: async (v) => {
				await expect(v.response).toContainText('Set-Cookie: dancer.session=');
			},
			4: async (v) => {
				await expect(v.request).not.toContainText('Cookie:');
				await expect(v.response).toContainText('{"result":null}');
			}
		},
		end: noMemoryEnd
	},
	{
		slug: 'ip-not-person',
		steps: 8,
		predictions: 'skip',
		end: async (v, page) => {
			const office = page.getByRole('region', { name: /^Office NAT · / });
			const officeIp = (await office.getAttribute('aria-label'))!.split(' · ')[1];
			const rows = (await v.sessions()).locator('tbody tr');
			await expect(rows).toHaveCount(3);
			await expect(rows.filter({ hasText: officeIp })).toHaveCount(2);
			await expect(v.output("Chrome on Carol's desktop")).toHaveText('Carol: call the bank');
			await expect(v.output(ALICE_FIREFOX)).toHaveText('Alice: buy a train ticket');
			await expect(v.response).toContainText('{"result":"Alice: buy a train ticket"}');
		}
	},
	{
		slug: 'cookies',
		steps: 7,
		predictions: 'answer',
		at: {
			3: async (v) => {
				await expect(v.response).toContainText(
					/Set-Cookie: dancer\.session=\S+; Path=\/; HttpOnly/
				);
			},
			4: async (v) => {
				await expect(v.request).toContainText('Cookie: dancer.session=');
				await expect(v.response).toContainText('{"result":"abc"}');
				await expect(v.output(ALICE_FIREFOX)).toHaveText('abc');
			},
			6: async (v) => {
				await expect(v.request).not.toContainText('Cookie:');
				await expect(v.output("Chrome on Bob's phone")).toHaveText('null');
			}
		},
		end: async (v) => {
			await expect(v.jar(ALICE_FIREFOX)).toContainText('dancer.session');
			await expect(v.jar(ALICE_FIREFOX)).toContainText('HttpOnly');
			await expect((await v.sessions()).locator('tbody tr')).toHaveCount(2);
		}
	},
	{
		slug: 'split-identity',
		steps: 6,
		predictions: 'skip',
		at: {
			3: async (v) => {
				await expect(v.inspector).toContainText('split identity');
			}
		},
		end: async (v) => {
			await expect(v.output(ALICE_FIREFOX)).toHaveText('milk, eggs');
			await expect((await v.sessions()).locator('tbody tr')).toHaveCount(3);
			await expect(await v.grid()).toContainText('split identity');
		}
	},
	{
		slug: 'save-value',
		steps: 8,
		predictions: 'answer',
		at: {
			3: async (v) => {
				await expect(v.output(ALICE_FIREFOX)).toHaveText('abc');
			},
			6: async (v) => {
				await expect(v.request).toContainText('User-Agent: curl/');
				await expect(v.response).toContainText('{"result":null}');
			},
			7: async (v) => {
				await expect(v.request).toContainText('Cookie: dancer.session=');
				await expect(v.response).toContainText('{"result":"qwerty"}');
			}
		},
		end: async (v) => {
			await expect(v.request).toContainText('User-Agent: curl/');
			await expect(v.response).toContainText('{"result":"abc"}');
			await expect(v.inspector).toContainText('own session, other client');
			await expect(await v.grid()).toContainText('own session, other client');
		}
	},
	{
		slug: 'login',
		steps: 7,
		predictions: 'skip',
		at: {
			1: async (v) => {
				await expect(v.inspector).toContainText('401 Unauthorized');
			},
			3: async (v) => {
				await expect(v.response).toContainText('{"user":"alice"}');
			},
			4: async (v) => {
				await expect(v.response).toContainText('{"user":null}');
			},
			6: async (v) => {
				await expect(v.response).toContainText('{"user":null}');
			}
		},
		end: async (v) => {
			const sessions = await v.sessions();
			await expect(sessions.locator('tbody tr')).toHaveCount(1);
			await expect(sessions).toContainText('bob');
			// Logging out expired the session cookie, so the jar no longer holds it.
			await expect(
				v.browser(ALICE_FIREFOX).getByRole('cell', { name: 'dancer.session' })
			).toHaveCount(0);
		}
	},
	{
		slug: 'internet-cafe',
		steps: 10,
		predictions: 'answer',
		at: {
			3: async (v) => {
				await expect(v.inspector).toContainText(
					'shared computer: Bob is at the browser, but the server takes it for Alice'
				);
				await expect(await v.grid()).toContainText('shared computer');
			}
		},
		end: async (v) => {
			const sessions = await v.sessions();
			await expect(sessions.locator('tbody tr')).toHaveCount(0);
			await expect(v.request).toContainText('GET /login');
		}
	},
	{
		slug: 'stolen-cookie',
		steps: 8,
		predictions: 'skip',
		at: {
			4: async (v) => {
				await expect(v.output("Chrome on Mallory's laptop")).toHaveText('PIN 4321');
				await expect(v.inspector).toContainText(
					"hijack: Mallory presents Alice's session S1 from another browser"
				);
				await expect(await v.grid()).toContainText('hijack');
				await expect(await v.sequence()).toContainText('hijack');
			}
		},
		end: async (v) => {
			await expect(v.output("Chrome on Mallory's laptop")).toHaveText('null');
			await expect(v.inspector).toContainText('https, encrypted');
			await expect(v.inspector).toContainText('session rejected');
			await expect(v.response).toContainText('{"result":null}');
			await expect(v.inspector).toContainText('Belief matches the truth.');
			await expect(v.jar(ALICE_FIREFOX)).toContainText('Secure');
		}
	},
	{
		slug: 'httponly',
		steps: 7,
		predictions: 'answer',
		at: {
			4: async (v) => {
				await expect(v.inspector).toContainText('hijack');
			}
		},
		end: async (v) => {
			await expect(v.output("Chrome on Mallory's laptop")).toHaveText('null');
			await expect(v.response).toContainText('{"result":null}');
			await expect(v.jar(ALICE_FIREFOX)).toContainText('HttpOnly');
		}
	},
	{
		slug: 'server-restart',
		steps: 8,
		predictions: 'skip',
		at: {
			4: async (v) => {
				await expect(v.response).toContainText('{"visits":1}');
			}
		},
		end: async (v) => {
			await expect(v.response).toContainText('{"visits":3}');
			await expect((await v.sessions()).locator('tbody tr')).toHaveCount(1);
		}
	},
	{
		slug: 'cookie-consent',
		steps: 7,
		predictions: 'answer',
		at: {
			2: async (v) => {
				await expect(v.response).toContainText('Set-Cookie: dancer.session=');
			},
			3: async (v) => {
				await expect(v.response).toContainText('Set-Cookie: consent=rejected');
			}
		},
		end: async (v) => {
			const jar = v.jar(ALICE_FIREFOX);
			await expect(jar).toContainText('dancer.session');
			await expect(jar).toContainText('consent');
			await expect(jar).toContainText('rejected');
			await expect(jar).not.toContainText('analytics_id');
			await expect(jar).not.toContainText('theme');
			await expect(v.response).toContainText('{"result":"hello"}');
		}
	},
	{
		slug: 'session-fixation',
		steps: 10,
		predictions: 'skip',
		at: {
			4: async (v) => {
				await expect(v.response).toContainText('{"user":"alice"}');
			},
			7: async (v) => {
				await expect(v.response).toContainText('{"user":null}');
			}
		},
		end: async (v) => {
			await expect(v.request).toContainText('Cookie: dancer.session=1000');
			await expect(v.response).toContainText('{"user":"bob"}');
			await expect(v.inspector).toContainText("hijack: Mallory presents Bob's session");
		}
	},
	{
		slug: 'load-balancer',
		steps: 7,
		predictions: 'answer',
		at: {
			2: async (v) => {
				await expect(v.output(ALICE_FIREFOX)).toHaveText('null');
			}
		},
		end: async (v) => {
			await expect(v.output(ALICE_FIREFOX)).toHaveText('my note');
			await expect(v.request).toContainText('lb=app1');
			await expect(v.jar(ALICE_FIREFOX)).toContainText('lb');
		}
	},
	{
		slug: 'csrf-samesite',
		steps: 12,
		predictions: 'skip',
		at: {
			3: async (v) => {
				await expect(v.output(ALICE_FIREFOX)).toHaveText('pwned');
			},
			6: async (v) => {
				// Her cookie stayed home, yet the forged form's new session replaced hers.
				await expect(v.output("Chrome on Alice's laptop")).toHaveText('pwned');
			},
			8: async (v) => {
				await expect(v.output(ALICE_FIREFOX)).toHaveText('pwned');
			},
			9: async (v) => {
				await expect(v.output(ALICE_FIREFOX)).toHaveText('my notes');
			}
		},
		end: async (v) => {
			await expect(v.request).toContainText('Cookie: dancer.session=');
			await expect(v.response).toContainText('403');
			await expect(v.jar(ALICE_FIREFOX)).toContainText(/SameSite=None/i);
		}
	}
];

async function openLesson(page: Page, slug: string, fragment = '') {
	await page.goto(`./lessons/${slug}${fragment}`);
	await expect(lessonView(page).progress).toBeVisible();
}

test.describe('every lesson plays to its key outcome', () => {
	for (const lesson of LESSONS) {
		// The shortest lesson also runs under the sub-path.
		const tag = lesson.slug === 'no-memory' ? ' @base' : '';
		test(`${lesson.slug} (${lesson.predictions} the predictions)${tag}`, async ({ page }) => {
			test.slow();
			await openLesson(page, lesson.slug);
			const v = lessonView(page);
			await expect(v.progress).toHaveText(`Introduction · ${lesson.steps} steps`);
			await playThrough(page, lesson);
			await lesson.end(v, page);
		});
	}
});

test.describe('lesson controls', () => {
	test('"Step back" goes to the step before, and "Reset lesson" to the introduction', async ({
		page
	}) => {
		await openLesson(page, 'cookies');
		const v = lessonView(page);
		const forward = page.getByRole('button', { name: 'Step forward' });
		const back = page.getByRole('button', { name: 'Step back' });
		await expect(back).toBeDisabled();
		for (let step = 1; step <= 3; step++) {
			await forward.click();
			await expect(v.progress).toHaveText(`Step ${step} of 7`);
		}
		await expect(v.output(ALICE_FIREFOX)).toHaveText('set');
		await back.click();
		await expect(v.progress).toHaveText('Step 2 of 7');
		await expect(v.output(ALICE_FIREFOX)).toHaveText('null');
		await expect(page).toHaveURL(/#step=2$/);
		await page.getByRole('button', { name: 'Reset lesson' }).click();
		await expect(v.progress).toHaveText('Introduction · 7 steps');
		await expect(v.narration).toContainText('Press “Step forward” or Play to begin.');
		await expect(v.inspector).toContainText('No exchange yet.');
		await expect(back).toBeDisabled();
	});

	test('"Step back" while a prediction waits withdraws the prediction', async ({ page }) => {
		await openLesson(page, 'no-memory');
		const v = lessonView(page);
		await page.getByRole('button', { name: 'Step forward' }).click();
		await expect(v.progress).toHaveText('Step 1 of 6');
		await page.getByRole('button', { name: 'Step forward' }).click();
		const prediction = page.getByRole('radiogroup', { name: 'Prediction' });
		await expect(prediction).toBeVisible();
		await page.getByRole('button', { name: 'Step back' }).click();
		await expect(prediction).toBeHidden();
		await expect(v.progress).toHaveText('Step 1 of 6');
	});

	test('a lesson URL with #step=3 reopens at step 3, also after a reload', async ({ page }) => {
		await openLesson(page, 'save-value', '#step=3');
		const v = lessonView(page);
		await expect(v.progress).toHaveText('Step 3 of 8');
		await expect(v.output(ALICE_FIREFOX)).toHaveText('abc');
		await page.reload();
		await expect(v.progress).toHaveText('Step 3 of 8');
		await expect(v.narration).toContainText('She presses Get.');
		await expect(v.response).toContainText('{"result":"abc"}');
	});

	test('stepping forward writes the step into the URL, and a reload keeps it', async ({ page }) => {
		await openLesson(page, 'split-identity');
		const v = lessonView(page);
		await page.getByRole('button', { name: 'Step forward' }).click();
		await expect(v.progress).toHaveText('Step 1 of 6');
		await expect(page).toHaveURL(/#step=1$/);
		await page.reload();
		await expect(v.progress).toHaveText('Step 1 of 6');
	});

	test('"Open in sandbox" carries the world over', async ({ page }) => {
		await openLesson(page, 'stolen-cookie', '#step=4');
		const v = lessonView(page);
		await expect(v.progress).toHaveText('Step 4 of 8');
		await page.getByRole('button', { name: 'Open in sandbox' }).click();
		await expect(page).toHaveURL(/\/sandbox$/);
		await expect(
			page.getByText(/Carried over from the lesson “A stolen cookie on open Wi-Fi”/)
		).toBeVisible();
		const alice = page.getByRole('region', { name: ALICE_FIREFOX });
		const mallory = page.getByRole('region', { name: "Chrome on Mallory's laptop" });
		await expect(alice).toBeVisible();
		await expect(mallory).toBeVisible();
		await expect(page.getByRole('region', { name: "Chrome on Bob's phone" })).toHaveCount(0);
		await expect(page.getByRole('region', { name: /^Cafe Wi-Fi · / })).toBeVisible();
		// The state goes on: Mallory still holds Alice's code and is taken for her.
		await expect(mallory.locator('output')).toHaveText('PIN 4321');
		await mallory.getByRole('button', { name: 'Get' }).click();
		await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('hijack');
		await expect(
			page.getByRole('table', { name: 'Server sessions' }).locator('tbody tr')
		).toHaveCount(1);
	});

	test('Play runs the lesson until a prediction holds it', async ({ page }) => {
		await openLesson(page, 'no-memory');
		const v = lessonView(page);
		await page.getByRole('button', { name: 'Play' }).click();
		await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
		await expect(v.progress).toHaveText('Step 1 of 6');
		await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
		await expect(page.getByRole('radiogroup', { name: 'Prediction' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
		// The question waits under the narration of the step it is about.
		await expect(v.progress).toHaveText('Step 2 of 6');
	});
});
