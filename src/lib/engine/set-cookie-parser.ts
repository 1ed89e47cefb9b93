/**
 * What a browser does with one `Set-Cookie` value before it stores it: the name-value split,
 * size limits and prefixes of RFC 6265bis §5.6 and §4.1.3, and the expiry on the virtual clock.
 */
import { Cookie } from 'tough-cookie';
import { utf8ByteLength } from './utf8';

/** The longest lifetime a browser grants a cookie: 400 days (RFC 6265bis §4.1.2.1–2, §5.6.1–2). */
export const MAX_COOKIE_LIFETIME_MS = 400 * 24 * 60 * 60 * 1000;

/** The most bytes of name plus value a browser keeps (RFC 6265bis §5.6 step 5). */
export const MAX_NAME_VALUE_BYTES = 4096;

/** CTL characters other than HTAB: a header holding one is ignored (RFC 6265bis §5.6 step 1). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\x00-\x08\x0A-\x1F\x7F]/;
/** The longest attribute value a browser reads; longer ones are ignored (RFC 6265bis §5.6). */
const MAX_ATTRIBUTE_VALUE_BYTES = 1024;

/** Trims only space and HTAB, the WSP of RFC 6265bis §5.6 step 4. */
function trimWsp(text: string): string {
	return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * Parses one `Set-Cookie` value as RFC 6265bis §5.6 says, and as today's browsers do; returns
 * the reason when the browser ignores it.
 *
 * tough-cookie's loose mode differs from the browsers in the name and value: it truncates at
 * CR, LF and NUL instead of rejecting control characters, strips a leading `=` and splits again
 * (`=a=b` becomes `a=b` rather than a nameless cookie with value `a=b`), rejects a value holding
 * HTAB, and keeps a cookie whose name and value are both empty. So the name and value are split
 * here, and tough-cookie parses only the attributes.
 */
export function parseSetCookie(header: string): Cookie | string {
	if (CONTROL_CHARACTERS.test(header)) {
		return 'Rejected: it contains a control character (RFC 6265bis §5.6 step 1).';
	}
	const semicolon = header.indexOf(';');
	const pair = semicolon === -1 ? header : header.slice(0, semicolon);
	const attributes = semicolon === -1 ? '' : header.slice(semicolon);
	// §5.6 step 3: with no `=`, the name is empty and the whole pair is the value.
	const equals = pair.indexOf('=');
	const name = trimWsp(equals === -1 ? '' : pair.slice(0, equals));
	const value = trimWsp(equals === -1 ? pair : pair.slice(equals + 1));
	if (utf8ByteLength(name + value) > MAX_NAME_VALUE_BYTES) {
		return 'Rejected: name and value together exceed 4096 bytes (RFC 6265bis §5.6 step 5).';
	}
	if (name === '' && value === '') {
		return 'Ignored: it has neither a name nor a value (RFC 6265bis §5.7).';
	}
	const kept = attributes
		.split(';')
		.filter((av) => {
			const at = av.indexOf('=');
			return at === -1 || utf8ByteLength(av.slice(at + 1)) <= MAX_ATTRIBUTE_VALUE_BYTES;
		})
		.join(';');
	const cookie = Cookie.parse(`x=y${kept}`, { loose: true });
	if (!cookie) return 'The browser could not parse it.';
	cookie.key = name;
	cookie.value = value;
	return prefixProblem(cookie) ?? cookie;
}

/**
 * Cookie prefixes, matched case-insensitively as RFC 6265bis §4.1.3 and §5.7 now say (Chrome
 * and Firefox ship this; tough-cookie matches `__Host-` and `__Secure-` case-sensitively). A
 * nameless cookie whose value looks like a prefixed pair is refused too, since the `Cookie`
 * header would show it as one.
 */
function prefixProblem(cookie: Cookie): string | null {
	const name = cookie.key.toLowerCase();
	const value = cookie.value.toLowerCase();
	if (name === '' && (value.startsWith('__secure-') || value.startsWith('__host-'))) {
		return 'Rejected: a nameless cookie may not start with __Secure- or __Host- (RFC 6265bis §5.7).';
	}
	if ((name.startsWith('__secure-') || name.startsWith('__host-')) && !cookie.secure) {
		return `Rejected: the ${cookie.key.slice(0, name.indexOf('-') + 1)} prefix needs the Secure attribute (RFC 6265bis §4.1.3).`;
	}
	if (name.startsWith('__host-') && (cookie.domain !== null || cookie.path !== '/')) {
		return 'Rejected: the __Host- prefix needs Path=/ and no Domain attribute (RFC 6265bis §4.1.3).';
	}
	return null;
}

/**
 * Turns Max-Age into a fixed expiry on the virtual clock and caps every lifetime at 400 days.
 * Max-Age wins over Expires (RFC 6265bis §5.7 step 3); zero or less deletes the cookie.
 * tough-cookie keeps a Max-Age beyond the number range as the string `"Infinity"` or
 * `"-Infinity"`: hugely negative deletes, hugely positive gets the 400-day cap (§5.6.2).
 */
export function fixExpiry(cookie: Cookie, now: number): void {
	let expires: number | null = null;
	const maxAge = maxAgeSeconds(cookie.maxAge);
	if (maxAge !== null) {
		expires = maxAge <= 0 ? 0 : now + Math.min(maxAge * 1000, MAX_COOKIE_LIFETIME_MS);
	} else if (cookie.expires instanceof Date) {
		expires = cookie.expires.getTime();
	}
	cookie.maxAge = null;
	if (expires === null) {
		cookie.expires = 'Infinity';
		return;
	}
	cookie.expires = new Date(Math.min(expires, now + MAX_COOKIE_LIFETIME_MS));
}

/** Max-Age in seconds, with tough-cookie's `"Infinity"` strings as numbers; `null` when absent. */
function maxAgeSeconds(maxAge: Cookie['maxAge']): number | null {
	if (typeof maxAge === 'number') return maxAge;
	if (maxAge === 'Infinity') return Infinity;
	if (maxAge === '-Infinity') return -Infinity;
	return null;
}
