/**
 * A lesson's pinned browsers, played: the world built from a lesson document gives every
 * browser of a pinned kind the pinned rules and third-party policy, the same on every replay
 * and after a snapshot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THIRD_PARTY_POLICIES } from '$lib/engine/third-party-policy';
import type { Command } from '$lib/engine/commands';
import { parseWorldSnapshot, snapshotWorld } from '$lib/engine/snapshot';
import { restoreAppWorld, type AppWorld } from '$lib/state/world-factory';
import { inProcessTransport, worldFor } from '$lib/testing/world-harness';
import type { Scenario } from '../scenario';
import { playableLesson } from './browser-pins';
import type { BrowserPin } from './lesson-document';
import { readLessonDocument, toLessonDocument } from './lesson-schema';

const NEWS = 'https://news.example/';
const PIXEL = 'https://widgets.example/pixel.gif';

/** One laptop with one Chrome (b1) and one Firefox (b2). */
const lesson: Scenario = {
	slug: 'pinned-play',
	title: 'Pinned play',
	summary: 'Two browsers, pinned or not.',
	seed: 5,
	start: Date.UTC(2026, 0, 5, 9),
	setup: [
		{ type: 'add-network', kind: 'home', name: 'Home' },
		{ type: 'add-device', kind: 'laptop', name: 'Laptop', networkId: 'n1' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' },
		{ type: 'add-browser', deviceId: 'd1', kind: 'Firefox' }
	],
	steps: []
};

const CHROME_BLOCKS: BrowserPin[] = [
	{ kind: 'Chrome', laxByDefault: false, requiresSecureForNone: false, thirdParty: 'block' },
	{ kind: 'Firefox', laxByDefault: false, requiresSecureForNone: false, thirdParty: 'partition' }
];

/** The world a lesson document with these pins plays. */
function played(pins: BrowserPin[]) {
	return worldFor(playableLesson({ lesson, browsers: pins }));
}

/** Whether the tracker pixel, embedded on news.example, was stored by `browserId`. */
async function trackerStored(world: AppWorld, browserId: string): Promise<boolean> {
	await world.apply({ type: 'navigate', browserId, url: NEWS });
	await world.apply({ type: 'embed', browserId, url: PIXEL });
	const event = world.exchanges().at(-1)!;
	return event.received.some((cookie) => cookie.header.startsWith('tp_uid=') && cookie.stored);
}

const STORY: Command[] = [
	{ type: 'navigate', browserId: 'b1', url: NEWS },
	{ type: 'embed', browserId: 'b1', url: PIXEL },
	{ type: 'navigate', browserId: 'b2', url: NEWS },
	{ type: 'embed', browserId: 'b2', url: PIXEL },
	{ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' },
	{ type: 'navigate', browserId: 'b3', url: NEWS },
	{ type: 'embed', browserId: 'b3', url: PIXEL }
];

async function run(world: AppWorld, commands: readonly Command[]) {
	for (const command of commands) await world.apply(command);
	return JSON.stringify(world.log);
}

describe('a played lesson applies its pins', () => {
	it("Chrome pinned to block third-party cookies refuses the tracker's cookie", async () => {
		expect(await trackerStored(await played(CHROME_BLOCKS), 'b1')).toBe(false);
		expect(await trackerStored(await worldFor(lesson), 'b1')).toBe(true);
	});

	it("a pin of today's rules changes nothing", async () => {
		const today = toLessonDocument(lesson).browsers;
		const pinned = await played(today);
		expect(await trackerStored(pinned, 'b1')).toBe(true);
		expect(pinned.thirdPartyPolicy('b2')).toBe('partition');
	});

	it('gives every browser of a pinned kind the rules, also those added later', async () => {
		const world = await played(CHROME_BLOCKS);
		await world.apply({ type: 'add-browser', deviceId: 'd1', kind: 'Chrome' });
		for (const id of ['b1', 'b3']) {
			expect(world.browsers.get(id)!.cookieRules).toEqual({
				laxByDefault: false,
				requireSecureForNone: false
			});
			expect(world.thirdPartyPolicy(id)).toBe('block');
		}
	});

	it('replays to the same log, and another pin gives another log', async () => {
		const first = await run(await played(CHROME_BLOCKS), STORY);
		const again = await run(await played(CHROME_BLOCKS), STORY);
		const unpinned = await run(await worldFor(lesson), STORY);
		expect(again).toBe(first);
		expect(unpinned).not.toBe(first);
	});

	it('survives a snapshot: the restored world goes on as the original does', async () => {
		const original = await played(CHROME_BLOCKS);
		await run(original, STORY.slice(0, 4));
		const transport = inProcessTransport();
		const snapshot = parseWorldSnapshot(JSON.parse(JSON.stringify(snapshotWorld(original))));
		expect(snapshot.data.pins).toEqual(CHROME_BLOCKS);
		const { world: restored } = await restoreAppWorld(
			snapshot,
			transport.transport,
			transport.registry
		);
		expect(restored.browsers.get('b1')!.cookieRules).toEqual({
			laxByDefault: false,
			requireSecureForNone: false
		});
		const rest = STORY.slice(4);
		const goneOn = JSON.parse(await run(original, rest)).slice(-3);
		const restoredOn = JSON.parse(await run(restored, rest)).slice(-3);
		expect(restoredOn).toEqual(goneOn);
		expect(restored.thirdPartyPolicy('b3')).toBe('block');
	});
});

describe('pins in the stored lesson', () => {
	it('a played lesson saved again keeps its pins, stored once', () => {
		const document = toLessonDocument(playableLesson({ lesson, browsers: CHROME_BLOCKS }));
		expect(document.browsers).toEqual(CHROME_BLOCKS);
		expect(document.lesson).not.toHaveProperty('pins');
	});

	it('reads every third-party policy the engine has, curl\'s "unrestricted" too', () => {
		const document = toLessonDocument(lesson);
		document.browsers = [
			...CHROME_BLOCKS,
			{ kind: 'curl', laxByDefault: false, thirdParty: 'unrestricted' }
		];
		expect(readLessonDocument(document).ok).toBe(true);
	});

	it('refuses pins inside the lesson, with a message that says where they belong', () => {
		const document = toLessonDocument(lesson);
		const result = readLessonDocument({
			...document,
			lesson: { ...document.lesson, pins: CHROME_BLOCKS }
		});
		expect(result).toEqual({
			ok: false,
			message:
				'The lesson cannot be read. lesson.pins: a lesson pins its browsers in "browsers" only.'
		});
	});
});

describe('any pins', () => {
	const pin = (kind: 'Chrome' | 'Firefox') =>
		fc.record(
			{
				kind: fc.constant(kind),
				laxByDefault: fc.boolean(),
				requiresSecureForNone: fc.boolean(),
				thirdParty: fc.constantFrom(...THIRD_PARTY_POLICIES)
			},
			{ requiredKeys: ['kind', 'laxByDefault'] }
		);

	it('are kept through saving and reading the lesson, and reach every browser of their kind', async () => {
		await fc.assert(
			fc.asyncProperty(pin('Chrome'), pin('Firefox'), async (chrome, firefox) => {
				const pins: BrowserPin[] = [chrome, firefox];
				const saved = toLessonDocument(playableLesson({ lesson, browsers: pins }));
				const read = readLessonDocument(JSON.parse(JSON.stringify(saved)));
				expect(read.ok && read.value.browsers).toEqual(pins);
				const world = await played(pins);
				for (const [id, own] of [
					['b1', chrome],
					['b2', firefox]
				] as const) {
					expect(world.browsers.get(id)!.cookieRules?.laxByDefault).toBe(own.laxByDefault);
					if (own.thirdParty) expect(world.thirdPartyPolicy(id)).toBe(own.thirdParty);
				}
			}),
			{ numRuns: 30 }
		);
	});
});
