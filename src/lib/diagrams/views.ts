import type { ViewName } from '$lib/scenarios/scenario';

/** The diagram views a page can show. */
export type DiagramView = ViewName;

/** Every view with its tab title, in tab order (sequence first). */
export const DIAGRAM_VIEWS: ReadonlyArray<{ id: DiagramView; title: string }> = [
	{ id: 'sequence', title: 'Sequence diagram' },
	{ id: 'map', title: 'World map' },
	{ id: 'grid', title: 'Who the server thinks you are' },
	{ id: 'lifetimes', title: 'Lifetimes' }
];
