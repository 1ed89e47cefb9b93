/** The lessons, in teaching order, each checked by the lesson format's reader when this module loads. */
import type { Scenario } from './scenario';
import { builtInLesson, toLessonDocument } from './lesson-format/lesson-schema';
import { lessonCatalog } from './lesson-catalog';
import { playableLesson } from './lesson-format/browser-pins';

/**
 * Every lesson, in teaching order. Each goes through the lesson format's reader, as a lesson
 * from a file or a link does, so the editor can open any of them as a starting copy.
 */
export const lessons: Scenario[] = lessonCatalog.map((lesson) =>
	playableLesson(builtInLesson(toLessonDocument(lesson)))
);

const slugs = new Set<string>();
for (const lesson of lessons) {
	if (slugs.has(lesson.slug)) throw new Error(`Two lessons share the slug ${lesson.slug}.`);
	slugs.add(lesson.slug);
}

/** The lesson with this slug, or `undefined`. */
export function lessonBySlug(slug: string): Scenario | undefined {
	return lessons.find((lesson) => lesson.slug === slug);
}
