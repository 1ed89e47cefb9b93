/**
 * PHP's built-in sessions (ext/session, files handler) with the defaults of
 * https://www.php.net/manual/en/session.configuration.php : `session.name=PHPSESSID`,
 * `cookie_lifetime=0`, `cookie_path=/`, `cookie_httponly` and `cookie_secure` off,
 * `cookie_samesite` empty, `sid_length=32` with `sid_bits_per_character=4` (32 hex
 * characters, 128 bits), `gc_maxlifetime=1440` seconds, `use_strict_mode=0` (an unknown id
 * is adopted). The cookie line is spelled as `php_session_send_cookie` in
 * https://github.com/php/php-src/blob/master/ext/session/session.c writes it:
 * `PHPSESSID=<id>; path=/`. The default `session.cache_limiter=nocache` adds the headers in
 * {@link PHP_CACHE_HEADERS} when a session starts.
 */
import { BOOK_DEFAULTS } from '../presets';
import { hexEncode as hex } from '../encoding';
import type { FrameworkFlavour } from './flavour';
import { attribute, flag } from './spelling';

/** The `nocache` cache limiter's headers (session.c, `CACHE_LIMITER_FUNC(nocache)`). */
export const PHP_CACHE_HEADERS: Array<[string, string]> = [
	['Expires', 'Thu, 19 Nov 1981 08:52:00 GMT'],
	['Cache-Control', 'no-store, no-cache, must-revalidate'],
	['Pragma', 'no-cache']
];

/** PHP's session defaults. */
export const PHP: FrameworkFlavour = {
	name: 'php',
	label: 'PHP sessions',
	source: 'https://www.php.net/manual/en/session.configuration.php',
	defaults: {
		...BOOK_DEFAULTS,
		framework: 'php',
		cookieName: 'PHPSESSID',
		httpOnly: false,
		idleTimeoutSeconds: 1440,
		store: 'persistent'
	},
	idBits: 128,
	idFormat: '32 hex characters',
	storeWords: 'Files on the server; kept across restarts',
	expiryWords: 'Cookie ends with the browser; garbage-collected after 1440 s idle',
	newId: (random) => hex(random.bytes(16)),
	formatCookie: (a) =>
		`${a.name}=${a.value}` +
		attribute('expires', a.expires) +
		attribute('Max-Age', a.maxAge) +
		attribute('path', a.path) +
		attribute('domain', a.domain) +
		flag('secure', a.secure) +
		flag('HttpOnly', a.httpOnly) +
		attribute('SameSite', a.sameSite),
	resend: 'on-create',
	adoptsUnknownIds: true,
	sessionHeaders: PHP_CACHE_HEADERS
};
