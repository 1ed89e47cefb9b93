/** WPT `cookies/value/`, `cookies/size/` and `cookies/ordering/`, as rows. */
import { httpCookieRows, navigateTo, row } from './builders';
import { SECURE_ORIGIN } from './types';
import type { WptRow } from './types';

const VALUE = httpCookieRows('value', 'cookies/value/value.html', [
	['Set value containing a comma', 'test=1, baz=qux', 'test=1, baz=qux'],
	['Set quoted value containing a comma', 'test="2, baz=qux"', 'test="2, baz=qux"'],
	['Ignore values after semicolon', 'test="3zz;pp" ; ;', 'test="3zz'],
	['Ingore whitespace at the end of value', 'test="4zz ;', 'test="4zz'],
	[
		'Set value including quotes and whitespace up until semicolon',
		'test="5zzz "   "ppp"  ;',
		'test="5zzz "   "ppp"'
	],
	['Set value with a single quote excluding whitespace', 'test=6A"B ;', 'test=6A"B'],
	['Set nameless cookie to its value', 'test7', 'test7'],
	['Set nameless cookie to its value with an escaped quote', '"test8\\"HHH"', '"test8\\"HHH"'],
	['Set value with unbalanced leading quote', 'test="9', 'test="9'],
	["Set nameless cookie followed by '=' to its value", '=test10', 'test10'],
	[
		'Set cookie with large value ( = 4kb)',
		`test=11${'a'.repeat(4089)}`,
		`test=11${'a'.repeat(4089)}`
	],
	['Ignore cookie with large value ( > 4kb)', `test=12${'a'.repeat(4091)}`, ''],
	['Set cookie but ignore value after LF', 'test=13\nZYX', 'test=13'],
	['Set cookie ignoring whitespace after value endquote', 'test="14 "   ;', 'test="14 "'],
	['Ignore whitespace and ; after value', 'test=15    ;', 'test=15'],
	['Ignore whitespace preceding value', 'test=  16', 'test=16'],
	['Set cookie with quotes in value', 'test="17"', 'test="17"'],
	['Set cookie keeping whitespace inside quoted value', 'test="  18 "', 'test="  18 "'],
	['Set cookie value ignoring characters after semicolon', 'test="19;wow"', 'test="19'],
	['Set cookie with another = inside quoted value', 'test="20=20"', 'test="20=20"'],
	[
		'Set cookie ignoring whitespace surrounding value and characters after first semicolon',
		'test\t=\t21\t \t;\tttt',
		'test=21'
	],
	[
		'Set valueless cookie, given `Set-Cookie: test22=`',
		['testA=22', 'test22=', 'testB=22'],
		'testA=22; test22=; testB=22'
	],
	['URL-encoded cookie value is not decoded', 'test=%32%33', 'test=%32%33']
]);

const EXPIRES_2100 = 'Expires=Fri, 01 Jan 2100 00:00:00 GMT';
/** The attribute sets of `value-overwrite.https.window.js`, in its order. */
const OVERWRITE_ATTRIBUTES = [
	'Path=/',
	'Path=/; Secure',
	'Path=/; HttpOnly',
	'Path=/; SameSite=Strict',
	'Path=/; SameSite=Lax',
	'Path=/; SameSite=None; Secure',
	`Path=/; ${EXPIRES_2100}`,
	`Path=/; Secure; HttpOnly; SameSite=Strict; ${EXPIRES_2100}`
];
const OVERWRITE_FILE = 'cookies/value/value-overwrite.https.window.js';
const OVERWRITE_PAGE = `${SECURE_ORIGIN}/cookies/value/value-overwrite.https.window.html`;
const COOKIE_PY = `${SECURE_ORIGIN}/cookies/resources/cookie.py`;
/** `list.py` shows the server's view, HttpOnly cookies included: the `Cookie` header. */
const LIST_PY = {
	via: 'fetch',
	page: OVERWRITE_PAGE,
	url: `${SECURE_ORIGIN}/cookies/resources/list.py`
} as const;

/** `overwriteTest`: the cookies in separate responses, or all in one. */
function overwrite(
	index: number,
	subtest: string,
	cookies: string[],
	separate: boolean,
	expected: string
): WptRow {
	const set = (setCookies: string[]) => ({
		via: 'fetch' as const,
		page: OVERWRITE_PAGE,
		url: COOKIE_PY,
		setCookies
	});
	const steps = separate ? cookies.map((cookie) => set([cookie])) : [set(cookies)];
	return row(OVERWRITE_FILE, index, 'value', subtest, steps, LIST_PY, expected);
}

const OVERWRITE: WptRow[] = [
	...OVERWRITE_ATTRIBUTES.flatMap((attributes, i) => [
		overwrite(
			2 * i + 1,
			`Overwrite value via separate responses with '${attributes}'`,
			[`test=1; ${attributes}`, `test=2; ${attributes}`],
			true,
			'test=2'
		),
		overwrite(
			2 * i + 2,
			`Overwrite value via a single response with '${attributes}'`,
			[`test=1; ${attributes}`, `test=2; ${attributes}`],
			false,
			'test=2'
		)
	]),
	overwrite(
		17,
		"Overwrite value via a single response with 'Path=/; Max-Age=1000'",
		['test=1; Path=/; Max-Age=1000', 'test=2; Path=/; Max-Age=1000'],
		false,
		'test=2'
	),
	overwrite(
		18,
		'Overwrite value with the empty value',
		['test=1; Path=/', 'test=; Path=/'],
		true,
		'test='
	),
	overwrite(
		19,
		'Overwrite the empty value with a value',
		['test=; Path=/', 'test=1; Path=/'],
		true,
		'test=1'
	)
];

/** `cookieStringWithNameAndValueLengths` of cookie-test.js. */
const sized = (name: number, value: number) => `${'t'.repeat(name)}=${'1'.repeat(value)}`;

const NAME_AND_VALUE = httpCookieRows('size', 'cookies/size/name-and-value.html', [
	[
		'Set max-size cookie with largest possible name and value (4096 bytes)',
		sized(2048, 2048),
		sized(2048, 2048)
	],
	['Ignore cookie with name larger than 4096 and 1 byte value', sized(4097, 1), ''],
	['Set max-size value-less cookie', sized(4096, 0), sized(4096, 0)],
	['Ignore value-less cookie with name larger than 4096 bytes', sized(4097, 0), ''],
	['Set max-size cookie with largest possible value (4095 bytes)', sized(1, 4095), sized(1, 4095)],
	[
		'Ignore named cookie (with non-zero length) and value larger than 4095 bytes',
		sized(1, 4096),
		''
	],
	[
		'Ignore named cookie with length larger than 4095 bytes, and a non-zero value',
		sized(4096, 1),
		''
	],
	['Set max-size name-less cookie', sized(0, 4096), sized(0, 4096).slice(1)],
	['Ignore name-less cookie with value larger than 4096 bytes', sized(0, 4097), ''],
	[
		'Ignore name-less cookie (without leading =) with value larger than 4096 bytes',
		sized(0, 4097).slice(1),
		''
	]
]);

/** The page opens on the `www.` host; `{{host}}` is the bare host. */
const WWW = 'http://www.web-platform.test';
const HOST = 'web-platform.test';
const ATTRIBUTE_SIZE = httpCookieRows(
	'size',
	'cookies/size/attributes.www.sub.html',
	[
		[
			'Too long path attribute (>1024 bytes) is ignored; previous valid path wins.',
			`test=1; path=/cookies/size; path=/cookies/siz${'e'.repeat(1024)}`,
			'test=1',
			false
		],
		[
			'Too long path attribute (>1024 bytes) is ignored; next valid path wins.',
			`test=2; path=/cookies/siz${'e'.repeat(1024)}; path=/cookies/size`,
			'test=2',
			false
		],
		[
			'Too long domain attribute (>1024 bytes) is ignored; previous valid domain wins.',
			`test=3; domain=${HOST}; domain=${'a'.repeat(1024)}.com`,
			'test=3'
		],
		[
			'Too long domain attribute (>1024 bytes) is ignored; next valid domain wins.',
			`test=4; domain=${'a'.repeat(1024)}.com; domain=${HOST}`,
			'test=4'
		]
	],
	WWW
);

const ORDERING_FILE = 'cookies/ordering/resources/ordering-child.sub.html';
const ORDERING_PAGE = `${WWW}/${ORDERING_FILE}`;
/** `httpRedirectCookieTest`: set from the child page, read at `location`. */
function ordering(index: number, subtest: string, cookies: string[], expected: string): WptRow {
	return row(
		ORDERING_FILE,
		index,
		'ordering',
		subtest,
		[
			{
				via: 'fetch',
				page: ORDERING_PAGE,
				url: `${WWW}/cookies/resources/cookie.py`,
				setCookies: cookies
			}
		],
		navigateTo(`${WWW}/cookies/attributes/resources/path/one.html`),
		expected
	);
}

const ORDERING: WptRow[] = [
	ordering(
		1,
		'Cookies with longer path attribute values are ordered before shorter ones',
		[
			'testA=1',
			'testB=1; path=/cookies',
			'testC=1; path=/',
			'testD=1; path=/cooking',
			`testE=1; domain=.${HOST}; path=/`,
			`testF=1; domain=.${HOST}; path=/cookies/attributes`
		],
		'testF=1; testB=1; testC=1; testE=1'
	),
	ordering(
		2,
		'Cookies with longer path attribute values are ordered before shorter ones (2)',
		[
			'testA=2',
			'testB=2; path=/cookies/attributes/resources',
			'testC=2; path=/',
			'testD=2; path=/cooking',
			`testE=2; domain=.${HOST}`,
			`testF=2; domain=.${HOST}; path=/cookies/attributes`,
			`testG=2; domain=.${HOST}; path=/cookies/attributes/resources/path`,
			'testH=2; path=/cookies'
		],
		'testG=2; testB=2; testF=2; testH=2; testC=2'
	),
	ordering(
		3,
		'Cookies with longer paths are listed before cookies with shorter paths',
		[
			'testA=3; path=/cookies/attributes/resources/path',
			'testB=3; path=/cookies/attributes/resources/path/one.html',
			'testC=3; path=/cookies/attributes'
		],
		'testB=3; testA=3; testC=3'
	),
	ordering(
		4,
		'For equal length paths, list the cookie with an earlier creation time first',
		[
			'testZ=4; path=/cookies',
			'testB=4; path=/cookies/attributes/resources/path',
			'testA=4; path=/cookies'
		],
		'testB=4; testZ=4; testA=4'
	)
];

/** Every row transcribed from `cookies/value/`, `cookies/size/` and `cookies/ordering/`. */
export const VALUE_SIZE_ORDERING_ROWS: WptRow[] = [
	...VALUE,
	...OVERWRITE,
	...NAME_AND_VALUE,
	...ATTRIBUTE_SIZE,
	...ORDERING
];
