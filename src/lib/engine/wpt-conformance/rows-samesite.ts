/**
 * WPT's SameSite tests (`cookies/rfc6265bis/samesite/`, `cookies/samesite/`,
 * `cookies/samesite-by-default/`): which SameSite cookies go with same-site, subdomain and
 * cross-site requests, with and without a redirect, and which ones a response may set.
 */
import { navigateTo, row } from './builders';
import { ORIGIN } from './types';
import type { RequestStep, Via, WptRow } from './types';

import { CROSS_SITE_ORIGIN, CURRENT_SET, SAMESITE_MATRIX_ROWS } from './rows-samesite-matrix';

const CURRENT_COOKIES = CURRENT_SET.cookies;

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

const SETCOOKIE_LAX_BY_DEFAULT =
	'cookies/samesite-by-default/setcookie-lax-samesitebydefault.tentative.html';
const BY_DEFAULT_NAMES = CURRENT_SET.checked;

/**
 * The same two windows, with the cookie without SameSite checked too. Chrome treats it as Lax,
 * so a cross-site response cannot set it there (this file's answer); Firefox and Safari, without
 * Lax-by-default, store it like a None cookie.
 */
const SETCOOKIE_BY_DEFAULT: WptRow[] = [
	row(
		SETCOOKIE_LAX_BY_DEFAULT,
		1,
		'samesite-by-default',
		'Same-site window should be able to set `SameSite=Lax`, `SameSite=Strict` cookies.',
		[setFrom(ORIGIN)],
		navigateTo(`${ORIGIN}/${SETCOOKIE_LAX_BY_DEFAULT}`),
		'samesite_strict=1; samesite_lax=1; samesite_unspecified=1',
		{ names: BY_DEFAULT_NAMES }
	),
	row(
		SETCOOKIE_LAX_BY_DEFAULT,
		2,
		'samesite-by-default',
		"Cross-site window shouldn't be able to set `SameSite=Lax` or `SameSite=Strict` cookies.",
		[setFrom(CROSS_SITE_ORIGIN)],
		navigateTo(`${ORIGIN}/${SETCOOKIE_LAX_BY_DEFAULT}`),
		{ default: 'samesite_unspecified=1', Chrome: '' },
		{ names: BY_DEFAULT_NAMES }
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
export const SAMESITE_ROWS: WptRow[] = [
	...SAMESITE_MATRIX_ROWS,
	...SAMESITE,
	...SETCOOKIE_BY_DEFAULT,
	...BY_DEFAULT
];
