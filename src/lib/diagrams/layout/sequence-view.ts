/**
 * What part of the sequence diagram is in view: the pan-and-zoom transform (kept within the
 * content), the rows in the band on screen, and the lifelines within the scrolled window. A
 * crowd of a thousand browsers and 100,000 exchanges costs a screenful of elements.
 */
import { bisectLeft, bisectRight } from 'd3-array';
import { bandInView, cullToBand } from './scroll-window';
import type { SequenceColumns } from './sequence-columns';

/** A pan-and-zoom transform as d3-zoom keeps it. */
export interface Transform {
	x: number;
	y: number;
	k: number;
}

/** The rows `[start, end)` that overlap the band `[top, top + height)`, with `overscan` more. */
export function visibleRange(
	offsets: Float64Array,
	top: number,
	height: number,
	overscan = 2
): { start: number; end: number } {
	const count = offsets.length - 1;
	if (count <= 0) return { start: 0, end: 0 };
	const first = Math.max(0, bisectRight(offsets, top) - 1);
	const last = Math.min(count, bisectLeft(offsets, top + height));
	return {
		start: Math.max(0, first - overscan),
		end: Math.min(count, Math.max(last, first) + overscan)
	};
}

/**
 * Keeps the content in view: it cannot be dragged past its top, bottom, left or right edge.
 * `viewport` is the drawing area under the header; `content` is the unscaled size.
 */
export function constrainTransform(
	t: Transform,
	viewport: { width: number; height: number },
	content: { width: number; height: number }
): Transform {
	const clamp = (value: number, size: number, view: number) => {
		const min = Math.min(0, view - size);
		return Math.max(min, Math.min(0, value));
	};
	return {
		k: t.k,
		x: clamp(t.x, content.width * t.k, viewport.width),
		y: clamp(t.y, content.height * t.k, viewport.height)
	};
}

/** The transform that shows the bottom of the content (follows the newest event). */
export function followBottom(
	t: Transform,
	viewport: { width: number; height: number },
	content: { width: number; height: number }
): Transform {
	return constrainTransform({ ...t, y: viewport.height - content.height * t.k }, viewport, content);
}

/** Whether the bottom of the content is in view (within `slack` px). */
export function atBottom(
	t: Transform,
	viewport: { height: number },
	content: { height: number },
	slack = 8
): boolean {
	return t.y + content.height * t.k <= viewport.height + slack;
}

/** The content band in view for a transform: what {@link visibleRange} needs. */
export function viewBand(t: Transform, viewportHeight: number): { top: number; height: number } {
	return { top: -t.y / t.k, height: viewportHeight / t.k };
}

/** The transform that brings row `index` into view, or `t` itself if it already is. */
export function revealRow(
	t: Transform,
	offsets: Float64Array,
	index: number,
	viewport: { width: number; height: number },
	content: { width: number; height: number }
): Transform {
	const top = offsets[index] * t.k + t.y;
	const bottom = offsets[index + 1] * t.k + t.y;
	if (top >= 0 && bottom <= viewport.height) return t;
	const y = top < 0 ? -offsets[index] * t.k + 8 : viewport.height - offsets[index + 1] * t.k - 8;
	return constrainTransform({ ...t, y }, viewport, content);
}

/**
 * The lifelines and device bands within the horizontal window the scroller shows (see
 * {@link bandInView}); small worlds are drawn whole.
 * @param k the zoom factor; a column's screen x is `x * k + offsetX`
 * @param left the scroller's `scrollLeft`
 * @param width the scroller's visible width; 0 before it is measured
 */
export function columnsInView(
	columns: SequenceColumns,
	transform: Transform,
	left: number,
	width: number
): Pick<SequenceColumns, 'lifelines' | 'groups'> {
	const band = bandInView(left, width);
	const screen = (x: number) => x * transform.k + transform.x;
	const lifelines = cullToBand(columns.lifelines, band, (line) => [screen(line.x), screen(line.x)]);
	if (lifelines === columns.lifelines) return columns;
	const groups = cullToBand(columns.groups, band, (g) => [screen(g.x1), screen(g.x2)]);
	return { lifelines: [...lifelines], groups: [...groups] };
}

/** The smallest scale a sequence diagram is drawn at to fit its panel (14 px text → 11 px). */
export const MIN_FIT = 0.8;

/**
 * How much the drawing is scaled down so that lifelines already at their narrowest still fit
 * the panel, rather than leaving the last ones (the server's) past its right edge: 1 when they
 * fit, never below {@link MIN_FIT} (beyond that the panel scrolls sideways).
 * @param contentWidth the width the columns need, in layout px
 * @param availableWidth the panel's width in screen px; 0 before it is measured
 */
export function fitScale(contentWidth: number, availableWidth: number): number {
	if (availableWidth <= 0 || contentWidth <= availableWidth) return 1;
	return Math.max(MIN_FIT, Math.floor((availableWidth / contentWidth) * 1000) / 1000);
}
