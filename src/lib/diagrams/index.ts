/**
 * The diagrams of Session Lab. Mount `DiagramTabs` (it takes the page's read model, a `WorldView`)
 * for tabs with the Inspector below, or any view on its own: each view takes plain data, a
 * `Scene` (the view's `scene`), the selection and an `onselect` callback.
 */
export { default as DiagramTabs } from './DiagramTabs.svelte';
export { default as SequenceDiagram } from './SequenceDiagram.svelte';
export { default as WorldMap } from './WorldMap.svelte';
export { default as BeliefGrid } from './BeliefGrid.svelte';
export { default as Lifetimes } from './Lifetimes.svelte';
export { default as Inspector } from './Inspector.svelte';
export { default as SequenceFigure } from './SequenceFigure.svelte';
export type { Scene } from './layout/scene';
export { DIAGRAM_VIEWS, type DiagramView } from './views';
export { benchmarkSequenceLayout } from './layout/bench';
