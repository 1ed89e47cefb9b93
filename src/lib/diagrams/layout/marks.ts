/**
 * Many small marks on one line as a single SVG path: a session touched a hundred times is one
 * element, not a hundred.
 */

/** Rounds to a tenth of a pixel, which keeps paths short and snapshots stable. */
function tenth(value: number): number {
	return Math.round(value * 10) / 10;
}

/** Filled dots of radius `r` centred at each x on the line y (two arcs make each circle). */
export function dotsPath(xs: readonly number[], y: number, r: number): string {
	return xs
		.map(
			(x) => `M${tenth(x - r)},${tenth(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`
		)
		.join('');
}

/** Vertical ticks reaching `half` above and below the line y, one at each x. */
export function ticksPath(xs: readonly number[], y: number, half: number): string {
	return xs.map((x) => `M${tenth(x)},${tenth(y - half)}V${tenth(y + half)}`).join('');
}
