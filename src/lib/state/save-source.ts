/** What the Save panel needs of the page's world, as plain values and jobs it can ask for. */
import type { Command } from '$lib/engine/commands';
import { savedWorldBlob, savedWorldFrom, type SavedWorld } from '$lib/persistence/saved-world';
import type { Scenario } from '$lib/scenarios/scenario';
import type { WorldState } from './world-state.svelte';

/** The world to save: read when a save, an export or a link is asked for. */
export interface SaveSource {
	/** The scenario's title: the world's name when none is typed. */
	readonly title: string;
	/** How many events the world holds (too many are not kept in the browser's storage). */
	readonly events: number;
	/** The world as a saved world named `name`, once its pending work is done. */
	snapshot(name: string): Promise<SavedWorld>;
	/** The same, as the bytes of an export file. */
	blob(name: string): Promise<Blob>;
	/** What a share link carries: the scenario and the commands run since its setup. */
	shareable(): Promise<{ scenario: Scenario; history: Command[] }>;
}

/** The Save panel's view of the page's world. */
export function saveSourceOf(sim: WorldState): SaveSource {
	return {
		title: sim.scenario.title,
		events: sim.view.events.length,
		async snapshot(name) {
			await sim.world.idle();
			return savedWorldFrom(sim, name);
		},
		async blob(name) {
			await sim.world.idle();
			return savedWorldBlob(sim, name);
		},
		async shareable() {
			await sim.world.idle();
			return { scenario: sim.scenario, history: [...sim.history] };
		}
	};
}
