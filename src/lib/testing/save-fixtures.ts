/**
 * Saved worlds for persistence tests, built from the sandbox in-process. Test-only: nothing in
 * the site imports this file.
 */
import type { Command } from '$lib/engine/commands';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import type { Scenario } from '$lib/scenarios/scenario';
import { worldFor } from '$lib/testing/world-harness';
import { savedWorldFrom, type SavedWorld } from '$lib/persistence/saved-world';

/** A short session: Alice stores a value, reads it back, time passes. */
export const SAMPLE_HISTORY: Command[] = [
	{ type: 'press-set', browserId: 'b1', code: 'qwerty' },
	{ type: 'press-get', browserId: 'b1' },
	{ type: 'advance', milliseconds: 60_000 },
	{ type: 'note', text: 'Alice has a session.' }
];

/** Runs `history` on a fresh world of `scenario` and saves it under `name`. */
export async function sampleSave(
	name = 'My world',
	history: Command[] = SAMPLE_HISTORY,
	scenario: Scenario = sandboxScenario
): Promise<SavedWorld> {
	const world = await worldFor(scenario);
	for (const command of history) await world.apply(command);
	return savedWorldFrom({ scenario, history, world }, name);
}
