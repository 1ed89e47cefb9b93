import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '$lib/engine/commands';
import type { SavedWorld } from './saved-world';
import {
	buildShareFragment,
	decodeShare,
	encodeShare,
	MAX_FRAGMENT_CHARS,
	parseShareFragment
} from './share-link';
import { sampleSave } from '$lib/testing/save-fixtures';

let saved: SavedWorld;

beforeAll(async () => {
	saved = await sampleSave('Shared');
});

function base64Url(bytes: Uint8Array): string {
	return Buffer.from(bytes).toString('base64url');
}

describe('share links', () => {
	it('encode any JSON object and decode it back', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (payload) => {
				const encoded = encodeShare(payload);
				expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
				expect(decodeShare(encoded)).toEqual({
					ok: true,
					value: JSON.parse(JSON.stringify(payload))
				});
			})
		);
	});

	it('make tiny readable lesson links', () => {
		expect(buildShareFragment('lesson', { lesson: 'first-cookie', step: 3 })).toEqual({
			ok: true,
			value: '#lesson=first-cookie&step=3'
		});
		expect(parseShareFragment('#lesson=first-cookie&step=99999')).toEqual({
			ok: true,
			value: { kind: 'lesson', lesson: 'first-cookie', step: 99999 }
		});
		expect(parseShareFragment('#lesson=first-cookie&step=3')).toEqual({
			ok: true,
			value: { kind: 'lesson', lesson: 'first-cookie', step: 3 }
		});
	});

	it('carry a world as scenario and history, without the snapshot', () => {
		const built = buildShareFragment('world', saved);
		expect(built.ok).toBe(true);
		if (!built.ok) return;
		expect(built.value).toMatch(/^#world=[A-Za-z0-9_-]+$/);
		expect(built.value.length).toBeLessThan(MAX_FRAGMENT_CHARS);
		const parsed = parseShareFragment(built.value);
		expect(parsed).toMatchObject({ ok: true, value: { kind: 'world' } });
		if (parsed?.ok && parsed.value.kind === 'world') {
			expect(parsed.value.world).toEqual({
				format: 'session-lab-share',
				version: 1,
				name: 'Shared',
				scenario: saved.scenario,
				history: saved.history
			});
		}
	});

	it('refuse a world too big for a link, and say what to do', () => {
		const text = (i: number) => (Math.imul(i + 1, 2654435761) >>> 0).toString(36);
		const history: Command[] = Array.from({ length: 900 }, (_, i) => ({
			type: 'note',
			text: `${text(i)}${text(i * 7)}${text(i * 13)}`
		}));
		const built = buildShareFragment('world', { ...saved, history });
		expect(built.ok).toBe(false);
		expect(!built.ok && built.message).toMatch(
			/^This world is too big for a link \(\d+ characters\)\. Export it as a file instead\.$/
		);
	});

	it('refuse, before packing it, a world whose steps unpack to more than 2 MB', () => {
		const history: Command[] = Array.from({ length: 600 }, () => ({
			type: 'note',
			text: 'x'.repeat(4000)
		}));
		const built = buildShareFragment('world', { ...saved, history });
		expect(!built.ok && built.message).toBe(
			'This world is too big for a link (its 600 steps unpack to more than 2 MB). Export it as a file instead.'
		);
	});

	it('refuse a world with more commands than a link may carry', () => {
		const history: Command[] = Array.from({ length: 60_000 }, () => ({
			type: 'press-get',
			browserId: 'b1'
		}));
		const built = buildShareFragment('world', { ...saved, history });
		expect(!built.ok && built.message).toBe(
			'This world is too big for a link: its history holds 60,000 commands; at most 1,000 fit. Export it as a file instead.'
		);
	});

	it.each([
		['not base64url', '#world=%%%', /not base64url/],
		['an impossible length', '#world=abcde', /not base64url/],
		[
			'not deflate data',
			`#world=${base64Url(new Uint8Array([1, 2, 3, 4, 5]))}`,
			/^The link is damaged: /
		],
		[
			'deflated text that is not JSON',
			`#world=${base64Url(deflateSync(new TextEncoder().encode('hello')))}`,
			'The link is damaged: its data is not JSON.'
		],
		['a zip bomb', `#world=${base64Url(deflateSync(new Uint8Array(3_000_000)))}`, /more than 2 MB/],
		[
			'JSON that is not a world',
			`#world=${encodeShare({ format: 'x' })}`,
			/^The link's world cannot be read\. format: expected "session-lab-share"/
		],
		[
			'a bad command',
			`#world=${encodeShare({ format: 'session-lab-share', version: 1, name: 'x', scenario: {}, history: [] })}`,
			/scenario\.slug: is missing/
		],
		[
			'a lesson slug with markup',
			'#lesson=%3Cscript%3E&step=1',
			'The link names no lesson that exists.'
		],
		[
			'a step that is not a whole number',
			'#lesson=intro&step=-1',
			'The link has a step that is not a whole number.'
		]
	])('explain a fragment with %s', (_name, hash, message) => {
		const result = parseShareFragment(hash);
		expect(result).toMatchObject({ ok: false });
		if (result && !result.ok) expect(result.message).toMatch(message);
	});

	it('ignore fragments that are not share links', () => {
		expect(parseShareFragment('')).toBeNull();
		expect(parseShareFragment('#step=3')).toBeNull();
	});

	it('never throw on hostile fragments', () => {
		const hostile = fc.oneof(
			fc.string(),
			fc.string().map((s) => `#world=${s}`),
			fc.base64String().map((s) => `#world=${s.replaceAll('=', '')}`),
			fc.uint8Array({ maxLength: 200 }).map((bytes) => `#world=${base64Url(bytes)}`),
			fc.jsonValue().map((value) => `#world=${encodeShare({ value })}`),
			fc.tuple(fc.string(), fc.string()).map(([lesson, step]) => `#lesson=${lesson}&step=${step}`)
		);
		fc.assert(
			fc.property(hostile, (hash) => {
				const result = parseShareFragment(hash);
				if (result && !result.ok) expect(result.message.length).toBeGreaterThan(0);
			}),
			{ numRuns: 500 }
		);
	});
});
