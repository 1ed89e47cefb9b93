import { describe, expect, it } from 'vitest';
import { FIXTURE_START, fixtureLabeler, fixtureScene, makeAction, makeExchange } from './fixtures';
import { deriveLives, layoutLifetimes, type LifetimeSettings } from './lifetimes';
import { el, svgDocument } from './snapshot';

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

describe('layoutLifetimes', () => {
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
