import { sequenceColumns } from '$lib/diagrams/layout/sequence-columns';
import type { Scene } from '$lib/diagrams/layout/scene';
import { SEQUENCE } from '$lib/diagrams/layout/row-height';

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

/** The smallest scale a lesson's diagram is given to fit its area. */
export const MIN_FIT = 0.75;

/**
 * The width a sequence diagram of `lifelines` columns needs so that every label stays whole:
 * the narrowest columns, the margins and room for a scroll bar.
 */
export function sequenceWidth(lifelines: number): number {
	return lifelines * SEQUENCE.minColumn + 2 * SEQUENCE.margin + 24;
}

/**
 * How much a lesson scales its diagram: in Present as much as {@link presentZoom} allows, and
 * always little enough that a diagram needing `needed` px fits in `width` (never below
 * {@link MIN_FIT}), so that no lifeline, such as the server's, is cut off at the right.
 */
export function diagramZoom(
	width: number,
	height: number,
	needed: number,
	presenting: boolean
): number {
	const largest = presenting ? presentZoom(width, height) : 1;
	if (width <= 0 || needed <= 0) return largest;
	const fit = Math.max(MIN_FIT, Math.min(largest, width / needed));
	return Math.round(fit * 100) / 100;
}

/** The width the sequence diagram of `scene` needs to keep its labels whole; 0 without one. */
export function sceneWidth(scene: Scene | undefined): number {
	return scene ? sequenceWidth(sequenceColumns(scene, scene.events).lifelines.length) : 0;
}
