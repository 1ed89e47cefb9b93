/**
 * The SameSite oracle: each story runs in real Chromium against two local sites
 * (myapp.example and evil.example, mapped to two Node servers on free ports) and through the
 * world's commands with a simulated Chrome, against the same request handler. Both must store
 * the same cookies and send the same `Cookie` headers, and both must show the rule the lessons
 * teach (RFC 6265bis §5.2, §5.7, §5.8.3).
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import {
	seenBy,
	setting,
	simulatedStep,
	simulatedStory,
	type StoryStep
} from '../../src/lib/testing/cookie-story';
import { APP, EVIL, startSite, type SeenRequest, type StorySite } from './oracle/story-sites';

const A = `http://${APP}`;
const E = `http://${EVIL}`;

let app: StorySite;
let evil: StorySite;
let browser: Browser;

test.beforeAll(async () => {
	app = await startSite(APP);
	evil = await startSite(EVIL);
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			`--host-resolver-rules=MAP ${APP} 127.0.0.1:${app.port}, MAP ${EVIL} 127.0.0.1:${evil.port}`
		]
	});
});

test.afterAll(async () => {
	await browser?.close();
	await app?.close();
	await evil?.close();
});

/** Everything both servers received, in order, without the browser's own favicon requests. */
function allSeen(): SeenRequest[] {
	return [...app.seen, ...evil.seen];
}

/** Waits until the two servers together have seen `count` requests (favicons aside). */
async function settle(count: number): Promise<void> {
	const real = () => allSeen().filter((seen) => seen.path !== '/favicon.ico').length;
	await expect.poll(real).toBeGreaterThanOrEqual(count);
}

/** Runs one step in real Chromium. */
async function realStep(page: Page, step: StoryStep): Promise<void> {
	const before = allSeen().filter((seen) => seen.path !== '/favicon.ico').length;
	if (step.do === 'navigate') {
		await page.goto(step.url);
		return;
	}
	if (step.do === 'advance') throw new Error('Real time cannot be advanced in this test.');
	if (step.do === 'script-fetch') {
		await page.evaluate(
			(url) => fetch(url, { mode: 'no-cors', credentials: 'include' }).catch(() => null),
			step.url
		);
		await settle(before + 1);
		return;
	}
	if (step.do === 'submit-form') {
		await page.evaluate((action) => {
			const form = document.createElement('form');
			form.method = 'post';
			form.action = action;
			document.body.append(form);
			form.submit();
		}, step.url);
		await settle(before + 1);
		await page.waitForLoadState();
		return;
	}
	const parameter = { form: 'form', image: 'img', link: 'link' }[step.target];
	await page.goto(`${E}/?${parameter}=${encodeURIComponent(step.url)}`);
	if (step.target === 'link') await page.getByRole('link', { name: 'Follow' }).click();
	await settle(before + 2);
	await page.waitForLoadState();
}

/** The cookies a jar holds, as `name@domain`, sorted. */
function names(cookies: Array<{ name: string; domain: string }>): string[] {
	return cookies.map((c) => `${c.name}@${c.domain.replace(/^\./, '')}`).sort();
}

/** Runs a story in both browsers and checks that they agree; returns what both did. */
async function runStory(steps: StoryStep[]) {
	app.seen.length = 0;
	evil.seen.length = 0;
	const context = await browser.newContext();
	const page = await context.newPage();
	for (const step of steps) await realStep(page, step);
	const realCookies = names(await context.cookies());
	const realSeen = allSeen().filter((seen) => seen.path !== '/favicon.ico');
	await context.close();

	const story = await simulatedStory('Chrome', Date.now());
	for (const step of steps) await simulatedStep(story, step);
	const simulatedCookies = names(story.world.cookies('b1'));
	const simulatedSeen = seenBy(story.world);

	// The real servers log in arrival order per site; compare each site's own sequence.
	for (const host of [APP, EVIL]) {
		expect(
			simulatedSeen.filter((seen) => seen.host === host),
			`requests to ${host}`
		).toEqual(realSeen.filter((seen) => seen.host === host));
	}
	expect(simulatedCookies, 'cookies stored').toEqual(realCookies);
	return { cookies: realCookies, seen: realSeen };
}

/** The Cookie header of the last request to `path` on `host`. */
function cookieAt(seen: SeenRequest[], host: string, path: string): string | null | undefined {
	return seen.filter((request) => request.host === host && request.path === path).at(-1)?.cookie;
}

test.describe('SameSite in real Chromium and in the simulated Chrome', () => {
	test("a cross-site form POST's response sets Lax and Strict cookies", async () => {
		const url = `${A}/login?${setting('lax=1; SameSite=Lax', 'strict=1; SameSite=Strict')}`;
		const { cookies } = await runStory([{ do: 'cross-site', target: 'form', url }]);
		expect(cookies).toEqual([`lax@${APP}`, `strict@${APP}`]);
	});

	test("a cross-site form POST's new Lax session cookie replaces the visitor's own", async () => {
		const { seen } = await runStory([
			{ do: 'navigate', url: `${A}/?${setting('sid=alice; SameSite=Lax')}` },
			{ do: 'cross-site', target: 'form', url: `${A}/api?${setting('sid=pwned; SameSite=Lax')}` },
			{ do: 'navigate', url: `${A}/echo` }
		]);
		expect(cookieAt(seen, APP, '/api')).toBeNull();
		expect(cookieAt(seen, APP, '/echo')).toBe('sid=pwned');
	});

	test('a Lax cookie stays home on a cross-site POST and goes on a cross-site link', async () => {
		const { seen } = await runStory([
			{ do: 'navigate', url: `${A}/?${setting('lax=1; SameSite=Lax')}` },
			{ do: 'cross-site', target: 'form', url: `${A}/post` },
			{ do: 'cross-site', target: 'link', url: `${A}/link` }
		]);
		expect(cookieAt(seen, APP, '/post')).toBeNull();
		expect(cookieAt(seen, APP, '/link')).toBe('lax=1');
	});

	test('a Strict cookie stays home on a cross-site navigation', async () => {
		const { seen } = await runStory([
			{
				do: 'navigate',
				url: `${A}/?${setting('strict=1; SameSite=Strict', 'lax=1; SameSite=Lax')}`
			},
			{ do: 'cross-site', target: 'link', url: `${A}/link` }
		]);
		expect(cookieAt(seen, APP, '/link')).toBe('lax=1');
	});

	test('a same-site request redirected to the other site leaves its Lax and Strict cookies home', async () => {
		const { seen } = await runStory([
			{
				do: 'navigate',
				url: `${E}/?${setting('lax=e; SameSite=Lax', 'strict=e; SameSite=Strict')}`
			},
			{ do: 'navigate', url: `${A}/` },
			{ do: 'script-fetch', url: `${A}/go?to=${encodeURIComponent(`${E}/fetched`)}` },
			{ do: 'submit-form', url: `${A}/go?to=${encodeURIComponent(`${E}/followed`)}` }
		]);
		expect(cookieAt(seen, EVIL, '/fetched')).toBeNull();
		expect(cookieAt(seen, EVIL, '/followed')).toBe('lax=e');
	});

	test('a request that leaves the site and comes back is same-site again', async () => {
		const back = `${E}/go?to=${encodeURIComponent(`${A}/back`)}`;
		const { seen } = await runStory([
			{
				do: 'navigate',
				url: `${A}/?${setting('lax=1; SameSite=Lax', 'strict=1; SameSite=Strict')}`
			},
			{ do: 'script-fetch', url: `${A}/go?to=${encodeURIComponent(back)}` }
		]);
		expect(cookieAt(seen, APP, '/back')).toBe('lax=1; strict=1');
	});

	test('a cookie without SameSite is treated as Lax, when sent and when stored', async () => {
		const { seen, cookies } = await runStory([
			{ do: 'navigate', url: `${A}/?${setting('plain=1')}` },
			{ do: 'cross-site', target: 'image', url: `${A}/image?${setting('fromimage=1')}` }
		]);
		expect(cookieAt(seen, APP, '/image')).toBeNull();
		expect(cookies).toEqual([`plain@${APP}`]);
	});

	test("Chrome's temporary Lax+POST exception sends a fresh cookie without SameSite with a cross-site POST", async () => {
		const { seen } = await runStory([
			{ do: 'navigate', url: `${A}/?${setting('plain=1')}` },
			{ do: 'cross-site', target: 'form', url: `${A}/post` }
		]);
		expect(cookieAt(seen, APP, '/post')).toBe('plain=1');
	});

	test('a typed URL that redirects to the other site is same-site at every hop', async () => {
		const { seen } = await runStory([
			{
				do: 'navigate',
				url: `${E}/?${setting('lax=e; SameSite=Lax', 'strict=e; SameSite=Strict')}`
			},
			{ do: 'navigate', url: `${A}/go?to=${encodeURIComponent(`${E}/typed`)}` }
		]);
		expect(cookieAt(seen, EVIL, '/typed')).toBe('lax=e; strict=e');
	});
});
