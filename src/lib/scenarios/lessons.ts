/** The lessons, in teaching order, each checked by the scenario schema when this module loads. */
import type { Scenario } from './scenario';
import { validateScenario } from './scenario-schema';
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
import { thirdParty } from './lessons/third-party';

/** Every lesson, in teaching order. */
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
	csrfSameSite,
	thirdParty
].map(validateScenario);

const slugs = new Set<string>();
for (const lesson of lessons) {
	if (slugs.has(lesson.slug)) throw new Error(`Two lessons share the slug ${lesson.slug}.`);
	slugs.add(lesson.slug);
}

/** The lesson with this slug, or `undefined`. */
export function lessonBySlug(slug: string): Scenario | undefined {
	return lessons.find((lesson) => lesson.slug === slug);
}
