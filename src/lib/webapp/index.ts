/**
 * The simulated web application of Session Lab: the book's example on `myapp.example`, with
 * login, counter, consent, load balancer and hardening settings, and the attacker's
 * `evil.example`.
 */
export { WebApp, createWebApp, restoreWebApp, HSTS_VALUE, type WebAppOptions } from './app';
export type { WebAppDeps, UserAccount, SessionRow } from './types';
export type {
	Protocol,
	SameSiteSetting,
	StoreKind,
	ServerSettings,
	FrameworkName
} from './settings';
export { FRAMEWORK_NAMES } from './settings';
export {
	FRAMEWORKS,
	flavourOf,
	frameworkChanges,
	frameworkSessionCookie,
	type FrameworkFlavour
} from './frameworks';
export {
	owaspComparison,
	OWASP_CHECKS,
	type OwaspRow,
	type OwaspCheck
} from './frameworks/owasp-comparison';
export {
	sessionCookieName,
	appOrigin,
	mergeSettings,
	MAX_APP_SERVERS,
	MAX_SETTING_SECONDS,
	MAX_COOKIE_NAME,
	COOKIE_NAME_TOKEN
} from './settings';
export { BOOK_DEFAULTS, SECURE_DEFAULTS } from './presets';
export {
	NEWS_HOST,
	WIDGETS_HOST,
	TRACKER_PIXEL_URL,
	WIDGET_URL,
	TRACKER_COOKIE,
	WIDGET_COOKIE
} from './third-party-sites';
export { BOOK_SITE, bookSiteProfile } from './site-profile';
export { evilPageRequests, EVIL_HOST, type ForgedRequest } from './evil-site';
export {
	parseCookieHeader,
	cookieValue,
	buildSessionCookie,
	buildClearCookie,
	imfFixdate
} from './cookies';
export type { WebAppSnapshot } from './snapshot';
