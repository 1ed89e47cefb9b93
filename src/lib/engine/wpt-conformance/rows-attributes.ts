/**
 * WPT `cookies/attributes/`: Max-Age, Expires and invalid attributes (`httpCookieTest`), and
 * the HttpOnly overwrite cases that can be observed without writing `document.cookie`.
 */
import { httpCookieRows, row } from './builders';
import { SECURE_ORIGIN } from './types';
import type { WptRow } from './types';

const MAX_AGE = httpCookieRows('attributes', 'cookies/attributes/max-age.html', [
	[
		'Ignore max-age attribute with invalid non-zero-digit (containing a comma)',
		'test=1; Max-Age=50,399',
		'test=1'
	],
	['Set cookie with age', 'test=2; max-age=10000', 'test=2'],
	['Set no cookie with max-age=0', 'test=3; max-age=0', ''],
	['Set no cookie with max-age=-1', 'test=4; max-age=-1', ''],
	['Set no cookie with max-age=-20', 'test=5; max-age=-20', ''],
	[
		'Set multiple cookies with max-age attribute',
		['testA=6; max-age=60', 'testB=6; max-age=60'],
		'testA=6; testB=6'
	],
	[
		'Expire later cookie with same name and max-age=0',
		['testA=7; max-age=60', 'testB=7; max-age=60', 'testA=differentvalue; max-age=0'],
		'testB=7'
	],
	[
		"Expire later cookie with same name and max-age=0, and don't set cookie with max-age=0",
		[
			'testA=8; max-age=60',
			'testB=8; max-age=60',
			'testA=differentvalue; max-age=0',
			'testC=8; max-age=0'
		],
		'testB=8'
	],
	[
		'Set mulitiple cookies with valid max-age values',
		['test="9! = foo;bar\\";" parser; max-age=6', 'test9; max-age=2.63,'],
		'test="9! = foo; test9'
	],
	["Don't set multiple cookies with max-age=0", ['test=10; max-age=0', 'test10; max-age=0'], '']
]);

const EXPIRES = httpCookieRows('attributes', 'cookies/attributes/expires.html', [
	[
		'Set cookie with expires value containing a comma',
		'test=1; Expires=Fri, 01 Jan 2038 00:00:00 GMT',
		'test=1'
	],
	[
		'Set cookie with expires value followed by comma',
		'test=2; Expires=Fri 01 Jan 2038 00:00:00 GMT, baz=qux',
		'test=2'
	],
	['Set cookie with future expiration', 'test=3; Expires=Fri, 01 Jan 2038 00:00:00 GMT', 'test=3'],
	[
		'Set expired cookie along with valid cookie',
		[
			'test=expired; Expires=Fri, 07 Aug 2007 08:04:19 GMT',
			'test=4; Expires=Fri, 07 Aug 2027 08:04:19 GMT'
		],
		'test=4'
	],
	[
		"Don't set cookie with expires set to the past",
		'test=5; expires=Thu, 10 Apr 1980 16:33:12 GMT',
		''
	]
]);

const INVALID = httpCookieRows('attributes', 'cookies/attributes/invalid.html', [
	['Set cookie with invalid attribute', 'test=1; lol; Path=/', 'test=1', false],
	['Set cookie ending with invalid attribute.', 'test=2; Path=/; lol', 'test=2', false],
	['Set cookie ending with quoted invalid attribute.', "test=3; Path=/; 'lol'", 'test=3', false],
	[
		'Set cookie ending with double-quoted invalid attribute.',
		'test=4; Path=/; "lol"',
		'test=4',
		false
	],
	['Set cookie ending with invalid attribute equals.', 'test=5; Path=/; lol=', 'test=5', false],
	[
		'Set cookie with two invalid attributes (lol="aaa and bbb).',
		'test=6; lol="aaa;bbb"; Path=/',
		'test=6',
		false
	],
	[
		'Set cookie ending with two invalid attributes (lol="aaa and bbb).',
		'test=7; Path=/; lol="aaa;bbb"',
		'test=7',
		false
	],
	['Set cookie for quoted Secure attribute', 'test=8; "Secure"', 'test=8'],
	['Set cookie for Secure qux', 'test=9; Secure qux', 'test=9'],
	['Ignore invalid attribute name with comma', 'test=10; b,az=qux', 'test=10'],
	['Ignore invalid attribute value with comma', 'test=11; baz=q,ux', 'test=11'],
	[
		'Set cookie ignoring multiple invalid attributes, whitespace, and semicolons',
		'  test  = 12  ;foo;;;   bar',
		'test=12'
	],
	[
		"Set cookie with multiple '='s in its value, ignoring multiple invalid attributes, whitespace, and semicolons",
		'  test=== 13  ;foo;;;   bar',
		'test=== 13'
	],
	['Set cookie with (invalid) version=1 attribute', 'test=14; version=1;', 'test=14'],
	['Set cookie with (invalid) version=1000 attribute', 'test=15; version=1000;', 'test=15'],
	[
		'Set cookie ignoring anything after ; (which looks like an invalid attribute)',
		"test=16; customvalue='1000 or more';",
		'test=16'
	],
	[
		'Set cookie ignoring anything after ; (which looks like an invalid attribute, with no trailing semicolon)',
		"test=17; customvalue='1000 or more'",
		'test=17'
	],
	['Ignore keys after semicolon', 'test=18; foo=bar, a=b', 'test=18'],
	['Ignore attributes after semicolon', 'test=19;max-age=3600, c=d;path=/', 'test=19', false],
	['Ignore `Set-Cookie: =`', ['testA=20', '=', 'testb=20'], 'testA=20; testb=20'],
	['Ignore empty cookie string', ['test=21', ''], 'test=21'],
	['Ignore `Set-Cookie: =` with other `Set-Cookie` headers', ['test22', '='], 'test22'],
	['Ignore name- and value-less `Set-Cookie: ; bar`', ['testA23', '; testB23'], 'testA23'],
	['Ignore name- and value-less `Set-Cookie:    `', ['test24', '   '], 'test24'],
	['Ignore name- and value-less `Set-Cookie: \\t`', ['test25', '\t'], 'test25'],
	[
		"Ignore cookie with domain that won't domain match (along with other invalid noise)",
		'test=26; domain=.parser.test; ;; ;=; ,,, ===,abc,=; abracadabra! max-age=20;=;;',
		''
	]
]);

const HTTPONLY_FILE = 'cookies/attributes/httponly-overwrite.https.window.js';
const HTTPONLY_PAGE = `${SECURE_ORIGIN}/cookies/attributes/httponly-overwrite.https.window.html`;
const SET_URL = `${SECURE_ORIGIN}/cookies/resources/cookie.py`;

/** Subtests 7 and 8 read `document.cookie` after the second response; 1–6 need a script write. */
const HTTPONLY: WptRow[] = [
	row(
		HTTPONLY_FILE,
		7,
		'attributes',
		'Adding HttpOnly to a cookie with an unchanged value hides it from document.cookie',
		[
			{ via: 'fetch', page: HTTPONLY_PAGE, url: SET_URL, setCookies: ['test5=1; Path=/'] },
			{ via: 'fetch', page: HTTPONLY_PAGE, url: SET_URL, setCookies: ['test5=1; Path=/; HttpOnly'] }
		],
		{ via: 'navigate', page: HTTPONLY_PAGE, url: HTTPONLY_PAGE },
		'',
		{ script: true }
	),
	row(
		HTTPONLY_FILE,
		8,
		'attributes',
		'Removing HttpOnly from a cookie with an unchanged value exposes it to document.cookie',
		[
			{
				via: 'fetch',
				page: HTTPONLY_PAGE,
				url: SET_URL,
				setCookies: ['test6=1; Path=/; HttpOnly']
			},
			{ via: 'fetch', page: HTTPONLY_PAGE, url: SET_URL, setCookies: ['test6=1; Path=/'] }
		],
		{ via: 'navigate', page: HTTPONLY_PAGE, url: HTTPONLY_PAGE },
		'test6=1',
		{ script: true }
	)
];

/** Every row transcribed from `cookies/attributes/`. */
export const ATTRIBUTE_ROWS: WptRow[] = [...MAX_AGE, ...EXPIRES, ...INVALID, ...HTTPONLY];
