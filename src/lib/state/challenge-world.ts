/**
 * A challenge's world: the lesson's world with its story (the steps) already played, as the
 * student finds it, and the story's commands in the history so that undo stops nowhere odd.
 */
import type { Transport } from '$lib/engine/transport';
import type { Scenario } from '$lib/scenarios/scenario';
import { runStep } from '$lib/scenarios/run-step';
import type { ServerRegistry } from '$lib/transport/server-registry';
import { WorldState } from './world-state.svelte';

/** Builds the world and plays every step of the story. */
export async function openChallengeWorld(
	lesson: Scenario,
	transport: Transport,
	registry: ServerRegistry
): Promise<{ sim: WorldState; storyLength: number }> {
	const sim = await WorldState.create(lesson, transport, registry);
	await sim.batch(async (world, control) => {
		for (const step of lesson.steps) {
			await runStep(world, step, {
				apply: async (command) => {
					const events = await world.apply(command);
					control.record(command);
					return events;
				}
			});
		}
	});
	if (sim.error) throw new Error(`The challenge's story could not be played: ${sim.error}`);
	return { sim, storyLength: sim.history.length };
}
