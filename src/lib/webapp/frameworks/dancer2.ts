/**
 * Perl Dancer2, as in the book: `dancer.session=<id>; Path=/; HttpOnly`, sent again on every
 * response that used the session (seed-app-contract.md). Source:
 * https://metacpan.org/pod/Dancer2::Core::Role::SessionFactory (cookie name, HttpOnly default)
 * and https://metacpan.org/pod/Dancer2::Core::Session.
 */
import { BOOK_DEFAULTS } from '../presets';
import { strongSessionId } from '../session-ids';
import type { FrameworkFlavour } from './flavour';
import { attribute, flag } from './spelling';

/** The book's flavour; the application's default. */
export const DANCER2: FrameworkFlavour = {
	name: 'dancer2',
	label: 'Dancer2 (the book)',
	source: 'https://metacpan.org/pod/Dancer2::Core::Role::SessionFactory',
	defaults: { ...BOOK_DEFAULTS },
	idBits: 192,
	idFormat: '32 characters of URL-safe base64',
	storeWords: 'Server memory (Simple engine); lost on restart',
	expiryWords: 'Cookie ends with the browser; no server timeout',
	newId: strongSessionId,
	// Attribute order of the book's recorded headers: Path, Domain, Max-Age, Expires, Secure,
	// HttpOnly, SameSite (the existing `buildSessionCookie` spelling).
	formatCookie: (a) =>
		`${a.name}=${a.value}` +
		attribute('Path', a.path) +
		attribute('Domain', a.domain) +
		attribute('Max-Age', a.maxAge) +
		attribute('Expires', a.expires) +
		flag('Secure', a.secure) +
		flag('HttpOnly', a.httpOnly) +
		attribute('SameSite', a.sameSite),
	resend: 'on-use',
	adoptsUnknownIds: false,
	sessionHeaders: []
};
