/**
 * Django 5 with the database session backend. Defaults from
 * https://docs.djangoproject.com/en/5.2/ref/settings/#sessions : `SESSION_COOKIE_NAME='sessionid'`,
 * `SESSION_COOKIE_AGE=1209600` (two weeks), `SESSION_COOKIE_HTTPONLY=True`,
 * `SESSION_COOKIE_SECURE=False`, `SESSION_COOKIE_SAMESITE='Lax'`, `SESSION_COOKIE_PATH='/'`,
 * `SESSION_ENGINE='django.contrib.sessions.backends.db'`, `SESSION_SAVE_EVERY_REQUEST=False`.
 * Keys are 32 characters of `[a-z0-9]` (`VALID_KEY_CHARS` in
 * https://github.com/django/django/blob/main/django/contrib/sessions/backends/base.py).
 * `django.contrib.auth.login()` calls `cycle_key()`, a new key at login. Python's
 * `http.cookies.Morsel` writes attributes sorted by name, so the line is
 * `sessionid=<key>; expires=<date>; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax`.
 */
import { BOOK_DEFAULTS } from '../presets';
import type { FrameworkFlavour } from './flavour';
import { attribute, flag } from './spelling';

const KEY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const TWO_WEEKS = 1_209_600;

/** Django's session defaults. */
export const DJANGO: FrameworkFlavour = {
	name: 'django',
	label: 'Django',
	source: 'https://docs.djangoproject.com/en/5.2/ref/settings/#sessions',
	defaults: {
		...BOOK_DEFAULTS,
		framework: 'django',
		cookieName: 'sessionid',
		sameSite: 'Lax',
		maxAgeSeconds: TWO_WEEKS,
		// The database row's expire_date; Django sets it when the session is saved.
		absoluteTimeoutSeconds: TWO_WEEKS,
		regenerateOnLogin: true,
		store: 'persistent'
	},
	idBits: 165,
	idFormat: '32 characters of a–z and 0–9',
	storeWords: 'Database table django_session; kept across restarts',
	expiryWords: 'Cookie and database row last two weeks',
	newId: (random) => Array.from({ length: 32 }, () => KEY_CHARS[random.int(36)]).join(''),
	// Sorted: Domain, expires, HttpOnly, Max-Age, Path, SameSite, Secure.
	formatCookie: (a) =>
		`${a.name}=${a.value}` +
		attribute('Domain', a.domain) +
		attribute('expires', a.expires) +
		flag('HttpOnly', a.httpOnly) +
		attribute('Max-Age', a.maxAge) +
		attribute('Path', a.path) +
		attribute('SameSite', a.sameSite) +
		flag('Secure', a.secure),
	resend: 'on-change',
	adoptsUnknownIds: false,
	sessionHeaders: []
};
