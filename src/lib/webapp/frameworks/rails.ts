/**
 * Ruby on Rails 7.1+ with the default cookie store. The whole session travels in the cookie,
 * encrypted and authenticated with AES-256-GCM (see `rails-cookie.ts`). Defaults from
 * https://guides.rubyonrails.org/security.html#session-storage and
 * https://api.rubyonrails.org/classes/ActionDispatch/Session/CookieStore.html : cookie
 * `_<app>_session`, `path: '/'`, `httponly: true`, `same_site: :lax`, no expiry. Rack 3 spells
 * the line in lower case (`Rack::Utils.set_cookie_header`,
 * https://github.com/rack/rack/blob/main/lib/rack/utils.rb):
 * `_myapp_session=<data>--<iv>--<tag>; path=/; httponly; samesite=lax`. The cookie is written
 * again whenever the session was loaded, as each encryption draws a new IV.
 */
import { BOOK_DEFAULTS } from '../presets';
import { hexEncode as hex } from '../encoding';
import type { FrameworkFlavour } from './flavour';
import { attribute, flag, lowerSameSite } from './spelling';

/** Rails' session defaults, for an application called `myapp`. */
export const RAILS: FrameworkFlavour = {
	name: 'rails',
	label: 'Ruby on Rails (cookie store)',
	source: 'https://api.rubyonrails.org/classes/ActionDispatch/Session/CookieStore.html',
	defaults: {
		...BOOK_DEFAULTS,
		framework: 'rails',
		cookieName: '_myapp_session',
		sameSite: 'Lax',
		store: 'signed-cookie'
	},
	idBits: 128,
	idFormat: 'session_id of 32 hex characters, inside the encrypted cookie',
	storeWords: 'In the cookie, encrypted (AES-256-GCM); nothing on the server',
	expiryWords: 'Cookie ends with the browser; no server timeout, no revocation',
	// Rack::Session::SessionId: SecureRandom.hex(16).
	newId: (random) => hex(random.bytes(16)),
	formatCookie: (a) =>
		`${a.name}=${a.value}` +
		attribute('domain', a.domain) +
		attribute('path', a.path) +
		attribute('max-age', a.maxAge) +
		attribute('expires', a.expires) +
		flag('secure', a.secure) +
		flag('httponly', a.httpOnly) +
		attribute('samesite', lowerSameSite(a)),
	resend: 'on-use',
	adoptsUnknownIds: false,
	sessionHeaders: []
};
