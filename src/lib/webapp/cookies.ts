/**
 * Reading the `Cookie` request header and writing `Set-Cookie` response headers
 * (RFC 6265bis §4.1 for the server's side, §5.4 for parsing).
 */
import { headerValues, type HeaderList } from '../engine/http';
import { sessionCookieName, type ServerSettings } from './settings';

/** Longest `Cookie` header the application reads; the rest is ignored, as servers cap headers. */
export const MAX_COOKIE_HEADER = 16 * 1024;

/**
 * Splits `Cookie` header values into name/value pairs, in order. Lenient, like RFC 6265bis §5.4
 * parsing of `cookie-string`: pairs are separated by `;`, a pair without `=` is a cookie with an
 * empty name, surrounding whitespace is dropped, and one pair of double quotes around the value is
 * removed (§4.1.1 allows a quoted value). Several `Cookie` headers are joined with `; ` (RFC 9113
 * §8.2.3). Nothing here throws.
 */
export function parseCookieHeader(headers: HeaderList): Array<[string, string]> {
	const joined = headerValues(headers, 'cookie').join('; ').slice(0, MAX_COOKIE_HEADER);
	const pairs: Array<[string, string]> = [];
	for (const piece of joined.split(';')) {
		const equals = piece.indexOf('=');
		const name = (equals === -1 ? '' : piece.slice(0, equals)).trim();
		let value = (equals === -1 ? piece : piece.slice(equals + 1)).trim();
		if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
			value = value.slice(1, -1);
		if (name === '' && value === '') continue;
		pairs.push([name, value]);
	}
	return pairs;
}

/**
 * The value of the first cookie called `name`, or `null`. When a browser sends two cookies of
 * the same name (for example from different paths), it sends the more specific one first
 * (RFC 6265bis §5.8.3 step 2), so the first one wins.
 */
export function cookieValue(headers: HeaderList, name: string): string | null {
	for (const [key, value] of parseCookieHeader(headers)) if (key === name) return value;
	return null;
}

/** An IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110 §5.6.7). */
export function imfFixdate(milliseconds: number): string {
	return new Date(milliseconds).toUTCString();
}

/** The attributes after `Path` that every session cookie carries: Secure, HttpOnly, SameSite. */
function securityAttributes(settings: ServerSettings): string[] {
	const out: string[] = [];
	if (settings.secure || settings.hostPrefix) out.push('Secure');
	if (settings.httpOnly) out.push('HttpOnly');
	if (settings.sameSite !== 'unset') out.push(`SameSite=${settings.sameSite}`);
	return out;
}

/** Path and Domain of the session cookie; `__Host-` forces `Path=/` and no Domain (RFC 6265bis §4.1.3.2). */
function scopeAttributes(settings: ServerSettings): string[] {
	if (settings.hostPrefix) return ['Path=/'];
	const out = [`Path=${settings.cookiePath}`];
	if (settings.cookieDomain !== null) out.push(`Domain=${settings.cookieDomain}`);
	return out;
}

/**
 * The session cookie, attributes in the order
 * `name=value; Path=/; [Domain=…;] [Max-Age=…;] [Expires=…;] [Secure;] HttpOnly; [SameSite=…]`.
 * Under the book's defaults this is exactly `dancer.session=<id>; Path=/; HttpOnly`.
 * With `maxAgeSeconds` both Max-Age and Expires are sent: Max-Age wins where it is understood
 * (RFC 6265bis §5.6.2), Expires serves older clients.
 */
export function buildSessionCookie(settings: ServerSettings, value: string, now: number): string {
	const parts = [`${sessionCookieName(settings)}=${value}`, ...scopeAttributes(settings)];
	if (settings.maxAgeSeconds !== null) {
		parts.push(`Max-Age=${settings.maxAgeSeconds}`);
		parts.push(`Expires=${imfFixdate(now + settings.maxAgeSeconds * 1000)}`);
	}
	parts.push(...securityAttributes(settings));
	return parts.join('; ');
}

/**
 * A `Set-Cookie` that makes the browser drop the session cookie: empty value and `Max-Age=0`
 * (RFC 6265bis §5.6.2), with the same scope and security attributes so that it replaces the
 * cookie it targets.
 */
export function buildClearCookie(settings: ServerSettings): string {
	return [
		`${sessionCookieName(settings)}=`,
		...scopeAttributes(settings),
		'Max-Age=0',
		...securityAttributes(settings)
	].join('; ');
}

/** A plain cookie `name=value; Path=/[; Max-Age=…]`, for the consent and load-balancer cookies. */
export function buildPlainCookie(name: string, value: string, maxAgeSeconds?: number): string {
	const parts = [`${name}=${value}`, 'Path=/'];
	if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
	return parts.join('; ');
}
