import { manyExchanges, fixtureLabeler, fixtureScene } from '$lib/testing/layout-fixtures';
import {
	layoutRows,
	rowOffsets,
	sequenceColumns,
	sequenceEvents,
	viewBand,
	visibleRange
} from './sequence';

/**
 * Times the sequence layout for `count` exchanges: columns, row offsets, the visible range at
 * the bottom of a 720 px view, and the rows in it, as the diagram does on every change.
 */
export function benchmarkSequenceLayout(count: number): { layoutMs: number; visibleRows: number } {
	const events = manyExchanges(count);
	const scene = fixtureScene(events);
	const start = performance.now();
	const rows = sequenceEvents(scene.events);
	const columns = sequenceColumns(scene, rows);
	const offsets = rowOffsets(rows);
	const viewport = 720;
	const band = viewBand({ x: 0, y: viewport - offsets[rows.length], k: 1 }, viewport);
	const range = visibleRange(offsets, band.top, band.height);
	const laid = layoutRows(rows, offsets, range, columns, fixtureLabeler);
	const layoutMs = performance.now() - start;
	return { layoutMs, visibleRows: laid.length };
}
