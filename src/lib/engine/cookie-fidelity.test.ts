/**
 * The cookie rules browsers follow where the simulation once took shortcuts, each run through
 * the world's commands against the cookie story's two sites: SameSite at storage (RFC 6265bis
 * §5.7), redirects hop by hop (§5.2), Lax by default and Chrome's Lax+POST, schemeful
 * same-site, header-level edge cases and cookie edits.
 */
import { describe, expect, it } from 'vitest';
import {
	APP,
	EVIL,
	seenBy,
	setting,
	simulatedStep,
	simulatedStory,
	type StoryStep
} from '$lib/testing/cookie-story';
import type { BrowserKind } from './browser-kinds';
import { MAX_COOKIE_LIFETIME_MS } from './set-cookie-parser';

const A = `http://${APP}`;
const E = `http://${EVIL}`;
const START = Date.UTC(2026, 10, 25, 9, 0, 0);

async function play(kind: BrowserKind, steps: StoryStep[]) {
	const story = await simulatedStory(kind, START);
	for (const step of steps) await simulatedStep(story, step);
	return story;
}

/** The `Cookie` header of the last request to `path` on `host`. */
function cookieAt(story: Awaited<ReturnType<typeof play>>, host: string, path: string) {
	return seenBy(story.world)
		.filter((seen) => seen.host === host && seen.path === path)
		.at(-1)?.cookie;
}

function stored(story: Awaited<ReturnType<typeof play>>): string[] {
	return story.world
		.cookies('b1')
		.map((cookie) => `${cookie.name}=${cookie.value}`)
		.sort();
}

const LAX_STRICT = setting('lax=1; SameSite=Lax', 'strict=1; SameSite=Strict');

describe('SameSite when storing (RFC 6265bis §5.7)', () => {
	it.each<[string, BrowserKind, StoryStep, string[]]>([
		[
			"a cross-site form POST's response",
			'Firefox',
			{ do: 'cross-site', target: 'form', url: `${A}/login?${LAX_STRICT}` },
			['lax=1', 'strict=1']
		],
		[
			"a cross-site form POST's response",
			'Chrome',
			{ do: 'cross-site', target: 'form', url: `${A}/login?${LAX_STRICT}` },
			['lax=1', 'strict=1']
		],
		[
			"a cross-site link's response",
			'Chrome',
			{ do: 'cross-site', target: 'link', url: `${A}/?${LAX_STRICT}` },
			['lax=1', 'strict=1']
		],
		[
			"a cross-site image's response",
			'Firefox',
			{ do: 'cross-site', target: 'image', url: `${A}/i?${LAX_STRICT}&${setting('plain=1')}` },
			['plain=1']
		],
		[
			"a cross-site image's response (unset is Lax in Chrome)",
			'Chrome',
			{ do: 'cross-site', target: 'image', url: `${A}/i?${LAX_STRICT}&${setting('plain=1')}` },
			[]
		],
		[
			'a typed navigation',
			'Chrome',
			{ do: 'navigate', url: `${A}/?${LAX_STRICT}&${setting('plain=1')}` },
			['lax=1', 'plain=1', 'strict=1']
		]
	])('%s in %s stores %j', async (_, kind, step, expected) => {
		const story = await play(kind, [step]);
		expect(stored(story)).toEqual(expected);
	});

	it("says why a cross-site image's Lax cookie was refused", async () => {
		const story = await play('Chrome', [
			{ do: 'cross-site', target: 'image', url: `${A}/i?${setting('lax=1; SameSite=Lax')}` }
		]);
		const refused = story.world.exchanges().at(-1)!.received[0];
		expect(refused.stored).toBe(false);
		expect(refused.message).toMatch(/cross-site request that was not a top-level navigation/);
	});

	it("lets a forged form's new session cookie replace the visitor's own", async () => {
		const story = await play('Chrome', [
			{ do: 'navigate', url: `${A}/?${setting('sid=alice; SameSite=Lax')}` },
			{ do: 'cross-site', target: 'form', url: `${A}/api?${setting('sid=pwned; SameSite=Lax')}` }
		]);
		expect(cookieAt(story, APP, '/api')).toBeNull();
		expect(stored(story)).toEqual(['sid=pwned']);
	});
});

describe('SameSite when sending, hop by hop (RFC 6265bis §5.2)', () => {
	const evilCookies: StoryStep = { do: 'navigate', url: `${E}/?${LAX_STRICT}` };
	const redirect = (to: string) => `${A}/go?to=${encodeURIComponent(to)}`;
	it.each<[string, StoryStep[], string, string | null]>([
		[
			'a same-site script request redirected to the other site',
			[
				evilCookies,
				{ do: 'navigate', url: `${A}/` },
				{ do: 'script-fetch', url: redirect(`${E}/x`) }
			],
			'/x',
			null
		],
		[
			'a same-site form POST redirected to the other site (a top-level GET there)',
			[
				evilCookies,
				{ do: 'navigate', url: `${A}/` },
				{ do: 'submit-form', url: redirect(`${E}/x`) }
			],
			'/x',
			'lax=1'
		],
		[
			'a typed URL redirected to the other site',
			[evilCookies, { do: 'navigate', url: redirect(`${E}/x`) }],
			'/x',
			'lax=1; strict=1'
		],
		[
			'a form on the site posting to the other site',
			[evilCookies, { do: 'navigate', url: `${A}/` }, { do: 'submit-form', url: `${E}/x` }],
			'/x',
			null
		]
	])('%s', async (_, steps, path, expected) => {
		const story = await play('Chrome', steps);
		expect(cookieAt(story, EVIL, path)).toBe(expected);
	});
});

describe('Lax by default and Lax+POST (Chrome only)', () => {
	const plain: StoryStep = { do: 'navigate', url: `${A}/?${setting('plain=1')}` };
	const post: StoryStep = { do: 'cross-site', target: 'form', url: `${A}/post` };
	it.each<[BrowserKind, number, string | null]>([
		['Chrome', 0, 'plain=1'],
		['Chrome', 119_000, 'plain=1'],
		['Chrome', 121_000, null],
		['Firefox', 121_000, 'plain=1'],
		['Safari', 0, 'plain=1']
	])('%s, cross-site POST %i ms after the cookie was set → %s', async (kind, wait, expected) => {
		const story = await play(kind, [plain, { do: 'advance', milliseconds: wait }, post]);
		expect(cookieAt(story, APP, '/post')).toBe(expected);
	});

	it('names the exception as temporary and Chrome-only where it applies', async () => {
		const story = await play('Chrome', [plain, post]);
		const decision = story.world.exchanges().at(-1)!.decisions[0];
		expect(decision.explanation).toMatch(/Chrome's temporary Lax\+POST exception \(Chrome only\)/);
	});
});

describe('schemeful same-site', () => {
	it.each<[BrowserKind, string | null]>([
		['Chrome', null],
		['Firefox', 'strict=1'],
		['Safari', 'strict=1']
	])('%s: a script on http://%s sending to https://%s', async (kind, expected) => {
		const story = await play(kind, [
			{ do: 'navigate', url: `https://${APP}/?${setting('strict=1; SameSite=Strict; Secure')}` },
			{ do: 'navigate', url: `${A}/` },
			{ do: 'script-fetch', url: `https://${APP}/api` }
		]);
		expect(cookieAt(story, APP, '/api')).toBe(expected);
	});
});

describe('header-level edge cases', () => {
	it.each<[string, string, string[]]>([
		['a bare LF ends the header line', 'a=1\nb=2', ['a=1']],
		['CR LF ends it too', 'a=1\r\nb=2', ['a=1']],
		['a line after the LF can be a header of its own', 'a=1\nSet-Cookie: b=2', ['a=1', 'b=2']],
		['a folded line continues the value', 'a=1\n ; Path=/', ['a=1']]
	])('%s', async (_, header, expected) => {
		const story = await play('Firefox', [{ do: 'navigate', url: `${A}/?${setting(header)}` }]);
		expect(stored(story)).toEqual(expected);
	});

	it.each<[string, string, number | null | 'deleted']>([
		['hugely positive Max-Age', `a=1; Max-Age=${'9'.repeat(400)}`, START + MAX_COOKIE_LIFETIME_MS],
		['hugely negative Max-Age', `a=1; Max-Age=-${'9'.repeat(400)}`, 'deleted'],
		['Max-Age past the cap', 'a=1; Max-Age=99999999999', START + MAX_COOKIE_LIFETIME_MS]
	])('%s', async (_, header, expected) => {
		const story = await play('Firefox', [
			{ do: 'navigate', url: `${A}/?${setting('a=0; Max-Age=60')}` },
			{ do: 'navigate', url: `${A}/?${setting(header)}` }
		]);
		const cookie = story.world.cookies('b1').find((c) => c.name === 'a');
		if (expected === 'deleted') expect(cookie).toBeUndefined();
		else expect(cookie?.expires).toBeCloseTo(expected as number, -4);
	});
});
