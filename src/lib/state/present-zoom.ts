/**
 * How much Present scales the diagram: as much as its area allows, so that a diagram laid out
 * for a panel about `DIAGRAM_WIDTH` by `DIAGRAM_HEIGHT` px fills the screen, never below 1 (the
 * normal size) and never above 2.
 */
export function presentZoom(width: number, height: number): number {
	if (width <= 0 || height <= 0) return 1;
	const fit = Math.min(width / DIAGRAM_WIDTH, height / DIAGRAM_HEIGHT);
	return Math.round(Math.max(1, Math.min(2, fit)) * 100) / 100;
}

/** The layout width the diagram needs to show a lesson's lifelines without cutting them. */
export const DIAGRAM_WIDTH = 880;
/** The sequence diagram's height with its tabs and the "Show as table" line. */
export const DIAGRAM_HEIGHT = 650;
