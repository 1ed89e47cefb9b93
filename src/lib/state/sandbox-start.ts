import * as v from 'valibot';
import type { Command } from '$lib/engine/commands';
import { CommandSchema } from '$lib/engine/command-schema';
import type { WorldSnapshot } from '$lib/engine/snapshot';
import { LocalSaves, type StoreResult } from '$lib/persistence/local-saves';
import type { SavedWorld } from '$lib/persistence/saved-world';
import type { KeptWorld } from '$lib/persistence/own-world-store';
import { parseShareFragment } from '$lib/persistence/share-link';
import { SAVED_LIMITS } from '$lib/persistence/world-gate';
import { lessonBySlug } from '$lib/scenarios/lessons';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import type { Scenario } from '$lib/scenarios/scenario';
import { takeHandoff } from './sandbox-handoff';
import { hasOwnWork } from './world-changes';

/** A world that arrived at the sandbox, and where from. */
export interface IncomingWorld {
	name: string;
	scenario: Scenario;
	history: Command[];
	from: 'link' | 'lesson';
}

/** Where the sandbox's world comes from, and what to tell the user about it. */
export interface SandboxStart {
	scenario: Scenario;
	history: Command[];
	/** The world as it stood after `history`, to restore without a replay. */
	snapshot?: WorldSnapshot;
	/** A sentence for the page, or `null` for the plain default world. */
	notice: string | null;
	/** A problem with the link or the saved world, shown as an error. */
	problem: string | null;
	/** A lesson link opened on the sandbox: the page goes there instead. */
	lessonLink?: { slug: string; step: number };
	/** The world's name, when it came with one (a shared or saved world). */
	name?: string;
	/**
	 * A world that arrived (a link, a lesson carried over) over this one, which has work of its
	 * own: the page opens this one first and asks what to do with the other.
	 */
	incoming?: IncomingWorld;
	/** Whether the world is the one kept from the last visit (so saving it again is no news). */
	restored?: boolean;
}

/** A lesson's world without its script: in the sandbox the user drives. */
function asSandbox(lesson: Scenario): Scenario {
	return { ...lesson, steps: [] };
}

/**
 * Picks the sandbox's starting world: a shared link first, then a lesson handed over, then the
 * world kept in IndexedDB, then an autosave in local storage (older visits, or browsers without
 * IndexedDB), then the default. Every source is validated; a broken one is reported and
 * skipped, so nothing crashes and the autosave is never overwritten by a bad link. A link that
 * arrives over a kept world with work of its own does not replace it: the kept world opens, and
 * the link waits in `incoming` for the person to choose.
 * @param ownWorld what `OwnWorldStore.load()` found, or `null` when it was not asked
 */
export function chooseSandboxStart(
	hash: string,
	saves = new LocalSaves(),
	ownWorld: StoreResult<KeptWorld> | null = null
): SandboxStart {
	const shared = parseShareFragment(hash);
	if (shared?.ok && shared.value.kind === 'world') {
		const own = keptStart(saves, ownWorld);
		if (own.start && hasOwnWork(own.start)) {
			const { name, scenario, history } = shared.value.world;
			return { ...own.start, incoming: { name, scenario, history, from: 'link' } };
		}
		const { scenario, history, name } = shared.value.world;
		return { scenario, history, name, notice: `Opened the shared world “${name}”.`, problem: null };
	}
	if (shared?.ok && shared.value.kind === 'lesson') {
		const { lesson, step } = shared.value;
		return { ...defaultStart(), lessonLink: { slug: lesson, step } };
	}
	const problem = shared && !shared.ok ? `This link cannot be opened: ${shared.message}` : null;

	const handoff = takeHandoff();
	const lesson = handoff ? lessonBySlug(handoff.slug) : undefined;
	if (handoff && lesson) {
		const history = v.safeParse(
			v.pipe(v.array(CommandSchema), v.maxLength(SAVED_LIMITS.maxCommands)),
			handoff.history
		);
		if (history.success) {
			const own = keptStart(saves, ownWorld);
			if (own.start && hasOwnWork(own.start)) {
				const world = { scenario: asSandbox(lesson), history: history.output as Command[] };
				return { ...own.start, incoming: { ...world, name: lesson.title, from: 'lesson' } };
			}
			return {
				scenario: asSandbox(lesson),
				history: history.output as Command[],
				notice: `Carried over from the lesson “${lesson.title}”. Change anything you like.`,
				problem
			};
		}
	}

	const own = keptStart(saves, ownWorld);
	if (own.start) return { ...own.start, problem: problem ?? own.start.problem };
	return { ...defaultStart(), problem: problem ?? own.problem };
}

/**
 * The world kept from the last visit, if any, and why the IndexedDB record was not used. The
 * IndexedDB record comes first, unless local storage holds a newer autosave (IndexedDB refused
 * to store the world the last time).
 */
function keptStart(
	saves: LocalSaves,
	ownWorld: StoreResult<KeptWorld> | null
): { start: SandboxStart | null; problem: string | null } {
	const kept = ownWorld?.ok ? ownWorld.value : null;
	if (kept && !kept.newerInLocalStorage) return { start: restoredStart(kept.world), problem: null };
	const ownProblem =
		ownWorld && !ownWorld.ok && ownWorld.reason === 'invalid' ? ownWorld.message : null;
	const saved = saves.loadAutosave();
	if (saved.ok) {
		// Replayed from its commands, as before the IndexedDB record existed.
		const start = { ...restoredStart(saved.value), snapshot: undefined, problem: ownProblem };
		return { start, problem: ownProblem };
	}
	if (kept) return { start: restoredStart(kept.world), problem: null };
	return { start: null, problem: ownProblem };
}

/** A start from a saved world; with a snapshot, it is restored without a replay. */
function restoredStart(saved: SavedWorld): SandboxStart {
	const { scenario, history, snapshot, name } = saved;
	const notice = `Restored “${name}” from your last visit.`;
	return { scenario, history, snapshot, name, notice, problem: null, restored: true };
}

function defaultStart(): SandboxStart {
	return { scenario: sandboxScenario, history: [], notice: null, problem: null };
}
