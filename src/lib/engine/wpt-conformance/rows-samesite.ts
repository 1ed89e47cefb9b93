/**
 * WPT's SameSite tests (`cookies/rfc6265bis/samesite/`, `cookies/samesite/`,
 * `cookies/samesite-by-default/`): which SameSite cookies go with same-site, subdomain and
 * cross-site requests, with and without a redirect, and which ones a response may set.
 */
import { navigateTo, row } from './builders';
import { ORIGIN } from './types';
import type { Expected, RequestStep, Via, WptRow } from './types';

/** The origins of `cookie-helper.sub.js` in the http test files. */
const SUBDOMAIN_ORIGIN = 'http://www1.web-platform.test';
const CROSS_SITE_ORIGIN = 'http://not-web-platform.test';

/** `SameSiteStatus`: what the request counts as. */
type Status = 'strict' | 'lax' | 'cross-site';

/**
 * `rfc6265bis/resources/setSameSite.py`: Strict, Lax, an invalid SameSite, and one without
 * SameSite (`samesite_none` in that version), all `path=/`.
 */
const SAME_SITE_COOKIES = [
	'samesite_strict=1; SameSite=Strict; path=/',
	'samesite_lax=1; SameSite=Lax; path=/',
	'samesite_invalid=1; SameSite=Invalid; path=/',
	'samesite_none=1; path=/'
];
const CHECKED = ['samesite_strict', 'samesite_lax', 'samesite_none'];

/**
 * `verifySameSiteCookieState`. `samesite_none` carries no SameSite attribute, so Chrome, which
 * treats it as Lax, keeps it home from cross-site requests: the answer of
 * `cookies/samesite-by-default/*-samesitebydefault.tentative.html` for that cookie.
 */
function expectedFor(status: Status): Expected {
	if (status === 'strict') return 'samesite_strict=1; samesite_lax=1; samesite_none=1';
	if (status === 'lax') return 'samesite_lax=1; samesite_none=1';
	return { default: 'samesite_none=1', Chrome: '' };
}

const sameSiteAsPage = (origin: string) => origin === ORIGIN || origin === SUBDOMAIN_ORIGIN;

/** How each file's page makes its request, to its own site and to another. */
const HOW: Record<string, { same: Via; cross: Via; target: string }> = {
	'fetch.html': {
		same: 'fetch',
		cross: 'cross-site-image',
		target: '/cookies/rfc6265bis/resources/list.py'
	},
	'img.html': {
		same: 'fetch',
		cross: 'cross-site-image',
		target: '/cookies/rfc6265bis/resources/imgIfMatch.py'
	},
	'form-post-blank.html': {
		same: 'form',
		cross: 'cross-site-form',
		target: '/cookies/rfc6265bis/resources/postToParent.py'
	},
	// A form GET to another window is a top-level GET: the same request as following a link.
	'form-get-blank.html': {
		same: 'navigate',
		cross: 'cross-site-link',
		target: '/cookies/rfc6265bis/resources/postToParent.py'
	},
	'window-open.html': {
		same: 'navigate',
		cross: 'cross-site-link',
		target: '/cookies/rfc6265bis/resources/postToParent.py'
	}
};

/** One `create_test(origin, target, status, title)`; `redirect` is `redirectTo(redirect, origin)`. */
type Case = [origin: string, redirect: string | null, status: Status, title: string];

/**
 * The twelve cases every file in `rfc6265bis/samesite/` runs, with its own wording. Cookies are
 * reset on `origin` by a window of that origin, as `resetSameSiteCookies` does: a same-site set.
 */
function casesFor(noun: string, cross: Status): Case[] {
	const O = ORIGIN;
	const S = SUBDOMAIN_ORIGIN;
	const C = CROSS_SITE_ORIGIN;
	const crossWord = cross === 'lax' ? 'laxly same-site' : 'cross-site';
	return [
		[O, null, 'strict', `Same-host ${noun} are strictly same-site`],
		[S, null, 'strict', `Subdomain ${noun} are strictly same-site`],
		[C, null, cross, `Cross-site ${noun} are ${crossWord}`],
		[O, O, 'strict', `Same-host redirecting to same-host ${noun} are strictly same-site`],
		[O, S, 'strict', `Subdomain redirecting to same-host ${noun} are strictly same-site`],
		[O, C, 'strict', `Cross-site redirecting to same-host ${noun} are strictly same-site`],
		[S, O, 'strict', `Same-host redirecting to subdomain ${noun} are strictly same-site`],
		[S, S, 'strict', `Subdomain redirecting to subdomain ${noun} are strictly same-site`],
		[S, C, 'strict', `Cross-site redirecting to subdomain ${noun} are strictly same-site`],
		[C, O, cross, `Same-host redirecting to cross-site ${noun} are ${crossWord}`],
		[C, S, cross, `Subdomain redirecting to cross-site ${noun} are ${crossWord}`],
		[C, C, cross, `Cross-site redirecting to cross-site ${noun} are ${crossWord}`]
	];
}

function sameSiteFile(file: string, noun: string, cross: Status): WptRow[] {
	const how = HOW[file];
	const page = `${ORIGIN}/cookies/rfc6265bis/samesite/${file}`;
	return casesFor(noun, cross).map(([origin, redirect, status, title], index) => {
		const first = redirect ?? origin;
		const via = sameSiteAsPage(first) ? how.same : how.cross;
		const url = `${origin}${how.target}`;
		const check: RequestStep = {
			via,
			page: via === 'navigate' ? url : page,
			url,
			...(redirect ? { redirectFrom: redirect } : {})
		};
		const reset = navigateTo(
			`${origin}/cookies/rfc6265bis/resources/setSameSite.py`,
			SAME_SITE_COOKIES
		);
		return row(
			`cookies/rfc6265bis/samesite/${file}`,
			index + 1,
			'rfc6265bis/samesite',
			title,
			[reset],
			check,
			expectedFor(status),
			{ names: CHECKED }
		);
	});
}

const RFC6265BIS_SAMESITE: WptRow[] = [
	...sameSiteFile('fetch.html', 'fetches', 'cross-site'),
	...sameSiteFile('img.html', 'images', 'cross-site'),
	...sameSiteFile('form-post-blank.html', 'top-level form POSTs', 'cross-site'),
	...sameSiteFile('window-open.html', 'auxiliary navigations', 'lax'),
	...sameSiteFile('form-get-blank.html', 'top-level form GETs', 'lax')
];

/**
 * `cookies/resources/setSameSite.py`, the current version: SameSite=None must be Secure, so on
 * the plain-http pages below only Strict, Lax and the unspecified cookie can be observed.
 */
const CURRENT_COOKIES = [
	'samesite_strict=1; SameSite=Strict; path=/',
	'samesite_lax=1; SameSite=Lax; path=/',
	'samesite_none=1; SameSite=None; path=/; Secure',
	'samesite_unspecified=1; path=/'
];

const SETCOOKIE_LAX = 'cookies/samesite/setcookie-lax.html';
const puppet = (origin: string) => `${origin}/cookies/samesite/resources/puppet.html`;
const setFrom = (origin: string): RequestStep => ({
	via: origin === ORIGIN ? 'fetch' : 'cross-site-image',
	page: puppet(origin),
	url: `${ORIGIN}/cookies/resources/setSameSite.py`,
	setCookies: CURRENT_COOKIES
});

const SAMESITE: WptRow[] = [
	row(
		SETCOOKIE_LAX,
		1,
		'samesite',
		'Same-site window should be able to set `SameSite=Lax` or `SameSite=Strict` cookies.',
		[setFrom(ORIGIN)],
		navigateTo(`${ORIGIN}/${SETCOOKIE_LAX}`),
		'samesite_strict=1; samesite_lax=1',
		{ names: ['samesite_strict', 'samesite_lax'] }
	),
	row(
		SETCOOKIE_LAX,
		2,
		'samesite',
		"Cross-site window shouldn't be able to set `SameSite=Lax` or `SameSite=Strict` cookies.",
		[setFrom(CROSS_SITE_ORIGIN)],
		navigateTo(`${ORIGIN}/${SETCOOKIE_LAX}`),
		'',
		{ names: ['samesite_strict', 'samesite_lax'] }
	)
];

const NAVIGATION_FILE =
	'cookies/samesite-by-default/setcookie-navigation-samesitebydefault.tentative.html';
const NAVIGATE_PAGE = `${ORIGIN}/cookies/samesite/resources/navigate.html`;

/**
 * `navigate_test(method, origin_to)`: from `navigate.html` on ORIGIN, a top-level GET or POST
 * to `setSameSite.py` on `origin_to`, which then opens `echo-cookies.html` there.
 */
function navigation(
	index: number,
	method: 'GET' | 'POST',
	originTo: string,
	title: string
): WptRow {
	const same = originTo === ORIGIN;
	const via: Via =
		method === 'GET' ? (same ? 'navigate' : 'cross-site-link') : same ? 'form' : 'cross-site-form';
	const url = `${originTo}/cookies/resources/setSameSite.py`;
	const set: RequestStep = {
		via,
		page: via === 'navigate' ? url : NAVIGATE_PAGE,
		url,
		setCookies: CURRENT_COOKIES
	};
	const names = ['samesite_strict', 'samesite_lax', 'samesite_unspecified'];
	return row(
		NAVIGATION_FILE,
		index,
		'samesite-by-default',
		title,
		[set],
		navigateTo(`${originTo}/cookies/samesite/resources/echo-cookies.html`),
		'samesite_strict=1; samesite_lax=1; samesite_unspecified=1',
		{ names }
	);
}

const BY_DEFAULT: WptRow[] = [
	navigation(
		1,
		'GET',
		ORIGIN,
		'Same-site top-level navigation should be able to set SameSite=* cookies.'
	),
	navigation(
		2,
		'GET',
		CROSS_SITE_ORIGIN,
		'Cross-site top-level navigation should be able to set SameSite=* cookies.'
	),
	navigation(
		3,
		'POST',
		ORIGIN,
		'Same-site top-level POST should be able to set SameSite=* cookies.'
	),
	navigation(
		4,
		'POST',
		CROSS_SITE_ORIGIN,
		'Cross-site top-level POST should be able to set SameSite=* cookies.'
	)
];

/** Every SameSite row. */
export const SAMESITE_ROWS: WptRow[] = [...RFC6265BIS_SAMESITE, ...SAMESITE, ...BY_DEFAULT];
