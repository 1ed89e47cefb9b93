/**
 * The WPT `cookies/` conformance table: every row, and every file read with how many of its
 * subtests became rows.
 */
import { ATTRIBUTE_ROWS } from './rows-attributes';
import { BYTES_ROWS } from './rows-bytes';
import { DOMAIN_ROWS } from './rows-domain';
import { ENCODING_ROWS } from './rows-encoding';
import { PREFIX_SECURE_ROWS } from './rows-prefix-secure';
import { SAMESITE_ROWS } from './rows-samesite';
import { VALUE_SIZE_ORDERING_ROWS } from './rows-value-size';
import type { FileReading, WptRow } from './types';

export { KNOWN_DIFFERENCES, type KnownDifference } from './known-differences';
export { runRow, type ConformanceConnection } from './run-row';
export { expectedFor, type FileReading, type WptRow } from './types';

/** Every transcribed subtest. */
export const WPT_ROWS: readonly WptRow[] = [
	...ATTRIBUTE_ROWS,
	...DOMAIN_ROWS,
	...ENCODING_ROWS,
	...VALUE_SIZE_ORDERING_ROWS,
	...PREFIX_SECURE_ROWS,
	...SAMESITE_ROWS,
	...BYTES_ROWS
];

/** Why a script's own cookie writes cannot be rows. */
const NO_SCRIPT_WRITE = 'the world has no command for a page script writing `document.cookie`';

/** Every WPT file read, with its subtest count; rows come from {@link WPT_ROWS}. */
export const FILES_READ: readonly FileReading[] = [
	{ folder: '(top level)', file: 'cookies/bytes.window.js', read: 2 },
	{ folder: 'attributes', file: 'cookies/attributes/max-age.html', read: 10 },
	{ folder: 'attributes', file: 'cookies/attributes/expires.html', read: 5 },
	{ folder: 'attributes', file: 'cookies/attributes/invalid.html', read: 26 },
	{
		folder: 'attributes',
		file: 'cookies/attributes/httponly-overwrite.https.window.js',
		read: 8,
		notExpressed: `six tell an http-only cookie by writing \`document.cookie\`, and ${NO_SCRIPT_WRITE}`
	},
	{ folder: 'attributes', file: 'cookies/attributes/resources/domain-child.sub.html', read: 46 },
	{ folder: 'encoding', file: 'cookies/encoding/charset.html', read: 6 },
	{ folder: 'value', file: 'cookies/value/value.html', read: 23 },
	{
		folder: 'value',
		file: 'cookies/value/value-overwrite.https.window.js',
		read: 25,
		notExpressed: `the six variants that set cookies with \`document.cookie\`: ${NO_SCRIPT_WRITE}`
	},
	{ folder: 'size', file: 'cookies/size/name-and-value.html', read: 10 },
	{ folder: 'size', file: 'cookies/size/attributes.www.sub.html', read: 4 },
	{ folder: 'ordering', file: 'cookies/ordering/resources/ordering-child.sub.html', read: 4 },
	{
		folder: 'path',
		file: 'cookies/path/match.html',
		read: 16,
		notExpressed:
			`eight set cookies with \`document.cookie\` (${NO_SCRIPT_WRITE}); the eight header ` +
			'variants read through helpers (`echo-cookie.html`, `isCookieSet`) we have not read, and the ' +
			'`set-cookie.py` we read gives every cookie an expiry in 2021'
	},
	{
		folder: 'prefix',
		file: 'cookies/prefix/__host.explicit-path.https.window.js',
		read: 6,
		notExpressed: `all six set cookies with \`document.cookie\`: ${NO_SCRIPT_WRITE}`
	},
	{
		folder: 'rfc6265bis/prefix',
		file: 'cookies/rfc6265bis/prefix/__host.http.non-secure.html',
		read: 9
	},
	{
		folder: 'rfc6265bis/prefix',
		file: 'cookies/rfc6265bis/prefix/__secure.http.non-secure.html',
		read: 8
	},
	{
		folder: 'rfc6265bis/prefix',
		file: 'cookies/rfc6265bis/prefix/__secure.http.secure.html',
		read: 8
	},
	{ folder: 'secure', file: 'cookies/secure/create-cookie-http.html', read: 1 },
	{
		folder: 'secure',
		file: 'cookies/secure/cookie-forcing.html',
		read: 1,
		notExpressed: `it sets cookies with \`document.cookie\` until one is evicted: ${NO_SCRIPT_WRITE}`
	},
	{ folder: 'rfc6265bis/samesite', file: 'cookies/rfc6265bis/samesite/fetch.html', read: 12 },
	{ folder: 'rfc6265bis/samesite', file: 'cookies/rfc6265bis/samesite/img.html', read: 12 },
	{
		folder: 'rfc6265bis/samesite',
		file: 'cookies/rfc6265bis/samesite/form-post-blank.html',
		read: 12
	},
	{ folder: 'rfc6265bis/samesite', file: 'cookies/rfc6265bis/samesite/window-open.html', read: 12 },
	{
		folder: 'rfc6265bis/samesite',
		file: 'cookies/rfc6265bis/samesite/form-get-blank.html',
		read: 12
	},
	{
		folder: 'samesite',
		file: 'cookies/samesite/iframe-reload.html',
		read: 3,
		notExpressed: 'frames and reloads are not world commands'
	},
	{ folder: 'samesite', file: 'cookies/samesite/setcookie-lax.html', read: 2 },
	{
		folder: 'samesite-by-default',
		file: 'cookies/samesite-by-default/fetch-samesitebydefault.tentative.html',
		read: 12
	},
	...[
		'img-samesitebydefault.tentative.html',
		'form-post-blank-samesitebydefault.tentative.html',
		'form-get-blank-samesitebydefault.tentative.html',
		'window-open-samesitebydefault.tentative.html'
	].map((name) => ({
		folder: 'samesite-by-default',
		file: `cookies/samesite-by-default/${name}`,
		read: 12
	})),
	{
		folder: 'samesite-by-default',
		file: 'cookies/samesite-by-default/setcookie-lax-samesitebydefault.tentative.html',
		read: 2
	},
	{
		folder: 'samesite-by-default',
		file: 'cookies/samesite-by-default/setcookie-navigation-samesitebydefault.tentative.html',
		read: 4
	},
	{
		folder: 'schemeful-same-site',
		file: 'cookies/schemeful-same-site/schemeful-websockets.sub.tentative.html',
		read: 1,
		notExpressed: `it sets cookies with \`document.cookie\` and reads them over WebSockets; the world has neither`
	}
];
