/**
 * The document a person saves or exports: a scenario, the commands run since its setup, and a
 * snapshot of the world they led to. The world is rebuilt by replaying the commands (replay is
 * deterministic); the snapshot is there to inspect, and to check the replay against.
 */
import * as v from 'valibot';
import type { Command } from '$lib/engine/commands';
import {
	issuePath,
	parseWorldSnapshot,
	PLAIN_MESSAGES,
	snapshotWorld,
	snapshotForWriting,
	SnapshotError,
	type WorldSnapshot
} from '$lib/engine/snapshot';
import type { World } from '$lib/engine/world';
import { ChunkedArray, jsonBlobInChunks, type JsonChunkOptions } from '$lib/export/json-chunks';
import type { Scenario } from '$lib/scenarios/scenario';
import { CommandSchema, NameSchema } from '$lib/engine/command-schema';
import { MAX_ADVANCE_MS } from '$lib/engine/input-limits';
import { ScenarioSchema } from '$lib/scenarios/scenario-schema';
import { checkShape, checkWorldLimits, historyTooLong, SAVED_LIMITS } from './world-gate';

/** Tag of a saved world. */
export const SAVE_FORMAT = 'session-lab-save';

/** The saved-world version this code writes and reads. */
export const SAVE_VERSION = 1;

/** A saved or exported world. */
export interface SavedWorld {
	format: typeof SAVE_FORMAT;
	version: typeof SAVE_VERSION;
	/** The name the person gave it. */
	name: string;
	scenario: Scenario;
	/** Commands run after the scenario's setup, in order. */
	history: Command[];
	snapshot: WorldSnapshot;
}

/** A file or text that is not a saved world this version can read; the message says why. */
export class ImportError extends Error {
	override name = 'ImportError';
}

/** The parts of a running world that a save needs (a `WorldState` has them). */
export interface SavableWorld {
	readonly scenario: Scenario;
	readonly history: readonly Command[];
	readonly world: World;
}

/**
 * The saved-world document of a running world.
 * @param sim the world's `WorldState` (or anything with its scenario, history and world)
 * @param name defaults to the scenario's title
 */
export function savedWorldFrom(sim: SavableWorld, name = sim.scenario.title): SavedWorld {
	return {
		format: SAVE_FORMAT,
		version: SAVE_VERSION,
		name,
		scenario: structuredClone(sim.scenario),
		history: splitLongAdvances(structuredClone([...sim.history])),
		snapshot: snapshotWorld(sim.world)
	};
}

/**
 * The history with every advance longer than a saved world may hold cut into pieces that fit.
 * Playing time merges its advances into one, which a long enough run could take past the limit.
 */
export function splitLongAdvances(history: Command[]): Command[] {
	if (!history.some((c) => c.type === 'advance' && c.milliseconds > MAX_ADVANCE_MS)) return history;
	return history.flatMap((command) => {
		if (command.type !== 'advance' || command.milliseconds <= MAX_ADVANCE_MS) return [command];
		const pieces: Command[] = [];
		for (let left = command.milliseconds; left > 0; left -= MAX_ADVANCE_MS) {
			pieces.push({ type: 'advance', milliseconds: Math.min(left, MAX_ADVANCE_MS) });
		}
		return pieces;
	});
}

/**
 * The saved-world document of a running world as a JSON file, byte for byte what
 * {@link toJson} writes, made in short tasks: a crowd's world holds 100,000 exchanges, and
 * writing them in one go held the page up for seconds. The world is read as it stands when the
 * call starts: the log and the history up to their length then, the rest at once.
 */
export async function savedWorldBlob(
	sim: SavableWorld,
	name = sim.scenario.title,
	options: Pick<JsonChunkOptions, 'scheduler' | 'budgetMs'> = {}
): Promise<Blob> {
	const snapshot = snapshotForWriting(sim.world);
	const document = {
		format: SAVE_FORMAT,
		version: SAVE_VERSION,
		name,
		scenario: sim.scenario,
		history: ChunkedArray.of(sim.history),
		snapshot: { ...snapshot, data: { ...snapshot.data, log: ChunkedArray.of(snapshot.data.log) } }
	};
	return jsonBlobInChunks(document, '\t', {
		type: 'application/json',
		trailer: '\n',
		...options
	});
}

/** The document as JSON text, indented so that people can read an exported file. */
export function toJson(saved: SavedWorld): string {
	return `${JSON.stringify(saved, null, '\t')}\n`;
}

/** The file name an export gets: `<name>.session-lab.json`, without characters files forbid. */
export function exportFileName(name: string): string {
	const safe = name
		.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
		.trim()
		.replace(/^\.+/, '')
		.slice(0, 80);
	return `${safe || 'world'}.session-lab.json`;
}

const SavedWorldSchema = v.object({
	format: v.literal(SAVE_FORMAT),
	version: v.literal(SAVE_VERSION),
	name: NameSchema,
	scenario: ScenarioSchema,
	history: v.array(CommandSchema),
	snapshot: v.unknown()
});

/**
 * Reads a saved world from the text of a file.
 * @throws ImportError naming what is wrong: not JSON, another format, a newer version, or the
 *   path and problem of the first bad field (`history[3].type: unknown command "fly"; …`)
 */
export function parseSavedWorld(text: string): SavedWorld {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new ImportError(`The file is not JSON (${(error as Error).message}).`);
	}
	return checkSavedWorld(value);
}

/**
 * Checks an already parsed value, as {@link parseSavedWorld} does.
 * @returns the same value, typed
 * @throws ImportError
 */
export function checkSavedWorld(value: unknown): SavedWorld {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new ImportError('This is not a Session Lab saved world: expected a JSON object.');
	}
	const { format, version } = value as Record<string, unknown>;
	if (format === 'session-lab-world') {
		throw new ImportError(
			'This is a bare world snapshot, not a saved world: it lacks the scenario and history to rebuild the world from.'
		);
	}
	if (format !== SAVE_FORMAT) {
		throw new ImportError(
			`This is not a Session Lab saved world: its "format" is ${describe(format)}, not "${SAVE_FORMAT}".`
		);
	}
	if (typeof version === 'number' && version > SAVE_VERSION) {
		throw new ImportError(
			`This saved world has version ${version}, made by a newer Session Lab; this page reads version ${SAVE_VERSION}. Reload the page to get the newest version.`
		);
	}
	if (version !== SAVE_VERSION) {
		throw new ImportError(
			`This saved world has an unsupported version (${describe(version)}); this page reads version ${SAVE_VERSION}.`
		);
	}
	const shape =
		historyTooLong((value as Record<string, unknown>).history, SAVED_LIMITS) ??
		checkShape(value, 'file');
	if (shape) throw invalid(shape.path, shape.problem);
	const result = v.safeParse(SavedWorldSchema, value, PLAIN_MESSAGES);
	if (!result.success) {
		const issue = result.issues[0];
		throw invalid(issuePath(issue, 'file'), issue.message);
	}
	const saved = value as SavedWorld;
	const limits = checkWorldLimits(saved.scenario, saved.history, SAVED_LIMITS);
	if (limits) throw invalid(limits.path, limits.problem);
	try {
		parseWorldSnapshot(saved.snapshot);
	} catch (error) {
		if (!(error instanceof SnapshotError)) throw error;
		throw invalid(error.path ? `snapshot.${error.path}` : 'snapshot', error.problem);
	}
	return saved;
}

/**
 * Where a rebuilt world differs from the saved snapshot, for a warning after a replay; `null`
 * when they agree. The world's id is ignored, as every page names its worlds itself.
 */
export function snapshotDifference(saved: WorldSnapshot, rebuilt: WorldSnapshot): string | null {
	return firstDifference({ ...saved.data, id: null }, { ...rebuilt.data, id: null }, '');
}

function firstDifference(a: unknown, b: unknown, path: string): string | null {
	if (Object.is(a, b)) return null;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
		return path || 'snapshot';
	}
	if (Array.isArray(a) !== Array.isArray(b)) return path || 'snapshot';
	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
	for (const key of keys) {
		const next = Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
		const found = firstDifference(left[key], right[key], next);
		if (found) return found;
	}
	return null;
}

function invalid(path: string, problem: string): ImportError {
	return new ImportError(`This saved world cannot be read. ${path}: ${problem}`);
}

function describe(value: unknown): string {
	if (value === undefined) return 'missing';
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
