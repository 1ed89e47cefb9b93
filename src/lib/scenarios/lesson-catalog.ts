/**
 * The built-in lessons in teaching order, as written. Pages that only list them (the home
 * page) import this, not `lessons.ts`, which checks each through the lesson format's reader.
 */
import type { Scenario } from './scenario';
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

/** Every built-in lesson, in teaching order, unchecked. */
export const lessonCatalog: readonly Scenario[] = [
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
];
