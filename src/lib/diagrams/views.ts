import type { ViewName } from '$lib/scenarios/scenario';
import type { WorldState } from '$lib/state/world-state.svelte';

/** The diagram views a page can show. */
export type DiagramView = ViewName;

/** Every view with its tab title, in tab order (sequence first). */
export const DIAGRAM_VIEWS: ReadonlyArray<{ id: DiagramView; title: string }> = [
	{ id: 'sequence', title: 'Sequence diagram' },
	{ id: 'map', title: 'World map' },
	{ id: 'grid', title: 'Who the server thinks you are' },
	{ id: 'lifetimes', title: 'Lifetimes' }
];

/**
 * How a view receives the world: `state` (as the issue names it) or `sim` (as the app's other
 * components name it). Pass one of the two.
 */
export type WorldProp =
	| { /** The world to draw. */ state: WorldState; sim?: undefined }
	| { /** The world to draw. */ sim: WorldState; state?: undefined };
