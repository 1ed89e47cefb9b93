/**
 * WPT `cookies/rfc6265bis/prefix/` (the cases set over HTTP) and `cookies/secure/`: cookie
 * name prefixes (RFC 6265bis §4.1.3) and Secure cookies from insecure origins (§5.7).
 */
import { row } from './builders';
import { ORIGIN, SECURE_CROSS_SITE_ORIGIN } from './types';
import type { RequestStep, WptRow } from './types';

const PREFIX_DIR = 'cookies/rfc6265bis/prefix';

/**
 * `set_prefixed_cookie_via_http_test`: the page fetches `set.py` on `origin` (its own when none
 * is given), then `list.py` there, and looks for the one cookie. A fetch to another site is a
 * cross-site subresource request, the world's `cross-site` image.
 */
function prefixed(
	file: string,
	index: number,
	prefix: string,
	params: string,
	present: boolean,
	title: string,
	origin = ORIGIN
): WptRow {
	const page = `${ORIGIN}/${PREFIX_DIR}/${file}`;
	const via = origin === ORIGIN ? 'fetch' : 'cross-site-image';
	const name = `${prefix}prefixtestcookie`;
	const set: RequestStep = {
		via,
		page,
		url: `${origin}/cookies/resources/set.py`,
		setCookies: [`${name}=1;${params}`]
	};
	const list: RequestStep = { via, page, url: `${origin}/cookies/resources/list.py` };
	return row(
		`${PREFIX_DIR}/${file}`,
		index,
		'rfc6265bis/prefix',
		title,
		[set],
		list,
		present ? `${name}=1` : '',
		{
			names: [name]
		}
	);
}

/** The four extra parameter lists each prefix file loops over, with `domain=` filled in. */
const extras = (host: string) => ['', `domain=${host}`, 'MaxAge=10', 'HttpOnly'];

function prefixFile(
	file: string,
	prefix: '__Host-' | '__Secure-',
	origin: string,
	host: string,
	label: string,
	secureStored: boolean
) {
	return extras(host).flatMap((extra, i) => [
		prefixed(
			file,
			2 * i + 1,
			prefix,
			`Path=/;${extra}`,
			false,
			`${label}'Path=/;${extra}'`,
			origin
		),
		prefixed(
			file,
			2 * i + 2,
			prefix,
			`Secure; Path=/;${extra}`,
			secureStored,
			`${label}'Secure; Path=/;${extra}'`,
			origin
		)
	]);
}

const HOST_NON_SECURE = [
	...prefixFile(
		'__host.http.non-secure.html',
		'__Host-',
		ORIGIN,
		'web-platform.test',
		'__Host: Non-secure origin: ',
		false
	),
	prefixed(
		'__host.http.non-secure.html',
		9,
		'__Host-',
		'Secure; Path=/cookies/rfc6265bis/resources/list.py',
		false,
		"__Host: Non-secure origin: 'Secure; Path=/cookies/rfc6265bis/resources/list.py'"
	)
];

const SECURE_NON_SECURE = prefixFile(
	'__secure.http.non-secure.html',
	'__Secure-',
	ORIGIN,
	'web-platform.test',
	'__Secure: Non-secure origin: ',
	false
);

/** Here the file writes `Secure;Path=/;` without a space; the cookie is the same. */
const SECURE_SECURE = prefixFile(
	'__secure.http.secure.html',
	'__Secure-',
	SECURE_CROSS_SITE_ORIGIN,
	'not-web-platform.test',
	'__Secure: secure origin: ',
	true
).map((r) => ({
	...r,
	subtest: r.subtest.replace("'Secure; Path", "'Secure;Path")
}));

const CREATE_FILE = 'cookies/secure/create-cookie-http.html';
/**
 * `create_test(INSECURE_ORIGIN, INSECURE_ORIGIN, INSECURE_COOKIE_ONLY)`: `setSecure.py` sets
 * `alone_secure` (Secure) and `alone_insecure` on plain http; only the second may stay.
 */
const SECURE: WptRow[] = [
	row(
		CREATE_FILE,
		1,
		'secure',
		'Secure cookies cannot be set by insecure origins',
		[
			{
				via: 'fetch',
				page: `${ORIGIN}/${CREATE_FILE}`,
				url: `${ORIGIN}/cookies/resources/setSecure.py`,
				setCookies: ['alone_secure=1; secure; path=/', 'alone_insecure=1; path=/']
			}
		],
		{ via: 'fetch', page: `${ORIGIN}/${CREATE_FILE}`, url: `${ORIGIN}/cookies/resources/list.py` },
		'alone_insecure=1',
		{ names: ['alone_secure', 'alone_insecure'] }
	)
];

/** Every row transcribed from the prefix and Secure folders. */
export const PREFIX_SECURE_ROWS: WptRow[] = [
	...HOST_NON_SECURE,
	...SECURE_NON_SECURE,
	...SECURE_SECURE,
	...SECURE
];
