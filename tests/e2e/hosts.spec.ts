import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The build writes each page twice, `lessons.html` and `lessons/index.html`, so it works on
 * hosts that serve clean URLs from `x.html` and on hosts that serve only folder indexes.
 */
const dir = process.env.E2E_BUILD_DIR ?? 'build-e2e';
const FOLDERS_PORT = 4185;

async function expectLessonPages(page: Page, lessons: string, lesson: string): Promise<void> {
	await page.goto(lessons);
	await expect(page.getByRole('heading', { name: 'Lessons', level: 1 })).toBeVisible();
	await page.goto(lesson);
	await expect(page.getByRole('heading', { name: 'A code in a cookie', level: 1 })).toBeVisible();
	await expect(page.getByRole('region', { name: "Firefox on Alice's laptop" })).toBeVisible();
}

test('a host that serves lessons.html for /lessons shows every page', async ({ page }) => {
	await expectLessonPages(page, './lessons', './lessons/cookies');
});

test.describe('a host that serves only folder indexes', () => {
	let server: ChildProcess | undefined;

	test.beforeAll(async () => {
		test.skip(!existsSync(resolve(dir, 'lessons/index.html')), `no folder pages in ${dir}`);
		server = spawn(process.execPath, ['scripts/serve.js'], {
			env: {
				...process.env,
				SITE_DIR: dir,
				BASE_PATH: '',
				PORT: String(FOLDERS_PORT),
				HOST_STYLE: 'folders'
			},
			stdio: 'ignore'
		});
		for (let attempt = 0; attempt < 100; attempt++) {
			const up = await fetch(`http://127.0.0.1:${FOLDERS_PORT}/`).then(
				(response) => response.ok,
				() => false
			);
			if (up) return;
			await new Promise((done) => setTimeout(done, 100));
		}
		throw new Error('The folder-style server did not start.');
	});

	test.afterAll(() => {
		server?.kill();
	});

	test('serves lessons/index.html for /lessons/, and every page works', async ({ page }) => {
		const origin = `http://127.0.0.1:${FOLDERS_PORT}`;
		await expectLessonPages(page, `${origin}/lessons/`, `${origin}/lessons/cookies/`);
		await expect(page).toHaveURL(`${origin}/lessons/cookies`);
	});
});
