/**
 * The gate for lessons that come in from outside: an imported file, a link, a record in "My
 * lessons". Every one passes the same checks as a world (`world-gate.ts`): plain data within
 * bounds, then the lesson format's schema and migration, then the limits on what it builds.
 */
import { isLessonAction } from '$lib/scenarios/run-step';
import type { Command } from '$lib/engine/commands';
import type { Scenario } from '$lib/scenarios/scenario';
import type { LessonDocument } from '$lib/scenarios/lesson-format/lesson-document';
import { readLessonDocument } from '$lib/scenarios/lesson-format/lesson-schema';
import { decodeShare, encodeShare, MAX_FRAGMENT_CHARS } from './share-link';
import {
	checkShape,
	checkWorldLimits,
	LINK_LIMITS,
	SAVED_LIMITS,
	type WorldLimits
} from './world-gate';

/** Largest lesson file read, in characters: a lesson is a script, not a crowd. */
export const MAX_LESSON_FILE_CHARS = 5_000_000;

/** The fragment key of a lesson carried by a link: `#shared=<data>`. */
export const LESSON_LINK_KEY = 'shared';

/** The outcome of reading or writing a lesson. */
export type LessonResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Every engine command a lesson runs (its setup and its steps), for the world limits. */
function lessonCommands(lesson: Scenario): Command[] {
	const commands: Command[] = [];
	for (const step of lesson.steps) {
		for (const item of [...(step.setup ?? []), ...step.commands]) {
			if (!isLessonAction(item)) commands.push(item);
		}
	}
	return commands;
}

/** Checks a parsed value as a lesson from `root` (`file`, `link`, `saved lesson`). Never throws. */
export function admitLesson(
	value: unknown,
	root: string,
	limits: WorldLimits = SAVED_LIMITS
): LessonResult<LessonDocument> {
	const shape = checkShape(value, root);
	if (shape)
		return { ok: false, message: `The ${root} cannot be read. ${shape.path}: ${shape.problem}` };
	const read = readLessonDocument(value, root);
	if (!read.ok) return read;
	const problem = checkWorldLimits(read.value.lesson, lessonCommands(read.value.lesson), limits);
	if (problem) {
		const path = problem.path.replace(/^history/, 'steps (commands)');
		return { ok: false, message: `The ${root} cannot be read. ${path}: ${problem.problem}` };
	}
	return read;
}

/** The text of a lesson file. */
export function lessonFileText(document: LessonDocument): string {
	return `${JSON.stringify(document, null, '\t')}\n`;
}

/** Reads the text of a lesson file. Never throws. */
export function readLessonFile(text: string): LessonResult<LessonDocument> {
	if (text.length > MAX_LESSON_FILE_CHARS) {
		return { ok: false, message: 'This file is too big to be a lesson (over 5 MB).' };
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, message: 'This file is not a lesson: it is not JSON.' };
	}
	return admitLesson(value, 'file');
}

/**
 * The fragment of a link that carries the lesson itself (`#shared=<data>`), or a message when
 * the lesson is too big for a link.
 */
export function lessonLinkFragment(document: LessonDocument): LessonResult<string> {
	const admitted = admitLesson(document, 'link', LINK_LIMITS);
	if (!admitted.ok) {
		return { ok: false, message: `${admitted.message} Export it as a file instead.` };
	}
	const fragment = `#${LESSON_LINK_KEY}=${encodeShare(document)}`;
	if (fragment.length > MAX_FRAGMENT_CHARS) {
		return {
			ok: false,
			message: `This lesson is too big for a link (${fragment.length.toLocaleString('en')} characters). Export it as a file instead.`
		};
	}
	return { ok: true, value: fragment };
}

/**
 * Reads the lesson a link carries, from a fragment in fragment form (`#shared=…&step=2`).
 * @returns `null` when the fragment carries no lesson
 */
export function readLessonLink(hash: string): LessonResult<LessonDocument> | null {
	if (hash.length > MAX_FRAGMENT_CHARS + 100) {
		return {
			ok: false,
			message: 'The link is too long to hold a lesson. Ask for the file instead.'
		};
	}
	const data = new URLSearchParams(hash.replace(/^#/, '')).get(LESSON_LINK_KEY);
	if (data === null) return null;
	const decoded = decodeShare(data);
	if (!decoded.ok) return decoded;
	return admitLesson(decoded.value, 'link', LINK_LIMITS);
}
