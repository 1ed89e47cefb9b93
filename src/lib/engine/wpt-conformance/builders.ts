/**
 * Builders that turn the shape of a WPT helper (`httpCookieTest`, the SameSite `create_test`)
 * into rows, so that each data file reads like the WPT file it transcribes.
 */
import { ORIGIN } from './types';
import type { Expected, RequestStep, Step, WptRow } from './types';

/** `httpCookieTest(cookie, expected, name, defaultPath)` as plain data. */
export type HttpCookieCase = [
	subtest: string,
	cookie: string | string[],
	expected: Expected,
	defaultPath?: boolean
];

/**
 * WPT's `httpCookieTest` (cookies/resources/cookie-test.js): the test page fetches
 * `/cookies/resources/cookie.py`, which answers with the `Set-Cookie` headers; the cookies are
 * then read at the default path `/cookies/resources`, or on the page itself when
 * `defaultPath` is false. The check here is the `Cookie` header of that read.
 * @param origin the page's origin (`https://…` for `.https.` files)
 */
export function httpCookieRows(
	folder: string,
	file: string,
	cases: readonly HttpCookieCase[],
	origin = ORIGIN
): WptRow[] {
	const page = `${origin}/${file}`;
	return cases.map(([subtest, cookie, expected, defaultPath = true], index) => ({
		id: `${file}#${index + 1}`,
		folder,
		file,
		subtest,
		steps: [
			{
				via: 'fetch',
				page,
				url: `${origin}/cookies/resources/cookie.py`,
				setCookies: typeof cookie === 'string' ? [cookie] : cookie
			}
		],
		check: navigateTo(defaultPath ? `${origin}/cookies/resources/echo-cookie.html` : page),
		expected
	}));
}

/** A same-site top-level GET the person makes by opening `url`. */
export function navigateTo(url: string, setCookies?: string[]): RequestStep {
	return setCookies
		? { via: 'navigate', page: url, url, setCookies }
		: { via: 'navigate', page: url, url };
}

/** A row whose steps are given in full. */
export function row(
	file: string,
	index: number,
	folder: string,
	subtest: string,
	steps: Step[],
	check: RequestStep,
	expected: Expected,
	extra: Pick<WptRow, 'names' | 'script'> = {}
): WptRow {
	return { id: `${file}#${index}`, folder, file, subtest, steps, check, expected, ...extra };
}
