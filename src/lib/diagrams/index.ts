/**
 * The diagrams of Session Lab. Mount `DiagramTabs` for tabs with the Inspector below, or any
 * view on its own; every view takes `state: WorldState`.
 */
export { default as DiagramTabs } from './DiagramTabs.svelte';
export { default as SequenceDiagram } from './SequenceDiagram.svelte';
export { default as WorldMap } from './WorldMap.svelte';
export { default as BeliefGrid } from './BeliefGrid.svelte';
export { default as Lifetimes } from './Lifetimes.svelte';
export { default as Inspector } from './Inspector.svelte';
export { DIAGRAM_VIEWS, type DiagramView } from './views';
export { benchmarkSequenceLayout } from './layout/bench';
