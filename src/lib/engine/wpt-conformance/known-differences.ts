/**
 * Rows the simulation answers differently from the WPT expectation today, each with its reason.
 * The test asserts that each listed row still differs, so a fix shows up as a failure that says
 * "move this row out of the list".
 */
import type { BrowserKind } from '../browser-kinds';

/** Why a row differs, and for which browser kinds (all when `kinds` is absent). */
export interface KnownDifference {
	reason: string;
	kinds?: readonly BrowserKind[];
}

/**
 * The files that run the SameSite matrix of `rows-samesite-matrix.ts` with redirects (the
 * `window-open` files never redirect: they open `origin` itself).
 */
const MATRIX_FILES = [
	'cookies/rfc6265bis/samesite/fetch.html',
	'cookies/rfc6265bis/samesite/img.html',
	'cookies/rfc6265bis/samesite/form-post-blank.html',
	'cookies/rfc6265bis/samesite/form-get-blank.html',
	'cookies/samesite-by-default/fetch-samesitebydefault.tentative.html',
	'cookies/samesite-by-default/img-samesitebydefault.tentative.html',
	'cookies/samesite-by-default/form-post-blank-samesitebydefault.tentative.html',
	'cookies/samesite-by-default/form-get-blank-samesitebydefault.tentative.html'
];

const REDIRECT_OUT =
	'Per-hop same-site context (RFC 6265bis §5.2.1): a request from the page to its own site that ' +
	'is redirected to another site keeps the first hop’s same-site context in the world, so ' +
	'Strict and Lax cookies go to the other site. Browsers judge the hop that reaches it.';
const REDIRECT_BACK =
	'Per-hop same-site context (RFC 6265bis §5.2.1): a request to another site that is redirected ' +
	'back to the page’s own site keeps the cross-site context of its first hop in the world. This ' +
	'WPT file judges the final URL only, so it expects Strict and Lax cookies there.';

/** Cases 6 and 9 go cross-site then back; 10 and 11 leave the page's site on the second hop. */
function redirectRows(): Record<string, KnownDifference> {
	const rows: Record<string, KnownDifference> = {};
	for (const file of MATRIX_FILES) {
		for (const index of [6, 9]) rows[`${file}#${index}`] = { reason: REDIRECT_BACK };
		for (const index of [10, 11]) rows[`${file}#${index}`] = { reason: REDIRECT_OUT };
	}
	return rows;
}

const CHROME_CROSS_SITE_DEFAULT =
	'Chrome treats a cookie without SameSite as Lax (RFC 6265bis §5.7 leaves the default to the ' +
	'browser), so it does not go with a cross-site fetch, and real Chrome does not even store it ' +
	'from a cross-site response. The file predates Lax-by-default; real Chrome differs from it too.';

/** By row id (`<WPT file>#<subtest number>`). */
export const KNOWN_DIFFERENCES: Readonly<Record<string, KnownDifference>> = {
	'cookies/bytes.window.js#2': {
		reason:
			'A CR inside a `Set-Cookie` value: WPT expects the cookie kept, its value cut at the CR; ' +
			'the jar ignores the whole header as holding a control character, as RFC 6265bis §5.6 ' +
			'step 1 says (the http-state table takes the same side for DISABLED_CHROMIUM0023).'
	},
	'cookies/value/value.html#13': {
		reason:
			'Bare LF in a header: on the wire a bare LF ends the header line (RFC 9112 §2.2 lets a ' +
			'recipient treat LF as a line terminator), so browsers store `test=13`; the jar sees the LF ' +
			'inside the value and ignores the whole header as holding a control character (RFC 6265bis §5.6).'
	},
	...Object.fromEntries(
		[2, 4, 6, 8].map((index) => [
			`cookies/rfc6265bis/prefix/__secure.http.secure.html#${index}`,
			{ reason: CHROME_CROSS_SITE_DEFAULT, kinds: ['Chrome'] as const }
		])
	),
	...redirectRows(),
	'cookies/samesite-by-default/setcookie-lax-samesitebydefault.tentative.html#2': {
		reason:
			'Chrome’s Lax-by-default when storing (RFC 6265bis §5.7): a response to a cross-site ' +
			'subresource request may not set a cookie that counts as Lax, and in Chrome one without ' +
			'SameSite does; the jar applies Lax-by-default only when sending.',
		kinds: ['Chrome']
	},
	'cookies/samesite-by-default/setcookie-navigation-samesitebydefault.tentative.html#4': {
		reason:
			'SameSite when storing (RFC 6265bis §5.7): a top-level navigation may set cookies of any ' +
			'SameSite, even a cross-site POST; the jar refuses Strict and Lax from a response whose ' +
			'request was cross-site, whatever its kind.'
	}
};
