/**
 * Scrolls `scroller` as little as it takes, along one axis, to bring the span from `from` to
 * `to` (content px) into view: arrow keys may choose an item that a culled view has not drawn.
 */
export function revealSpan(scroller: HTMLElement, from: number, to: number, axis: 'x' | 'y'): void {
	const position = axis === 'y' ? 'scrollTop' : 'scrollLeft';
	const size = axis === 'y' ? scroller.clientHeight : scroller.clientWidth;
	if (from < scroller[position]) scroller[position] = from;
	else if (to > scroller[position] + size) scroller[position] = to - size;
}
