/**
 * What a person may type into a cookie by hand (the jar table's Edit, a pasted cookie): the
 * browsers' own limits, so that an edit can never smuggle a second cookie into the `Cookie`
 * header (`x; admin=1`) or hold what no `Set-Cookie` could carry.
 */
import { canonicalDomain } from 'tough-cookie';
import { MAX_NAME_VALUE_BYTES } from './set-cookie-parser';
import { utf8ByteLength } from './utf8';

/** The parts of a cookie that an edit can change. */
export interface EditedCookie {
	name: string;
	value: string;
	domain: string;
	path: string;
}

/** CTL characters other than HTAB, which make a browser ignore a cookie (RFC 6265bis §5.6 step 1). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0A-\x1F\x7F]/;
/** A UTF-16 surrogate without its other half: no UTF-8 encodes it (WHATWG Encoding §4.3). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A host name: letters, digits and hyphens in dot-separated labels, or an IPv4 address. */
const HOST_NAME =
	/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Why one part is refused, or `null`. */
function partProblem(part: 'name' | 'value', text: string): string | null {
	if (text.includes(';'))
		return `The ${part} cannot hold ";": the Cookie header would read it as the start of another cookie.`;
	if (CONTROL.test(text))
		return `The ${part} cannot hold a control character (RFC 6265bis §5.6 step 1).`;
	if (LONE_SURROGATE.test(text))
		return `The ${part} holds half of a character (a lone surrogate) that no UTF-8 text can carry.`;
	return null;
}

/**
 * Why browsers would refuse this cookie, in one sentence, or `null` when it may go in the jar.
 */
export function cookieEditProblem(cookie: EditedCookie): string | null {
	const problem = partProblem('name', cookie.name) ?? partProblem('value', cookie.value);
	if (problem) return problem;
	if (cookie.name.includes('='))
		return 'The name cannot hold "=": the first "=" ends the name (RFC 6265bis §5.6).';
	if (cookie.name === '' && cookie.value === '')
		return 'A cookie needs a name or a value (RFC 6265bis §5.7).';
	if (utf8ByteLength(cookie.name + cookie.value) > MAX_NAME_VALUE_BYTES)
		return `The name and value together are over ${MAX_NAME_VALUE_BYTES} bytes (RFC 6265bis §5.6 step 5).`;
	const domain = canonicalDomain(cookie.domain);
	if (!domain || !HOST_NAME.test(domain))
		return `"${cookie.domain}" is not a domain a cookie can belong to.`;
	if (!cookie.path.startsWith('/') || CONTROL.test(cookie.path) || cookie.path.includes(';'))
		return 'The path must start with "/" and hold no ";" or control character.';
	return null;
}
