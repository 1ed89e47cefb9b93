/**
 * The SameSite matrix every file of `cookies/rfc6265bis/samesite/` and
 * `cookies/samesite-by-default/` runs: cookies reset on an origin, then one request from a page
 * on ORIGIN to the same host, a subdomain or another site, with and without a redirect, and
 * which SameSite cookies go with it (`verifySameSiteCookieState`).
 */
import { navigateTo, row } from './builders';
import { ORIGIN } from './types';
import type { Expected, RequestStep, Via, WptRow } from './types';

/** The origins of `cookie-helper.sub.js` in the http test files. */
export const SUBDOMAIN_ORIGIN = 'http://www1.web-platform.test';
export const CROSS_SITE_ORIGIN = 'http://not-web-platform.test';

/** `SameSiteStatus`: what the request counts as. */
type Status = 'strict' | 'lax' | 'cross-site';

/** The cookies a version of `setSameSite.py` sets, and which of them the row checks. */
interface CookieSet {
	/** Where `setSameSite.py` and the target resources live. */
	resources: string;
	cookies: string[];
	/** The cookie without a SameSite attribute, which Chrome treats as Lax. */
	unspecified: string;
	checked: string[];
}

/**
 * `rfc6265bis/resources/setSameSite.py`: Strict, Lax, an invalid SameSite, and one without
 * SameSite (`samesite_none` in that version), all `path=/`.
 */
const RFC6265BIS_SET: CookieSet = {
	resources: '/cookies/rfc6265bis/resources',
	cookies: [
		'samesite_strict=1; SameSite=Strict; path=/',
		'samesite_lax=1; SameSite=Lax; path=/',
		'samesite_invalid=1; SameSite=Invalid; path=/',
		'samesite_none=1; path=/'
	],
	unspecified: 'samesite_none',
	checked: ['samesite_strict', 'samesite_lax', 'samesite_none']
};

/**
 * `cookies/resources/setSameSite.py`, the current version. Its `SameSite=None` cookie is
 * Secure, so on these plain-http pages it is never stored; the rows leave it out.
 */
export const CURRENT_SET: CookieSet = {
	resources: '/cookies/resources',
	cookies: [
		'samesite_strict=1; SameSite=Strict; path=/',
		'samesite_lax=1; SameSite=Lax; path=/',
		'samesite_none=1; SameSite=None; path=/; Secure',
		'samesite_unspecified=1; path=/'
	],
	unspecified: 'samesite_unspecified',
	checked: ['samesite_strict', 'samesite_lax', 'samesite_unspecified']
};

/**
 * The answer per status. The cookie without SameSite goes everywhere in Firefox and Safari,
 * and is Lax in Chrome (`verifySameSiteCookieStateWithSameSiteByDefault` in the
 * `samesite-by-default/` files), so Chrome keeps it home from cross-site requests.
 */
function expected(status: Status, set: CookieSet): Expected {
	const none = `${set.unspecified}=1`;
	if (status === 'strict') return `samesite_strict=1; samesite_lax=1; ${none}`;
	if (status === 'lax') return `samesite_lax=1; ${none}`;
	return { default: none, Chrome: '' };
}

const sameSiteAsPage = (origin: string) => origin === ORIGIN || origin === SUBDOMAIN_ORIGIN;

/** How a file's page makes its request: to its own site, to another, and to which resource. */
interface How {
	same: Via;
	cross: Via;
	target: string;
	/** `window-open*.html` opens `origin` itself, so its redirect cases never redirect. */
	opensOrigin?: boolean;
}

const FETCH: How = { same: 'fetch', cross: 'cross-site-image', target: 'list.py' };
const IMAGE: How = { same: 'fetch', cross: 'cross-site-image', target: 'imgIfMatch.py' };
const FORM_POST: How = { same: 'form', cross: 'cross-site-form', target: 'postToParent.py' };
/** A new window, or a form GET into one: a top-level GET, as following a link is. */
const TOP_LEVEL_GET: How = {
	same: 'navigate',
	cross: 'cross-site-link',
	target: 'postToParent.py'
};
const WINDOW_OPEN: How = { ...TOP_LEVEL_GET, opensOrigin: true };

/** One `create_test(origin, target, status, title)`; `redirect` is `redirectTo(redirect, origin)`. */
type Case = [origin: string, redirect: string | null, status: Status, title: string];

/** The twelve cases, in the files' order and wording. */
function cases(noun: string, cross: Status): Case[] {
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

/**
 * One file's twelve rows. Cookies are reset on `origin` by a window of that origin, as
 * `resetSameSiteCookies` does: a same-site set. The page picks its command by whether the first
 * URL it requests is on its own site.
 */
function matrixFile(
	file: string,
	folder: string,
	how: How,
	set: CookieSet,
	noun: string,
	cross: Status
): WptRow[] {
	const page = `${ORIGIN}/${file}`;
	return cases(noun, cross).map(([origin, listed, status, title], index) => {
		const redirect = how.opensOrigin ? null : listed;
		const via = sameSiteAsPage(redirect ?? origin) ? how.same : how.cross;
		const url = `${origin}${set.resources}/${how.target}`;
		const check: RequestStep = {
			via,
			page: via === 'navigate' ? url : page,
			url,
			...(redirect ? { redirectFrom: redirect } : {})
		};
		const reset = navigateTo(`${origin}${set.resources}/setSameSite.py`, set.cookies);
		return row(file, index + 1, folder, title, [reset], check, expected(status, set), {
			names: set.checked
		});
	});
}

const BIS = 'cookies/rfc6265bis/samesite';
const BY_DEFAULT = 'cookies/samesite-by-default';

/** Every matrix row. */
export const SAMESITE_MATRIX_ROWS: WptRow[] = [
	...matrixFile(
		`${BIS}/fetch.html`,
		'rfc6265bis/samesite',
		FETCH,
		RFC6265BIS_SET,
		'fetches',
		'cross-site'
	),
	...matrixFile(
		`${BIS}/img.html`,
		'rfc6265bis/samesite',
		IMAGE,
		RFC6265BIS_SET,
		'images',
		'cross-site'
	),
	...matrixFile(
		`${BIS}/form-post-blank.html`,
		'rfc6265bis/samesite',
		FORM_POST,
		RFC6265BIS_SET,
		'top-level form POSTs',
		'cross-site'
	),
	...matrixFile(
		`${BIS}/window-open.html`,
		'rfc6265bis/samesite',
		WINDOW_OPEN,
		RFC6265BIS_SET,
		'auxiliary navigations',
		'lax'
	),
	...matrixFile(
		`${BIS}/form-get-blank.html`,
		'rfc6265bis/samesite',
		TOP_LEVEL_GET,
		RFC6265BIS_SET,
		'top-level form GETs',
		'lax'
	),
	...matrixFile(
		`${BY_DEFAULT}/fetch-samesitebydefault.tentative.html`,
		'samesite-by-default',
		FETCH,
		CURRENT_SET,
		'fetches',
		'cross-site'
	),
	...matrixFile(
		`${BY_DEFAULT}/img-samesitebydefault.tentative.html`,
		'samesite-by-default',
		IMAGE,
		CURRENT_SET,
		'images',
		'cross-site'
	),
	...matrixFile(
		`${BY_DEFAULT}/form-post-blank-samesitebydefault.tentative.html`,
		'samesite-by-default',
		FORM_POST,
		CURRENT_SET,
		'top-level form POSTs',
		'cross-site'
	),
	...matrixFile(
		`${BY_DEFAULT}/form-get-blank-samesitebydefault.tentative.html`,
		'samesite-by-default',
		TOP_LEVEL_GET,
		CURRENT_SET,
		'top-level form GETs',
		'lax'
	),
	...matrixFile(
		`${BY_DEFAULT}/window-open-samesitebydefault.tentative.html`,
		'samesite-by-default',
		WINDOW_OPEN,
		CURRENT_SET,
		'auxiliary navigations',
		'lax'
	)
];
