/** The sequence diagram's sizes, and the height of a row, shared by the layout and its index. */
import type { ExchangeEvent, WorldEvent } from '$lib/engine/events';
import { sentByHand, setCookieCount } from './drawn-cookies';

/** Sizes of the sequence diagram, in px (SVG user units drawn 1:1). */
export const SEQUENCE = {
	column: 200,
	/** The narrowest column, used when the panel is too small for all lifelines. */
	minColumn: 120,
	margin: 24,
	header: 96,
	actionHeight: 34,
	/** Extra height of an action drawn with an arrow (an injected script's theft). */
	actionArrow: 62,
	noteLine: 20,
	maxNotes: 4,
	chipHeight: 24,
	font: 14
} as const;

/** How many note lines a row shows under its request: one per cookie decision, up to the maximum. */
export function noteCount(event: ExchangeEvent): number {
	if (sentByHand(event)) return 1;
	const n = event.decisions.length;
	return n === 0 ? 1 : Math.min(n, SEQUENCE.maxNotes);
}

/** Height of one row, in px. */
export function rowHeight(event: WorldEvent): number {
	if (event.type === 'action') {
		const arrow = event.action === 'xss' && (event.cookies?.length ?? 0) > 0;
		return SEQUENCE.actionHeight + (arrow ? SEQUENCE.actionArrow : 0);
	}
	const sets = setCookieCount(event.response);
	const chips = sets > 0 ? SEQUENCE.chipHeight + 8 : 0;
	// A Set-Cookie nobody kept gets a line saying so.
	const dropped = sets > event.received.length ? SEQUENCE.noteLine : 0;
	return 66 + noteCount(event) * SEQUENCE.noteLine + 36 + chips + dropped + 14;
}
