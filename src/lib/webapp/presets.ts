/** Ready-made settings: the book's example, and a hardened configuration. */
import { sessionCookieName, type ServerSettings } from './settings';

/**
 * The book's Dancer2 example (seed-app-contract.md): plain http, cookie
 * `dancer.session=<id>; Path=/; HttpOnly`, no timeouts, no regeneration, sessions in one
 * server's memory.
 */
export const BOOK_DEFAULTS: ServerSettings = Object.freeze({
	framework: 'dancer2',
	protocol: 'http',
	hsts: false,
	cookieName: 'dancer.session',
	cookiePath: '/',
	cookieDomain: null,
	secure: false,
	httpOnly: true,
	sameSite: 'unset',
	hostPrefix: false,
	maxAgeSeconds: null,
	idleTimeoutSeconds: null,
	absoluteTimeoutSeconds: null,
	regenerateOnLogin: false,
	idStrength: 'strong',
	store: 'memory',
	bindToIp: false,
	appServers: 1,
	stickySessions: false,
	sharedStore: false,
	throttleLogins: false,
	checkOrigin: false
});

/**
 * A configuration following the OWASP Session Management Cheat Sheet: https with a redirect and
 * HSTS, a `__Host-sid` cookie that is Secure, HttpOnly and `SameSite=Lax`, a 15-minute idle and
 * an 8-hour absolute timeout, a new id at login, login throttling, and a server that refuses
 * POSTs from other sites (OWASP Cross-Site Request Forgery Prevention Cheat Sheet).
 */
export const SECURE_DEFAULTS: ServerSettings = Object.freeze({
	...BOOK_DEFAULTS,
	protocol: 'https-redirect',
	hsts: true,
	cookieName: 'sid',
	hostPrefix: true,
	secure: true,
	httpOnly: true,
	sameSite: 'Lax',
	idleTimeoutSeconds: 900,
	absoluteTimeoutSeconds: 28800,
	regenerateOnLogin: true,
	throttleLogins: true,
	checkOrigin: true
});

/**
 * Session cookie names the presets use. A request that carries one of them but not the current
 * name was made under other settings, and the server can say so.
 */
export const PRESET_SESSION_COOKIES: readonly string[] = [
	sessionCookieName(BOOK_DEFAULTS),
	sessionCookieName(SECURE_DEFAULTS)
];
