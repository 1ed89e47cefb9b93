import { describe, expect, it } from 'vitest';
import type { WorldEvent } from '$lib/engine/events';
import {
	fixtureEvents,
	fixtureLabeler,
	fixtureScene,
	makeAction,
	makeExchange,
	manyExchanges
} from '$lib/testing/layout-fixtures';
import {
	atBottom,
	constrainTransform,
	fitScale,
	followBottom,
	layoutRows,
	MIN_FIT,
	revealRow,
	SEQUENCE,
	sequenceColumns,
	viewBand,
	visibleRange,
	type SequenceRow,
	columnsInView
} from './sequence';
import { el, svgDocument } from './snapshot';
import { benchmarkSequenceLayout } from './bench';
import { indexLog } from './log-index';
import { SANS_CHAR, textWidth } from './text';

function snapshot(): string {
	const scene = fixtureScene();
	const { rows: events, offsets } = indexLog(scene.events);
	const columns = sequenceColumns(scene, scene.events);
	const rows = layoutRows(
		events,
		offsets,
		{ start: 0, end: events.length },
		columns,
		fixtureLabeler
	);
	const height = SEQUENCE.header + offsets[events.length];
	const body: string[] = [];
	for (const g of columns.groups) {
		body.push(el('rect', { x: g.x1, y: 6, width: g.x2 - g.x1, height: 26 }));
		body.push(el('text', { x: g.x1 + 8, y: 24 }, g.label));
	}
	for (const line of columns.lifelines) {
		body.push(
			el('text', { x: line.x, y: 56, class: line.kind, 'text-anchor': 'middle' }, line.title)
		);
		body.push(el('text', { x: line.x, y: 76, 'text-anchor': 'middle' }, line.subtitle));
		body.push(el('line', { x1: line.x, x2: line.x, y1: SEQUENCE.header, y2: height }));
	}
	const dy = SEQUENCE.header;
	for (const row of rows) body.push(...rowElements(row, dy));
	return svgDocument(columns.width, height, body);
}

function rowElements(row: SequenceRow, dy: number): string[] {
	if (row.kind === 'action')
		return [el('text', { x: row.x, y: row.y + dy, class: 'action' }, row.text)];
	const out: string[] = [];
	for (const arrow of [row.request, row.response]) {
		out.push(el('polyline', { points: arrow.xs.map((x) => `${x},${arrow.y + dy}`).join(' ') }));
		out.push(
			el(
				'text',
				{ x: arrow.labelX, y: arrow.labelY + dy, 'text-anchor': arrow.anchor },
				arrow.label
			)
		);
		if (arrow.chipsCaption)
			out.push(el('text', { x: arrow.captionX, y: arrow.y + dy + 25 }, arrow.chipsCaption));
		for (const chip of arrow.chips) {
			out.push(
				el('rect', {
					x: chip.x,
					y: chip.y + dy,
					width: chip.width,
					height: 22,
					class: chip.session
				})
			);
			out.push(el('text', { x: chip.x + 11, y: chip.y + dy + 16 }, chip.text));
		}
	}
	for (const note of row.notes)
		out.push(el('text', { x: note.x, y: note.y + dy, class: 'note' }, note.text));
	if (row.tap) out.push(el('circle', { cx: row.tap.x, cy: row.tap.y + dy, r: 6 }));
	if (row.mismatch)
		out.push(
			el('text', { x: row.mismatch.x + 20, y: row.mismatch.y + dy }, `⚠ ${row.mismatch.word}`)
		);
	return out;
}

describe('sequence layout', () => {
	it('matches the SVG snapshot of the fixed scenario', async () => {
		await expect(snapshot()).toMatchFileSnapshot('./__snapshots__/sequence.svg');
	});

	it('orders lifelines: browsers by device, eavesdroppers on the Wi-Fi, networks, server', () => {
		const scene = fixtureScene();
		const columns = sequenceColumns(scene, scene.events);
		expect(columns.lifelines.map((l) => `${l.kind}:${l.id}`)).toEqual([
			'browser:b1',
			'browser:b2',
			'browser:b3',
			'eavesdropper:eve:p3',
			'network:n1',
			'network:n2',
			'server:server'
		]);
		expect(columns.groups.map((g) => g.full)).toEqual([
			"Alice at Alice's laptop",
			"Bob at Bob's phone",
			"Mallory at Mallory's laptop"
		]);
	});

	it("keeps a network's public IP whole in a narrow column, dropping NAT first", () => {
		const base = fixtureScene();
		const scene = {
			...base,
			networks: base.networks.map((n) => ({ ...n, publicIp: '203.0.113.185' }))
		};
		const narrow = sequenceColumns(scene, scene.events, 1);
		for (const line of narrow.lifelines.filter((l) => l.kind === 'network')) {
			const network = scene.networks.find((n) => n.id === line.id)!;
			expect(line.subtitle).toBe(network.publicIp);
		}
		const wide = sequenceColumns(scene, scene.events);
		const first = wide.lifelines.find((l) => l.kind === 'network')!;
		expect(first.subtitle).toBe(`NAT ${scene.networks[0].publicIp}`);
	});

	it('adds a lifeline for a browser that is gone but still in the log', () => {
		const scene = fixtureScene();
		const gone = makeExchange({ id: 'x9', seq: 9, at: 1, browserId: 'b1' });
		gone.truth = { ...gone.truth, browserId: 'b9' };
		const columns = sequenceColumns(scene, [gone]);
		expect(columns.x.has('b9')).toBe(true);
	});

	it('skips set-up actions but keeps the others', () => {
		const kinds = indexLog(fixtureEvents()).rows.map((e) =>
			e.type === 'exchange' ? e.id : e.action
		);
		expect(kinds).toEqual([
			'x1',
			'x2',
			'eavesdrop',
			'x3',
			'x4',
			'restart-server',
			'x5',
			'close-browser',
			'x6'
		]);
	});

	it('labels chips with the session label and marks deletions', () => {
		const scene = fixtureScene();
		const { rows: events, offsets } = indexLog(scene.events);
		const columns = sequenceColumns(scene, scene.events);
		const rows = layoutRows(
			events,
			offsets,
			{ start: 0, end: events.length },
			columns,
			fixtureLabeler
		);
		const byId = new Map(rows.map((r) => [r.id, r]));
		const chips = (id: string, which: 'request' | 'response') => {
			const row = byId.get(id);
			return row?.kind === 'exchange' ? row[which].chips.map((c) => c.text) : [];
		};
		expect(chips('x1', 'request')).toEqual(['none']);
		expect(chips('x1', 'response')).toEqual(['S1']);
		expect(chips('x2', 'request')).toEqual(['S1']);
		expect(chips('x6', 'response')).toEqual(['sid deleted']);
		const x3 = byId.get('x3');
		expect(x3?.kind === 'exchange' && x3.mismatch?.word).toBe('hijack');
		// Mallory's own request crosses her Wi-Fi, but she does not "read" it.
		expect(x3?.kind === 'exchange' && x3.tap).toBeNull();
		const x4 = byId.get('x4');
		expect(x4?.kind === 'exchange' && x4.tap).toBeNull();
	});

	it('marks as read only the exchanges an eavesdropper read, once read', () => {
		const scene = fixtureScene();
		const bob = (id: string, seq: number) =>
			makeExchange({ id, seq, at: seq, browserId: 'b2', url: 'http://myapp.example/' });
		const read = makeAction(12, 12, 'eavesdrop', 'Mallory reads GET / in the clear.', ['b3', 'y2']);
		const taps = (events: WorldEvent[]) => {
			const { rows, offsets } = indexLog(events);
			const columns = sequenceColumns(scene, events);
			return layoutRows(rows, offsets, { start: 0, end: rows.length }, columns, fixtureLabeler)
				.filter((row) => row.kind === 'exchange' && row.tap !== null)
				.map((row) => row.id);
		};
		expect(taps([bob('y1', 10), bob('y2', 11)])).toEqual([]);
		expect(taps([bob('y1', 10), bob('y2', 11), read])).toEqual(['y2']);
	});

	it('keeps every header text inside its column', () => {
		const scene = fixtureScene();
		for (const line of sequenceColumns(scene).lifelines) {
			expect(textWidth(line.title, SANS_CHAR)).toBeLessThanOrEqual(SEQUENCE.column - 12);
			expect(textWidth(line.subtitle, SANS_CHAR)).toBeLessThanOrEqual(SEQUENCE.column - 12);
		}
	});
});

describe('visibleRange', () => {
	const offsets = Float64Array.from([0, 100, 200, 300, 400, 500]);
	it.each([
		[0, 150, 0, [0, 2]],
		[150, 100, 0, [1, 3]],
		[0, 1000, 0, [0, 5]],
		[450, 100, 0, [4, 5]],
		[250, 10, 1, [1, 4]],
		[-100, 50, 0, [0, 0]]
	])('top %i height %i overscan %i', (top, height, overscan, [start, end]) => {
		expect(visibleRange(offsets, top, height, overscan)).toEqual({ start, end });
	});
	it('is empty without rows', () => {
		expect(visibleRange(new Float64Array([0]), 0, 100)).toEqual({ start: 0, end: 0 });
	});
});

describe('transforms', () => {
	const viewport = { width: 1000, height: 400 };
	const content = { width: 1000, height: 2000 };
	it.each([
		[
			{ x: 0, y: 50, k: 1 },
			{ x: 0, y: 0, k: 1 }
		],
		[
			{ x: 0, y: -5000, k: 1 },
			{ x: 0, y: -1600, k: 1 }
		],
		[
			{ x: -300, y: -100, k: 2 },
			{ x: -300, y: -100, k: 2 }
		],
		[
			{ x: -3000, y: -100, k: 2 },
			{ x: -1000, y: -100, k: 2 }
		],
		[
			{ x: 20, y: 0, k: 0.5 },
			{ x: 0, y: 0, k: 0.5 }
		]
	])('constrains %o', (input, expected) => {
		expect(constrainTransform(input, viewport, content)).toEqual(expected);
	});
	it('follows the bottom and knows when it is there', () => {
		const t = followBottom({ x: 0, y: 0, k: 1 }, viewport, content);
		expect(t.y).toBe(-1600);
		expect(atBottom(t, viewport, content)).toBe(true);
		expect(atBottom({ x: 0, y: -1000, k: 1 }, viewport, content)).toBe(false);
	});
	it('reveals a row above or below the view', () => {
		const offsets = Float64Array.from({ length: 21 }, (_, i) => i * 100);
		const t = { x: 0, y: -1000, k: 1 };
		expect(revealRow(t, offsets, 12, viewport, content)).toBe(t);
		expect(revealRow(t, offsets, 2, viewport, content).y).toBe(-192);
		expect(revealRow(t, offsets, 18, viewport, content).y).toBe(-1508);
	});
	it('maps a transform to the band in view', () => {
		expect(viewBand({ x: 0, y: -300, k: 2 }, 400)).toEqual({ top: 150, height: 200 });
	});
});

describe('10,000 exchanges', () => {
	it('lays out only the rows in view', () => {
		const { offsets } = indexLog(manyExchanges(10_000));
		const range = visibleRange(offsets, offsets[5000], 720);
		expect(range.end - range.start).toBeLessThan(20);
	});
	it.each([1000, 10_000])('benchmark at %i stays fast', (count) => {
		const result = benchmarkSequenceLayout(count);
		expect(result.visibleRows).toBeGreaterThan(0);
		expect(result.visibleRows).toBeLessThan(20);
		expect(result.layoutMs).toBeLessThan(500);
	});
});

describe('fitScale', () => {
	it.each([
		['before the panel is measured', 1008, 0, 1],
		['when the columns fit', 800, 920, 1],
		['when they just fit', 920, 920, 1],
		['eight lifelines in a laptop’s lesson column', 1008, 920, 0.912],
		['at 1280 wide', 1008, 862, 0.855],
		['never below the smallest scale', 3000, 600, MIN_FIT]
	])('%s', (_case, content, available, expected) => {
		expect(fitScale(content, available)).toBe(expected);
	});

	it('always fits the drawing in the panel when it scales', () => {
		for (let available = 700; available < 1008; available += 7) {
			const fit = fitScale(1008, available);
			if (fit > MIN_FIT) expect(1008 * fit).toBeLessThanOrEqual(available);
		}
	});
});

describe('columnsInView', () => {
	const lines = (count: number) =>
		Array.from({ length: count }, (_, i) => ({
			id: `b${i}`,
			kind: 'browser' as const,
			x: 50 + i * 100,
			name: '',
			title: '',
			subtitle: '',
			full: '',
			networkId: null
		}));
	const columns = (count: number) => ({
		lifelines: lines(count),
		groups: lines(count).map((line) => ({
			id: `g${line.id}`,
			x1: line.x - 50,
			x2: line.x + 50,
			label: '',
			full: ''
		})),
		width: count * 100,
		x: new Map<string, number>(),
		appHost: 'myapp.example',
		balanced: false
	});
	const flat = { x: 0, y: 0, k: 1 };

	it.each([
		// lifelines, scrollLeft, visible width, zoom, first and last drawn
		[1000, 0, 1000, flat, 'b0', 'b11'],
		[1000, 5000, 1000, flat, 'b48', 'b61'],
		[1000, 99_000, 1000, flat, 'b988', 'b999'],
		[1000, 0, 1000, { x: 0, y: 0, k: 2 }, 'b0', 'b5']
	])(
		'draws only the columns in view of %d (scrolled to %d, %d wide)',
		(count, left, width, transform, first, last) => {
			const shown = columnsInView(columns(count), transform, left, width);
			expect(shown.lifelines[0].id).toBe(first);
			expect(shown.lifelines.at(-1)?.id).toBe(last);
			expect(shown.groups.length).toBeGreaterThanOrEqual(shown.lifelines.length);
		}
	);

	it('draws every column of a small world', () => {
		const all = columns(60);
		expect(columnsInView(all, flat, 0, 1000)).toBe(all);
	});

	it('draws a wide screen’s worth of a big world before the view is measured', () => {
		const shown = columnsInView(columns(1000), flat, 0, 0);
		expect(shown.lifelines.at(-1)?.id).toBe('b17');
	});
});
