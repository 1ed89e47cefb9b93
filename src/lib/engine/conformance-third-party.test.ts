/**
 * Partitioned and third-party cookies, per browser kind, run through the world's commands: a
 * tracker pixel and a partitioned widget from `widgets.example`, embedded by `news.example` and
 * `myapp.example`. The cases follow the web-platform-tests directories
 * `cookies/partitioned-cookies/` and `cookies/third-party-cookies/` in spirit (set in one
 * context, read in another), rewritten for the simulated world. The figures are in
 * docs/cookie-conformance.md, "Partitioned and third-party cookies".
 */
import { describe, expect, it } from 'vitest';
import type { ExchangeEvent } from './events';
import { headerValue } from './http';
import { parseWorldSnapshot, snapshotWorld } from './snapshot';
import type { ThirdPartyPolicy } from './third-party-policy';
import type { Scenario } from '$lib/scenarios/scenario';
import { restoreAppWorld } from '$lib/state/world-factory';
import { inProcessTransport, worldFor } from '$lib/testing/world-harness';

const NEWS = 'https://news.example/';
const APP = 'http://myapp.example/';
const PIXEL = 'https://widgets.example/pixel.gif';
const WIDGET = 'https://widgets.example/widget';

/** One laptop with each browser under test: b1 Chrome, b2 Chrome (blocked), b3 Firefox, b4 Safari, b5 Chrome (no restrictions). */
const scenario: Scenario = {
	slug: 'third-party-conformance',
	title: 'Third-party conformance',
	summary: 'Embedded third parties in every browser kind.',
	seed: 17,
	start: Date.UTC(2026, 0, 5, 9),
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home' },
		{ type: 'add-device', kind: 'laptop', name: 'Laptop', networkId: 'n1' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Safari' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' },
		{ type: 'third-party-cookies', browserId: 'b2', policy: 'block' },
		{ type: 'third-party-cookies', browserId: 'b5', policy: 'unrestricted' }
	],
	steps: []
};

/** [label, browser id, policy it runs under] */
const BROWSERS: Array<[string, string, ThirdPartyPolicy]> = [
	['Chrome, allowed', 'b1', 'allow'],
	['Chrome, blocked by the user', 'b2', 'block'],
	['Firefox (Total Cookie Protection)', 'b3', 'partition'],
	['Safari (ITP)', 'b4', 'block'],
	['No restrictions', 'b5', 'unrestricted']
];

async function world() {
	return worldFor(scenario);
}

type World = Awaited<ReturnType<typeof world>>;

function lastExchange(w: World): ExchangeEvent {
	const event = [...w.log].reverse().find((e) => e.type === 'exchange');
	if (!event || event.type !== 'exchange') throw new Error('no exchange');
	return event;
}

/** Opens `page` top-level in the browser, then embeds `resource`; returns the embed's exchange. */
async function embedOn(w: World, browserId: string, page: string, resource: string) {
	await w.apply({ type: 'navigate', browserId, url: page });
	await w.apply({ type: 'embed', browserId, url: resource });
	return lastExchange(w);
}

function cookieHeader(event: ExchangeEvent): string {
	return headerValue(event.request.headers, 'cookie') ?? '';
}

describe('the tracker pixel: set on news.example, read on myapp.example', () => {
	// [browser, stored on news, sent back on news, sent on myapp (recognised across sites)]
	const expected: Record<string, [boolean, boolean, boolean]> = {
		b1: [true, true, true],
		b2: [false, false, false],
		b3: [true, true, false],
		b4: [false, false, false],
		b5: [true, true, true]
	};
	it.each(BROWSERS)('%s', async (_label, browserId) => {
		const w = await world();
		const first = await embedOn(w, browserId, NEWS, PIXEL);
		const [stored, again, across] = expected[browserId];
		expect(first.received[0].stored).toBe(stored);
		const second = await embedOn(w, browserId, NEWS, PIXEL);
		expect(cookieHeader(second).includes('tp_uid=')).toBe(again);
		const third = await embedOn(w, browserId, APP, PIXEL);
		expect(cookieHeader(third).includes('tp_uid=')).toBe(across);
	});
});

describe('the reasons name the policy or the partition', () => {
	it.each<[string, string, RegExp]>([
		[
			'Chrome, blocked',
			'b2',
			/Blocked: tp_uid is a third-party cookie under https:\/\/news\.example/
		],
		['Firefox', 'b3', /Kept in the partition of https:\/\/news\.example: Total Cookie Protection/],
		['Safari', 'b4', /Safari blocks third-party cookies/]
	])('on storing, %s', async (_label, browserId, message) => {
		const w = await world();
		const event = await embedOn(w, browserId, NEWS, PIXEL);
		expect(event.received[0].message).toMatch(message);
	});

	it('Firefox explains why the news partition stays home on myapp.example', async () => {
		const w = await world();
		await embedOn(w, 'b3', NEWS, PIXEL);
		const event = await embedOn(w, 'b3', APP, PIXEL);
		const decision = event.decisions.find((d) => d.name === 'tp_uid');
		expect(decision?.reason).toBe('partition');
		expect(decision?.explanation).toMatch(
			/partition of https:\/\/news\.example.*top-level site is http:\/\/myapp\.example/
		);
	});
});

describe('a first-party cookie of widgets.example, then embedded', () => {
	// [browser, sent when embedded on news.example, reason when not]
	const expected: Record<string, string> = {
		b1: 'sent',
		b2: 'third-party',
		b3: 'partition',
		b4: 'third-party',
		b5: 'sent'
	};
	it.each(BROWSERS)('%s', async (_label, browserId) => {
		const w = await world();
		await w.apply({ type: 'navigate', browserId, url: PIXEL });
		expect(lastExchange(w).received[0].stored).toBe(true);
		const event = await embedOn(w, browserId, NEWS, PIXEL);
		expect(event.decisions.find((d) => d.name === 'tp_uid')?.reason).toBe(expected[browserId]);
	});
});

describe('the Partitioned (CHIPS) widget: works per site, follows no one', () => {
	// [browser, kept on news.example, the news state reaches myapp.example]
	const expected: Record<string, [boolean, boolean]> = {
		b1: [true, false],
		b2: [true, false],
		b3: [true, false],
		b4: [true, false],
		b5: [true, true]
	};
	it.each(BROWSERS)('%s', async (_label, browserId) => {
		const w = await world();
		const first = await embedOn(w, browserId, NEWS, WIDGET);
		const state = first.received[0].cookie?.value ?? '';
		const again = await embedOn(w, browserId, NEWS, WIDGET);
		const [kept, follows] = expected[browserId];
		expect(cookieHeader(again).includes(`widget_state=${state}`)).toBe(kept);
		const other = await embedOn(w, browserId, APP, WIDGET);
		expect(cookieHeader(other).includes(`widget_state=${state}`)).toBe(follows);
	});
});

describe('saving a world keeps the policies and the partitions', () => {
	it('restores a Firefox partition and a blocked Chrome', async () => {
		const w = await world();
		await embedOn(w, 'b3', NEWS, PIXEL);
		const saved = parseWorldSnapshot(JSON.parse(JSON.stringify(snapshotWorld(w))));
		const browsers = saved.data.browsers;
		expect(browsers[1].thirdPartyCookies).toBe('block');
		expect(browsers[2].partitioned).toEqual([
			expect.objectContaining({ name: 'tp_uid', partition: 'https://news.example' })
		]);
		// Restored, the Firefox browser still finds its news.example partition.
		const { transport, registry } = inProcessTransport();
		const { world: again } = await restoreAppWorld(saved, transport, registry);
		const back = await embedOn(again, 'b3', NEWS, PIXEL);
		expect(cookieHeader(back)).toMatch(/^tp_uid=[0-9a-f]{16}$/);
		expect(again.thirdPartyPolicy('b2')).toBe('block');
	});
});
