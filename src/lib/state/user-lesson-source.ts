/**
 * Where a lesson that is not built in comes from, as the page's state says: `#mine=<id>` (from
 * "My lessons") or `#shared=<data>` (carried by a link). Both read through the lesson gate.
 */
import type { LessonDocument } from '$lib/scenarios/lesson-format/lesson-document';
import { LESSON_LINK_KEY, readLessonLink, type LessonResult } from '$lib/persistence/lesson-file';
import type { MyLessons } from '$lib/persistence/my-lessons';

/** A lesson opened from "My lessons" or a link. */
export interface UserLesson {
	document: LessonDocument;
	/** `mine`: kept in this browser under `id`; `link`: not kept anywhere yet. */
	origin: { kind: 'mine'; id: string } | { kind: 'link' };
	/** The page state that names the lesson (without a step): `#mine=…` or `#shared=…`. */
	state: string;
}

const MINE_KEY = 'mine';

/** The page state for a lesson of "My lessons". */
export function mineState(id: string): string {
	return `#${new URLSearchParams({ [MINE_KEY]: id })}`;
}

/** The page state that shows `step` of the lesson named by `state`. */
export function withStep(state: string, step: number): string {
	return step > 0 ? `${state}&step=${step}` : state;
}

/**
 * Reads the lesson a page state names. Never throws.
 * @returns `null` when the state names no lesson
 */
export function readUserLesson(state: string, mine: MyLessons): LessonResult<UserLesson> | null {
	const params = new URLSearchParams(state.replace(/^#/, ''));
	const id = params.get(MINE_KEY);
	if (id !== null) {
		const found = mine.get(id);
		if (!found.ok) return found;
		return {
			ok: true,
			value: { document: found.value, origin: { kind: 'mine', id }, state: mineState(id) }
		};
	}
	const fromLink = readLessonLink(state);
	if (!fromLink) return null;
	if (!fromLink.ok) return fromLink;
	const data = params.get(LESSON_LINK_KEY) ?? '';
	return {
		ok: true,
		value: {
			document: fromLink.value,
			origin: { kind: 'link' },
			state: `#${LESSON_LINK_KEY}=${data}`
		}
	};
}

/** The name of the channel between a user lesson's page and its teacher's window. */
export function channelKeyOf(lesson: UserLesson): string {
	return lesson.origin.kind === 'mine'
		? `mine:${lesson.origin.id}`
		: `link:${lesson.document.lesson.slug}`;
}
