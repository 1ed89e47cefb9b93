/** The sequence diagram's sizes, and the height of a row, shared by the layout and its index. */
import type { ExchangeEvent, WorldEvent } from '$lib/engine/events';

/** Sizes of the sequence diagram, in px (SVG user units drawn 1:1). */
export const SEQUENCE = {
	column: 200,
	/** The narrowest column, used when the panel is too small for all lifelines. */
	minColumn: 128,
	margin: 24,
	header: 96,
	actionHeight: 34,
	noteLine: 20,
	maxNotes: 4,
	chipHeight: 24,
	font: 14
} as const;

/** How many note lines a row shows: one per cookie decision, up to the maximum. */
export function noteCount(event: ExchangeEvent): number {
	const n = event.decisions.length;
	return n === 0 ? 1 : Math.min(n, SEQUENCE.maxNotes);
}

/** Height of one row, in px. */
export function rowHeight(event: WorldEvent): number {
	if (event.type === 'action') return SEQUENCE.actionHeight;
	const chips = event.received.length > 0 ? SEQUENCE.chipHeight + 8 : 0;
	return 66 + noteCount(event) * SEQUENCE.noteLine + 36 + chips + 14;
}
