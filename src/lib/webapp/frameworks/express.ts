/**
 * Express with express-session 1.18 and its MemoryStore. Defaults from
 * https://github.com/expressjs/session#options : name `connect.sid`, cookie
 * `{ path: '/', httpOnly: true, secure: false, maxAge: null }`; ids from `uid-safe(24)`
 * (32 URL-safe base64 characters); the cookie value is `s:` + id + `.` + HMAC-SHA256 signature
 * in base64 without padding (https://github.com/tj/node-cookie-signature), URI-encoded by the
 * `cookie` module (https://github.com/jshttp/cookie#cookieserializename-value-options), so
 * `connect.sid=s%3A<id>.<signature>; Path=/; HttpOnly`. With `resave`/`rolling` at their
 * defaults an existing session's cookie is not sent again while it has no Expires.
 */
import { BOOK_DEFAULTS } from '../presets';
import { strongSessionId } from '../session-ids';
import type { FrameworkFlavour } from './flavour';
import { attribute, flag } from './spelling';

/** express-session's defaults. */
export const EXPRESS: FrameworkFlavour = {
	name: 'express',
	label: 'Express (express-session)',
	source: 'https://github.com/expressjs/session#options',
	defaults: { ...BOOK_DEFAULTS, framework: 'express', cookieName: 'connect.sid' },
	idBits: 192,
	idFormat: '32 URL-safe base64 characters, HMAC-signed in the cookie',
	storeWords: 'MemoryStore in the server process; lost on restart',
	expiryWords: 'Cookie ends with the browser; MemoryStore never times out',
	newId: strongSessionId,
	// The `cookie` module's order: Max-Age, Domain, Path, Expires, HttpOnly, Secure, SameSite.
	// express-session passes `expires` but no `maxAge` to it.
	formatCookie: (a) =>
		`${a.name}=${a.value}` +
		attribute('Domain', a.domain) +
		attribute('Path', a.path) +
		attribute('Expires', a.expires) +
		flag('HttpOnly', a.httpOnly) +
		flag('Secure', a.secure) +
		attribute('SameSite', a.sameSite),
	resend: 'on-create',
	adoptsUnknownIds: false,
	sessionHeaders: []
};
