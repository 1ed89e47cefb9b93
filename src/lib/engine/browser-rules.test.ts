/**
 * Pinned cookie rules, run through the world's commands: a browser of a pinned kind follows the
 * pin, not its kind's rules of today (RFC 6265bis §5.7 leaves both rules to the user agent).
 */
import { describe, expect, it } from 'vitest';
import { APP, seenBy, setting, simulatedStep, simulatedStory } from '$lib/testing/cookie-story';
import type { BrowserKind } from './browser-kinds';
import { cookieRulesOf, kindRules, pinnedSettings, type BrowserPinRules } from './browser-rules';

const A = `http://${APP}`;
const START = Date.UTC(2026, 10, 25, 9, 0, 0);

/** The Cookie header of a cross-site form POST to myapp.example, `wait` ms after `plain=1` was set. */
async function crossSitePost(kind: BrowserKind, wait: number, pins: BrowserPinRules[] = []) {
	const story = await simulatedStory(kind, START, pins);
	await simulatedStep(story, { do: 'navigate', url: `${A}/?${setting('plain=1')}` });
	await simulatedStep(story, { do: 'advance', milliseconds: wait });
	await simulatedStep(story, { do: 'cross-site', target: 'form', url: `${A}/post` });
	return seenBy(story.world)
		.filter((seen) => seen.host === APP && seen.path === '/post')
		.at(-1)?.cookie;
}

describe('a pinned "Lax by default" (RFC 6265bis §5.7)', () => {
	it.each<[string, BrowserKind, number, BrowserPinRules[], string | null]>([
		['Chrome as it is today, past the Lax+POST window', 'Chrome', 121_000, [], null],
		[
			'Chrome pinned without Lax by default',
			'Chrome',
			121_000,
			[{ kind: 'Chrome', laxByDefault: false }],
			'plain=1'
		],
		[
			'a pin for another kind leaves Chrome alone',
			'Chrome',
			121_000,
			[{ kind: 'Firefox', laxByDefault: true }],
			null
		],
		['Firefox as it is today', 'Firefox', 0, [], 'plain=1'],
		[
			'Firefox pinned with Lax by default (no Lax+POST: that is Chrome only)',
			'Firefox',
			0,
			[{ kind: 'Firefox', laxByDefault: true }],
			null
		]
	])('%s → %s', async (_label, kind, wait, pins, expected) => {
		expect(await crossSitePost(kind, wait, pins)).toBe(expected);
	});
});

describe('a pinned "SameSite=None needs Secure" (RFC 6265bis §5.7)', () => {
	it.each<[BrowserKind, BrowserPinRules[], string[]]>([
		['Chrome', [], []],
		['Chrome', [{ kind: 'Chrome', laxByDefault: true, requiresSecureForNone: false }], ['none=1']],
		['Firefox', [], ['none=1']],
		['Firefox', [{ kind: 'Firefox', laxByDefault: false, requiresSecureForNone: true }], []]
	])('%s with pins %j stores %j', async (kind, pins, expected) => {
		const story = await simulatedStory(kind, START, pins);
		await simulatedStep(story, {
			do: 'navigate',
			url: `${A}/?${setting('none=1; SameSite=None')}`
		});
		expect(story.world.cookies('b1').map((c) => `${c.name}=${c.value}`)).toEqual(expected);
	});
});

describe('pinnedSettings', () => {
	it('gives nothing to an unpinned kind', () => {
		expect(pinnedSettings('Safari', [{ kind: 'Chrome', laxByDefault: false }])).toEqual({});
	});

	it("fills a missing Secure rule from the kind and keeps the kind's third-party policy", () => {
		expect(pinnedSettings('Chrome', [{ kind: 'Chrome', laxByDefault: false }])).toEqual({
			cookieRules: { laxByDefault: false, requireSecureForNone: true }
		});
	});

	it('carries the pinned third-party policy', () => {
		expect(
			pinnedSettings('Chrome', [{ kind: 'Chrome', laxByDefault: true, thirdParty: 'block' }])
		).toEqual({
			cookieRules: { laxByDefault: true, requireSecureForNone: true },
			thirdPartyCookies: 'block'
		});
	});

	it("falls back to the kind's rules without a pin", () => {
		expect(cookieRulesOf({ kind: 'Chrome' })).toEqual(kindRules('Chrome'));
		expect(kindRules('Firefox')).toEqual({ laxByDefault: false, requireSecureForNone: false });
	});
});
