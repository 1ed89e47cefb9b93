/**
 * The shape of one row of the web-platform-tests (WPT) `cookies/` conformance table: a WPT
 * subtest transcribed as data, to be run through a world's own commands.
 */
import type { BrowserKind } from '../browser-kinds';

/** The origins WPT's `cookie-helper.sub.js` names, with the hosts of a default WPT checkout. */
export const ORIGIN = 'http://web-platform.test';
/** `SECURE_ORIGIN`: the same host over https. */
export const SECURE_ORIGIN = 'https://web-platform.test';
/** `SUBDOMAIN_ORIGIN` (`www1.`), over https as in the `.https.html` SameSite tests. */
export const SECURE_SUBDOMAIN_ORIGIN = 'https://www1.web-platform.test';
/** `CROSS_SITE_ORIGIN` (`hosts[alt]`), over https. */
export const SECURE_CROSS_SITE_ORIGIN = 'https://not-web-platform.test';

/**
 * How the browser makes a request, in the world's own commands:
 * - `fetch`: the page's script fetches the URL (`press-get`); same-site, as the page is.
 * - `navigate`: the person opens the URL (`navigate`); a same-site top-level GET.
 * - `form`: the page submits a form to the URL (`submit-form`); a same-site top-level POST.
 * - `cross-site-image`, `cross-site-link`, `cross-site-form`: a page on another site loads the
 *   URL as an image, the person follows its link, or it posts a form there (`cross-site`).
 */
export type Via =
	'fetch' | 'navigate' | 'form' | 'cross-site-image' | 'cross-site-link' | 'cross-site-form';

/** One request the row makes: `url` answers with the row's `Set-Cookie` headers when set. */
export interface RequestStep {
	via: Via;
	/** The page the request is made from; for `navigate`, the URL typed. */
	page: string;
	/** The URL requested (for `navigate`, the same as `page`). */
	url: string;
	/** `Set-Cookie` values the server answers with, in order (WPT's `cookie.py?set=`). */
	setCookies?: string[];
	/** Redirect through the server first (WPT's `redirectWithCORSHeaders.py?status=307`). */
	redirectFrom?: string;
}

/** A step of a row: a request, or virtual time passing. */
export type Step = RequestStep | { advanceMs: number };

/** The expected `Cookie` header, `''` for none; per browser kind where they differ. */
export type Expected = string | ({ default: string } & Partial<Record<BrowserKind, string>>);

/** One WPT subtest as data. */
export interface WptRow {
	/** Unique and stable: the key of the known-differences list. */
	id: string;
	/** The folder under `cookies/`, for the figures (e.g. `attributes`, `samesite`). */
	folder: string;
	/** The WPT source file, from the repository root. */
	file: string;
	/** The subtest's name as WPT reports it. */
	subtest: string;
	/** Requests that set cookies, in order. */
	steps: Step[];
	/** The request whose `Cookie` header is checked. */
	check: RequestStep;
	/** Compare only these cookies' pairs (WPT asserts on named cookies), in header order. */
	names?: string[];
	/** Check what the page's script sees (`document.cookie`) instead of the `Cookie` header. */
	script?: boolean;
	expected: Expected;
}

/** What a row's expected answer is for one browser kind. */
export function expectedFor(row: WptRow, kind: BrowserKind): string {
	const { expected } = row;
	if (typeof expected === 'string') return expected;
	return expected[kind] ?? expected.default;
}

/** Subtests read in one WPT file, with how many became rows and why the rest did not. */
export interface FileReading {
	folder: string;
	file: string;
	/** Subtests in the file. */
	read: number;
	/** Why the subtests without a row cannot be expressed. */
	notExpressed?: string;
}
