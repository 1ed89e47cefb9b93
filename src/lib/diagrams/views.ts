import { VIEW_NAMES, type ViewName } from '$lib/scenarios/scenario';

/** The diagram views a page can show. */
export type DiagramView = ViewName;

const TITLES: Record<DiagramView, string> = {
	sequence: 'Sequence diagram',
	map: 'World map',
	grid: 'Who the server thinks you are',
	lifetimes: 'Lifetimes'
};

/** Every view with its tab title, in tab order (sequence first), from the one list of names. */
export const DIAGRAM_VIEWS: ReadonlyArray<{ id: DiagramView; title: string }> = VIEW_NAMES.map(
	(id) => ({ id, title: TITLES[id] })
);
