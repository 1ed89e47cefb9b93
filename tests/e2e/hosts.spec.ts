import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startStaticServer, type StaticServer } from './static-server';

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
	let server: StaticServer | undefined;

	test.beforeAll(async () => {
		test.skip(!existsSync(resolve(dir, 'lessons/index.html')), `no folder pages in ${dir}`);
		server = await startStaticServer(FOLDERS_PORT, { SITE_DIR: dir, HOST_STYLE: 'folders' });
	});

	test.afterAll(() => {
		server?.stop();
	});

	test('serves lessons/index.html for /lessons/, and every page works', async ({ page }) => {
		const origin = `http://127.0.0.1:${FOLDERS_PORT}`;
		await expectLessonPages(page, `${origin}/lessons/`, `${origin}/lessons/cookies/`);
		await expect(page).toHaveURL(`${origin}/lessons/cookies`);
	});
});
