import { describe, expect, it } from 'vitest';
import type { WorldEvent } from '$lib/engine/events';
import {
	FIXTURE_START,
	fixtureEvents,
	fixtureLabeler,
	fixtureScene,
	makeAction,
	makeExchange
} from '$lib/testing/layout-fixtures';
import {
	deriveLives,
	layoutLifetimes,
	LIFETIMES,
	warmLives,
	type Life,
	type LifetimeSettings
} from './lifetimes';
import { el, svgDocument } from './snapshot';
import { SANS_CHAR, textWidth } from './text';

const settings: LifetimeSettings = {
	idleTimeoutSeconds: 120,
	absoluteTimeoutSeconds: 600,
	store: 'memory'
};
const t = (seconds: number) => FIXTURE_START + seconds * 1000;

describe('deriveLives', () => {
	const lives = deriveLives(fixtureScene(), settings, fixtureLabeler);
	const by = (id: string) => lives.find((l) => l.id.startsWith(id));

	it('ends S1 and S2 at the restart (memory store) and keeps S3 alive with its idle expiry', () => {
		expect(by('session:AAAA1111')).toMatchObject({
			start: t(10),
			end: t(130),
			reason: 'server restart'
		});
		expect(by('session:BBBB2222')).toMatchObject({ end: t(130), reason: 'server restart' });
		expect(by('session:CCCC3333')).toMatchObject({ end: null, projected: t(160) + 120_000 });
	});

	it('slides the idle timeout with each request', () => {
		expect(by('session:AAAA1111')?.touches).toEqual([t(10), t(40), t(70)]);
	});

	it('ends cookies on Max-Age=0 and on browser close', () => {
		const cookies = lives.filter((l) => l.kind === 'cookie');
		expect(cookies.map((c) => [c.label, c.reason])).toEqual([
			["sid (S1) in Firefox on Alice's laptop", 'logged out'],
			["sid (S2) in Safari on Bob's phone", 'replaced'],
			["sid (S3) in Safari on Bob's phone", 'browser closed']
		]);
	});

	it.each([
		['memory', 'server restart'],
		['persistent', null]
	])('a restart with a %s store ends sessions: %s', (store, reason) => {
		const events = [
			makeExchange({
				id: 'x1',
				seq: 1,
				at: 0,
				browserId: 'b1',
				sessionId: 'AAAA1111',
				decision: 'created'
			}),
			makeAction(2, 10, 'restart-server', 'The server restarts.', ['server'])
		];
		const scene = { ...fixtureScene(events), now: t(20) };
		const [life] = deriveLives(scene, { ...settings, store }, fixtureLabeler);
		expect(life.reason).toBe(reason);
	});

	it.each([
		['session-expired', ['AAAA1111'], 'session', 'expired'],
		['cookie-expired', ['b1'], 'cookie', 'expired'],
		['clear-cookies', ['b1'], 'cookie', 'cleared'],
		['delete-cookie', ['b1'], 'cookie', 'deleted']
	])('%s ends the %s bar as %s', (action, subjects, kind, reason) => {
		const events = [
			makeExchange({
				id: 'x1',
				seq: 1,
				at: 0,
				browserId: 'b1',
				set: [{ header: 'sid=AAAA1111; Max-Age=3600' }],
				sessionId: 'AAAA1111',
				decision: 'created'
			}),
			makeAction(2, 10, action, 'Cookie sid expires in Firefox.', subjects)
		];
		const lives = deriveLives({ ...fixtureScene(events), now: t(20) }, settings, fixtureLabeler);
		expect(lives.find((l) => l.kind === kind)).toMatchObject({ end: t(10), reason });
	});

	it('ends a session at logout (decision destroyed)', () => {
		const events = [
			makeExchange({
				id: 'x1',
				seq: 1,
				at: 0,
				browserId: 'b1',
				sessionId: 'AAAA1111',
				decision: 'created'
			}),
			makeExchange({
				id: 'x2',
				seq: 2,
				at: 30,
				browserId: 'b1',
				sessionId: 'AAAA1111',
				decision: 'destroyed'
			})
		];
		const [life] = deriveLives({ ...fixtureScene(events), now: t(60) }, settings, fixtureLabeler);
		expect(life).toMatchObject({ end: t(30), reason: 'logged out' });
	});

	it('ends a session past its idle timeout at the timeout', () => {
		const events = [
			makeExchange({
				id: 'x1',
				seq: 1,
				at: 0,
				browserId: 'b1',
				sessionId: 'AAAA1111',
				decision: 'created'
			})
		];
		const [life] = deriveLives({ ...fixtureScene(events), now: t(1000) }, settings, fixtureLabeler);
		expect(life).toMatchObject({ end: t(120), reason: 'expired' });
	});
});

describe('deriveLives on a growing log', () => {
	it('gives, after each new event, what a fresh pass over the whole log gives', () => {
		const all = fixtureEvents();
		const growing: WorldEvent[] = [];
		for (const event of all) {
			growing.push(event);
			const scene = { ...fixtureScene(growing), now: event.time };
			const fresh = { ...fixtureScene([...growing]), now: event.time };
			expect(deriveLives(scene, settings, fixtureLabeler)).toEqual(
				deriveLives(fresh, settings, fixtureLabeler)
			);
		}
	});

	it('starts over when the store changes, since a restart ends sessions only in memory', () => {
		const scene = fixtureScene();
		const restartEnded = (store: string) =>
			deriveLives(scene, { ...settings, store }, fixtureLabeler).filter(
				(life) => life.reason === 'server restart'
			).length;
		expect(restartEnded('memory')).toBe(2);
		expect(restartEnded('database')).toBe(0);
		expect(restartEnded('memory')).toBe(2);
	});

	it('hands out copies: a later call does not change lives given earlier', () => {
		const growing = fixtureEvents().slice(0, 3);
		const scene = fixtureScene(growing);
		const before = deriveLives(scene, settings, fixtureLabeler);
		const copy = structuredClone(before);
		growing.push(...fixtureEvents().slice(3));
		deriveLives(scene, settings, fixtureLabeler);
		expect(before).toEqual(copy);
	});
});

describe('warmLives', () => {
	it('reads a huge log a step per look at the clock, then lives come without reading again', () => {
		const events = Array.from({ length: 4500 }, (_, i) =>
			makeExchange({ id: `x${i}`, seq: i, at: i, browserId: 'b1', sessionId: 'AAAA1111' })
		);
		const scene = fixtureScene(events);
		let clock = 0;
		const slowClock = () => (clock += 100);
		const reads = [1, 2, 3].map(
			() => warmLives(scene, settings, fixtureLabeler, 10, slowClock).read
		);
		expect(reads).toEqual([2000, 4000, 4500]);
		expect(deriveLives(scene, settings, fixtureLabeler)).toEqual(
			deriveLives(fixtureScene([...events]), settings, fixtureLabeler)
		);
	});
});

describe('layoutLifetimes', () => {
	const openCookie = (start: number): Life => ({
		id: `cookie:${start}`,
		kind: 'cookie',
		label: 'sid in Firefox',
		session: null,
		browserId: 'b1',
		sessionId: null,
		start,
		end: null,
		reason: null,
		projected: null,
		touches: []
	});

	it.each([
		['a long bar reaching now', t(0), 'end'],
		['a short bar', t(290), 'start']
	])('writes "until the browser closes" in view for %s', (_, start, anchor) => {
		const others = [{ ...openCookie(t(0)), id: 'other', end: t(100), reason: 'cleared' as const }];
		const chart = layoutLifetimes([openCookie(start), ...others], t(300), settings, 900);
		const bar = chart.bars[0];
		expect(bar.open).toMatchObject({ text: 'until the browser closes', anchor });
		const width = textWidth('until the browser closes', SANS_CHAR);
		const [from, to] =
			anchor === 'end' ? [bar.open!.x - width, bar.open!.x] : [bar.open!.x, bar.open!.x + width];
		expect(from).toBeGreaterThanOrEqual(LIFETIMES.labelWidth);
		if (anchor === 'end') expect(to).toBeLessThanOrEqual(900);
	});

	it('matches the SVG snapshot of the fixed scenario', async () => {
		const scene = fixtureScene();
		const chart = layoutLifetimes(
			deriveLives(scene, settings, fixtureLabeler),
			scene.now,
			settings,
			900
		);
		const body = [
			...chart.ticks.map((tick) =>
				el('line', { x1: tick.x, x2: tick.x, y1: 24, y2: chart.height })
			),
			el('line', { class: 'now', x1: chart.nowX, x2: chart.nowX, y1: 24, y2: chart.height }),
			...chart.bars.flatMap((bar) => [
				el('text', { x: 16, y: bar.y + 5 }, bar.label),
				el('rect', {
					x: bar.x1,
					y: bar.y - 8,
					width: bar.x2 - bar.x1,
					height: 16,
					class: bar.session
				}),
				...(bar.projectedX !== null
					? [
							el('line', {
								class: 'projected',
								x1: bar.x2,
								x2: bar.projectedX,
								y1: bar.y,
								y2: bar.y
							})
						]
					: []),
				...bar.idleMarks.map((x) =>
					el('line', { class: 'idle', x1: x, x2: x, y1: bar.y - 6, y2: bar.y + 6 })
				),
				...(bar.end
					? [
							el(
								'text',
								{ x: bar.end.wordX, y: bar.y + 5, 'text-anchor': bar.end.anchor },
								bar.end.word
							)
						]
					: [])
			])
		];
		await expect(svgDocument(chart.width, chart.height, body)).toMatchFileSnapshot(
			'./__snapshots__/lifetimes.svg'
		);
	});

	it('keeps end words inside the chart', () => {
		const scene = fixtureScene();
		const chart = layoutLifetimes(
			deriveLives(scene, settings, fixtureLabeler),
			scene.now,
			settings,
			600
		);
		for (const bar of chart.bars) {
			if (!bar.end) continue;
			const w = bar.end.word.length * 8.2;
			const right = bar.end.anchor === 'start' ? bar.end.wordX + w : bar.end.wordX;
			expect(right).toBeLessThanOrEqual(600);
		}
	});
});
