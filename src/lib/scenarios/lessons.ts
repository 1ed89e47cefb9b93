/** The lessons, in teaching order, each checked by the lesson format's reader when this module loads. */
import type { Scenario } from './scenario';
import { builtInLesson, toLessonDocument } from './lesson-format/lesson-schema';
import { cookieConsent } from './lessons/cookie-consent';
import { cookies } from './lessons/cookies';
import { csrfSameSite } from './lessons/csrf-samesite';
import { httpOnly } from './lessons/httponly';
import { internetCafe } from './lessons/internet-cafe';
import { ipNotPerson } from './lessons/ip-not-person';
import { loadBalancer } from './lessons/load-balancer';
import { login } from './lessons/login';
import { noMemory } from './lessons/no-memory';
import { saveValue } from './lessons/save-value';
import { serverRestart } from './lessons/server-restart';
import { sessionFixation } from './lessons/session-fixation';
import { splitIdentity } from './lessons/split-identity';
import { stolenCookie } from './lessons/stolen-cookie';

/**
 * Every lesson, in teaching order. Each goes through the lesson format's reader, as a lesson
 * from a file or a link does, so the editor can open any of them as a starting copy.
 */
export const lessons: Scenario[] = [
	noMemory,
	ipNotPerson,
	cookies,
	splitIdentity,
	saveValue,
	login,
	internetCafe,
	stolenCookie,
	httpOnly,
	serverRestart,
	cookieConsent,
	sessionFixation,
	loadBalancer,
	csrfSameSite
].map((lesson) => builtInLesson(toLessonDocument(lesson)).lesson);

const slugs = new Set<string>();
for (const lesson of lessons) {
	if (slugs.has(lesson.slug)) throw new Error(`Two lessons share the slug ${lesson.slug}.`);
	slugs.add(lesson.slug);
}

/** The lesson with this slug, or `undefined`. */
export function lessonBySlug(slug: string): Scenario | undefined {
	return lessons.find((lesson) => lesson.slug === slug);
}
