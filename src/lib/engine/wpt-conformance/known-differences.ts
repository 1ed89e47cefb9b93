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

/** The two copies of the SameSite matrix's form files (`rows-samesite-matrix.ts`). */
const FORM_FILES = {
	get: [
		'cookies/rfc6265bis/samesite/form-get-blank.html',
		'cookies/samesite-by-default/form-get-blank-samesitebydefault.tentative.html'
	],
	post: [
		'cookies/rfc6265bis/samesite/form-post-blank.html',
		'cookies/samesite-by-default/form-post-blank-samesitebydefault.tentative.html'
	]
};

const TYPED_NAVIGATION =
	'The world navigates a top-level window only as a typed URL, which has no initiator and is ' +
	'same-site at every hop (as measured in Chromium 150, tests/e2e/same-site-oracle.spec.ts). ' +
	'WPT submits the form from a page, so a hop that reaches another site is only laxly ' +
	'same-site (RFC 6265bis §5.2.1) and Strict cookies stay home. The model has no command for a ' +
	'same-site form GET from a page.';

const LAX_POST =
	'Chrome’s Lax+POST exception: a cookie without SameSite that is at most two minutes old goes ' +
	'with a cross-site top-level POST. It is temporary and Chrome-only, and real Chromium 150 ' +
	'still does it (tests/e2e/same-site-oracle.spec.ts); the WPT file expects the cookie kept home.';

/** Rows where the model's commands or Chrome's shipped behaviour differ from the WPT file. */
function formRows(): Record<string, KnownDifference> {
	const rows: Record<string, KnownDifference> = {};
	for (const file of FORM_FILES.get) {
		for (const index of [10, 11]) rows[`${file}#${index}`] = { reason: TYPED_NAVIGATION };
	}
	for (const file of FORM_FILES.post) {
		for (const index of [3, 10, 11, 12]) {
			rows[`${file}#${index}`] = { reason: LAX_POST, kinds: ['Chrome'] };
		}
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
	...Object.fromEntries(
		[2, 4, 6, 8].map((index) => [
			`cookies/rfc6265bis/prefix/__secure.http.secure.html#${index}`,
			{ reason: CHROME_CROSS_SITE_DEFAULT, kinds: ['Chrome'] as const }
		])
	),
	...formRows()
};
