/**
 * What a scrolled view draws in a big world: only what is in view or near it, so that a world
 * of a thousand browsers costs a screenful of elements, not a hundred thousand.
 */

/** Views cull only above this many items: small worlds draw everything, as before. */
export const CULL_ABOVE = 60;

/** The view's size, in px, assumed before its scroller has been measured. */
export const UNMEASURED_SIZE = 1600;

/** Drawn beyond each edge of the view, so that scrolling shows no gap before the redraw. */
export const OVERSCAN = 200;

/** A stretch of content along one axis, in px. */
export interface Band {
	start: number;
	end: number;
}

/** The stretch along one axis that is in view, or near it, at scroll offset `scroll`. */
export function bandInView(scroll: number, size: number): Band {
	const span = size > 0 ? size : UNMEASURED_SIZE;
	return { start: scroll - OVERSCAN, end: scroll + span + OVERSCAN };
}

/** Whether the span from `from` to `to` meets the band. */
export function meetsBand(band: Band, from: number, to: number): boolean {
	return Math.max(from, to) >= band.start && Math.min(from, to) <= band.end;
}

/**
 * The items whose span meets the band, in their order; all of them while there are at most
 * {@link CULL_ABOVE}.
 * @param span where an item starts and ends along the axis
 */
export function cullToBand<T>(
	items: readonly T[],
	band: Band,
	span: (item: T) => readonly [number, number]
): readonly T[] {
	if (items.length <= CULL_ABOVE) return items;
	return items.filter((item) => {
		const [from, to] = span(item);
		return meetsBand(band, from, to);
	});
}
