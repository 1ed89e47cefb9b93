import { describe, expect, it } from 'vitest';
import { fixtureEvents, fixtureScene, makeExchange } from '$lib/testing/layout-fixtures';
import type { WorldEvent } from '$lib/engine/events';
import { layoutBeliefGrid, latestByPair } from './belief-grid';
import { el, svgDocument } from './snapshot';

describe('belief grid', () => {
	it('matches the SVG snapshot of the fixed scenario', async () => {
		const grid = layoutBeliefGrid(fixtureScene());
		const body = [
			...grid.columns.map((c) =>
				el('text', { x: c.x, y: c.y, 'text-anchor': 'middle' }, `${c.text} / ${c.sub}`)
			),
			...grid.rows.map((r) => el('text', { x: r.x, y: r.y }, r.text)),
			...grid.cells.map((c) =>
				el(
					'rect',
					{
						x: c.x,
						y: c.y,
						width: c.width,
						height: c.height,
						class: c.mismatch ? 'mismatch' : null
					},
					c.exchangeId
						? `${c.exchangeId} ${c.session ?? 'no session'} ${c.user}${c.mismatch ? ` ⚠ ${c.mismatch}` : ''}`
						: '—'
				)
			)
		];
		await expect(svgDocument(grid.width, grid.height, body)).toMatchFileSnapshot(
			'./__snapshots__/belief-grid.svg'
		);
	});

	it.each([
		['p1', 'b1', 'x6', 'S1', 'alice', null],
		['p2', 'b2', 'x5', 'S3', 'not logged in', null],
		['p3', 'b3', 'x3', 'S1', 'alice', 'hijack'],
		['p1', 'b2', null, null, '', null]
	])('%s at %s shows %s', (personId, browserId, exchangeId, session, user, mismatch) => {
		const cell = layoutBeliefGrid(fixtureScene()).cells.find(
			(c) => c.personId === personId && c.browserId === browserId
		);
		expect(cell).toMatchObject({ exchangeId, session, user, mismatch });
	});

	it('adds a "nobody" row for requests made with nobody at the device', () => {
		const event = makeExchange({ id: 'x9', seq: 9, at: 1, browserId: 'b1' });
		event.truth = { ...event.truth, personId: null, personName: null };
		const grid = layoutBeliefGrid(fixtureScene([event]));
		expect(grid.rows.map((r) => r.id)).toContain('nobody');
		expect(latestByPair([event]).get('nobody|b1')?.id).toBe('x9');
	});

	it('names the shared-computer and split-identity mismatches in words', () => {
		const events = [
			makeExchange({
				id: 'x1',
				seq: 1,
				at: 1,
				browserId: 'b1',
				sessionId: 'AAAA1111',
				user: 'alice',
				mismatch: { kind: 'shared-computer', detail: 'Bob uses Alice’s session' }
			}),
			makeExchange({
				id: 'x2',
				seq: 2,
				at: 2,
				browserId: 'b2',
				sessionId: 'BBBB2222',
				mismatch: { kind: 'split-identity', detail: 'Bob has two sessions' }
			})
		];
		const words = layoutBeliefGrid(fixtureScene(events))
			.cells.map((c) => c.mismatch)
			.filter(Boolean);
		expect(words).toEqual(['shared computer', 'split identity']);
	});

	it('reads a growing log as a fresh pass would, and hands out copies', () => {
		const all = fixtureEvents();
		const growing: WorldEvent[] = [];
		const given = latestByPair(growing);
		for (const event of all) {
			growing.push(event);
			expect(latestByPair(growing)).toEqual(latestByPair([...growing]));
		}
		expect(given.size).toBe(0);
	});
});
