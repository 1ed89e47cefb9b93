/**
 * Reads the name, value and attributes of one `Set-Cookie` header (RFC 6265bis §5.6), for
 * curl's cookie engine and for HAR export. It does not decide whether a cookie is stored.
 */
import { parseDate } from 'tough-cookie';

/** A `Set-Cookie` header's fields. Times are milliseconds since the epoch. */
export interface SetCookieFields {
	name: string;
	value: string;
	domain: string | null;
	path: string | null;
	/** The `Expires` date, or `null` when absent or unreadable. */
	expires: number | null;
	/** The `Max-Age` in seconds, or `null` when absent or not a number. */
	maxAge: number | null;
	secure: boolean;
	httpOnly: boolean;
	sameSite: string | null;
}

/** Trims only space and HTAB, the WSP of RFC 6265bis §5.6. */
function trimWsp(text: string): string {
	return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * Splits a `Set-Cookie` value; `null` when it has neither name nor value (RFC 6265bis §5.6
 * step 3: a pair without `=` is a nameless cookie whose value is the whole pair).
 */
export function readSetCookie(header: string): SetCookieFields | null {
	const [pair, ...attributes] = header.split(';');
	const equals = pair.indexOf('=');
	const name = trimWsp(equals === -1 ? '' : pair.slice(0, equals));
	const value = trimWsp(equals === -1 ? pair : pair.slice(equals + 1));
	if (name === '' && value === '') return null;
	const fields: SetCookieFields = {
		name,
		value,
		domain: null,
		path: null,
		expires: null,
		maxAge: null,
		secure: false,
		httpOnly: false,
		sameSite: null
	};
	for (const attribute of attributes) {
		const at = attribute.indexOf('=');
		const key = trimWsp(at === -1 ? attribute : attribute.slice(0, at)).toLowerCase();
		const argument = at === -1 ? '' : trimWsp(attribute.slice(at + 1));
		if (key === 'domain' && argument !== '') fields.domain = argument.replace(/^\./, '');
		else if (key === 'path') fields.path = argument.startsWith('/') ? argument : null;
		else if (key === 'expires') {
			// RFC 6265bis §5.1.1, as tough-cookie implements it: always UTC, and two-digit years
			// 70-99 are 19xx and 00-69 are 20xx. Date.parse would read a date without a zone in
			// the viewer's own time zone, and year 55 as 1955.
			fields.expires = parseDate(argument)?.getTime() ?? null;
		} else if (key === 'max-age' && /^-?\d+$/.test(argument)) fields.maxAge = Number(argument);
		else if (key === 'secure') fields.secure = true;
		else if (key === 'httponly') fields.httpOnly = true;
		else if (key === 'samesite') fields.sameSite = argument;
	}
	return fields;
}
