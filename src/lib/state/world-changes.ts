import type { Command } from '$lib/engine/commands';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import type { Scenario } from '$lib/scenarios/scenario';

/**
 * Whether a world holds work of its own: commands run since its setup, or a scenario other than
 * a fresh sandbox's. Such a world is never replaced without asking.
 */
export function hasOwnWork(world: { scenario: Scenario; history: readonly Command[] }): boolean {
	if (world.history.length > 0) return true;
	return (
		world.scenario !== sandboxScenario &&
		JSON.stringify(world.scenario) !== JSON.stringify(sandboxScenario)
	);
}

/** What a person chose when a world came in over one with work of its own. */
export type IncomingChoice = 'new' | 'replace' | 'cancel';

/** The name a kept copy of a replaced world gets under Saved worlds. */
export function keptCopyName(name: string, choice: IncomingChoice): string {
	return choice === 'replace' ? `${name} (before it was replaced)`.slice(0, 100) : name;
}
