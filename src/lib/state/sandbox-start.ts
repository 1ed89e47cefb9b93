import * as v from 'valibot';
import type { Command } from '$lib/engine/commands';
import { CommandSchema } from '$lib/persistence/scenario-schema';
import { LocalSaves } from '$lib/persistence/local-saves';
import { parseShareFragment } from '$lib/persistence/share-link';
import { lessonBySlug } from '$lib/scenarios/lessons';
import { sandboxScenario } from '$lib/scenarios/sandbox-world';
import type { Scenario } from '$lib/scenarios/scenario';
import { takeHandoff } from './sandbox-handoff';

/** Where the sandbox's world comes from, and what to tell the user about it. */
export interface SandboxStart {
	scenario: Scenario;
	history: Command[];
	/** A sentence for the page, or `null` for the plain default world. */
	notice: string | null;
	/** A problem with the link or the saved world, shown as an error. */
	problem: string | null;
	/** A lesson link opened on the sandbox: the page goes there instead. */
	lessonLink?: { slug: string; step: number };
}

/** A lesson's world without its script: in the sandbox the user drives. */
function asSandbox(lesson: Scenario): Scenario {
	return { ...lesson, steps: [] };
}

/**
 * Picks the sandbox's starting world: a shared link first, then a lesson handed over, then the
 * autosaved world, then the default. Every source is validated; a broken one is reported and
 * skipped, so nothing crashes and the autosave is never overwritten by a bad link.
 */
export function chooseSandboxStart(hash: string, saves = new LocalSaves()): SandboxStart {
	const shared = parseShareFragment(hash);
	if (shared?.ok && shared.value.kind === 'world') {
		const { scenario, history, name } = shared.value.world;
		return { scenario, history, notice: `Opened the shared world “${name}”.`, problem: null };
	}
	if (shared?.ok && shared.value.kind === 'lesson') {
		const { lesson, step } = shared.value;
		return { ...defaultStart(), lessonLink: { slug: lesson, step } };
	}
	const problem = shared && !shared.ok ? `This link cannot be opened: ${shared.message}` : null;

	const handoff = takeHandoff();
	const lesson = handoff ? lessonBySlug(handoff.slug) : undefined;
	if (handoff && lesson) {
		const history = v.safeParse(v.array(CommandSchema), handoff.history);
		if (history.success) {
			return {
				scenario: asSandbox(lesson),
				history: history.output as Command[],
				notice: `Carried over from the lesson “${lesson.title}”. Change anything you like.`,
				problem
			};
		}
	}

	const saved = saves.loadAutosave();
	if (saved.ok) {
		return {
			scenario: saved.value.scenario,
			history: saved.value.history,
			notice: `Restored “${saved.value.name}” from your last visit.`,
			problem
		};
	}
	return { ...defaultStart(), problem };
}

function defaultStart(): SandboxStart {
	return { scenario: sandboxScenario, history: [], notice: null, problem: null };
}
