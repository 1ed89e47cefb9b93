/**
 * The checks every world passes before it is built, whatever it came from: an imported file, a
 * link, a named save, the autosave. The schemas bound each field; this module bounds what they
 * cannot see one field at a time: the document's shape (depth, forbidden keys), how many
 * commands it holds, where its clock ends, and which server settings it names.
 */
import type { Command } from '$lib/engine/commands';
import { checkPlainData, MAX_TIME, type ShapeProblem } from '$lib/engine/input-limits';
import type { Scenario } from '$lib/scenarios/scenario';
import { unknownSetting, validateScenario, ScenarioError } from '$lib/scenarios/scenario-schema';

/** How much a source may bring. */
export interface WorldLimits {
	/** Most commands in the history. */
	maxCommands: number;
	/** Most commands (setup and history) that add a network, device, browser or person. */
	maxAdds: number;
}

/**
 * A file, a named save or the autosave: a crowd of 5,000 browsers and a million exchanges
 * still fits, with room to spare.
 */
export const SAVED_LIMITS: WorldLimits = { maxCommands: 2_000_000, maxAdds: 20_000 };

/**
 * A link: it must open in a moment. A link of 1,477 characters can unpack to 4,000 new
 * browsers, whose windows took most of a minute to draw.
 */
export const LINK_LIMITS: WorldLimits = { maxCommands: 1000, maxAdds: 50 };

const ADDS: ReadonlySet<string> = new Set([
	'add-network',
	'add-device',
	'add-browser',
	'add-person'
]);

/**
 * Checks a parsed document's shape before any schema reads it; see `checkPlainData`.
 * @param root how the message names the top level (`file`, `link`)
 */
export function checkShape(value: unknown, root: string): ShapeProblem | null {
	return checkPlainData(value, { root });
}

/**
 * Whether a raw `history` field, before the schema reads it, holds more commands than `limits`
 * allow. Cheap: the schema's pass over a huge list is what this spares.
 */
export function historyTooLong(history: unknown, limits: WorldLimits): ShapeProblem | null {
	if (!Array.isArray(history) || history.length <= limits.maxCommands) return null;
	return {
		path: 'history',
		problem: `holds ${history.length.toLocaleString('en')} commands; at most ${limits.maxCommands.toLocaleString('en')} fit`
	};
}

/**
 * The checks that need the whole world, after the schema: the scenario's own rules (ids that
 * exist, valid server settings), counts, the clock's end, and setting names in the history.
 * @returns the first problem, or `null`
 */
export function checkWorldLimits(
	scenario: Scenario,
	history: readonly Command[],
	limits: WorldLimits
): ShapeProblem | null {
	const tooLong = historyTooLong(history, limits);
	if (tooLong) return tooLong;
	try {
		validateScenario(scenario);
	} catch (error) {
		if (!(error instanceof ScenarioError)) throw error;
		return { path: `scenario${error.path ? `.${error.path}` : ''}`, problem: error.reason };
	}
	let adds = 0;
	for (const command of scenario.setup) if (ADDS.has(command.type)) adds++;
	let end = scenario.start;
	for (let i = 0; i < history.length; i++) {
		const command = history[i];
		if (ADDS.has(command.type) && ++adds > limits.maxAdds) {
			return {
				path: `history[${i}]`,
				problem: `adds more than ${limits.maxAdds.toLocaleString('en')} networks, devices, browsers and people`
			};
		}
		if (command.type === 'advance') {
			end += command.milliseconds;
			if (end > MAX_TIME) {
				return {
					path: `history[${i}].milliseconds`,
					problem: 'moves the clock past the year 275760'
				};
			}
		}
		if (command.type === 'configure-server') {
			const unknown = unknownSetting(command.changes);
			if (unknown !== undefined) {
				return {
					path: `history[${i}].changes`,
					problem: `names no server setting: ${JSON.stringify(unknown)}`
				};
			}
		}
	}
	return null;
}
