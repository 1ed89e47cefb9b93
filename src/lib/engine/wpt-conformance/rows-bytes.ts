/**
 * WPT `cookies/bytes.window.js`: bytes outside UTF-8, and control characters, in a cookie value.
 * Header values are byte strings; as in Fetch, the byte 0xFF is the character U+00FF here.
 */
import { row } from './builders';
import { ORIGIN } from './types';
import type { RequestStep, WptRow } from './types';

const FILE = 'cookies/bytes.window.js';
const PAGE = `${ORIGIN}/cookies/bytes.window.html`;
const BYTES_PY = `${ORIGIN}/cookies/resources/bytes.py`;
/** `bytes.py?get`: the page fetches it and reads the `Cookie` header it echoes. */
const GET: RequestStep = { via: 'fetch', page: PAGE, url: BYTES_PY };
const NAMES = ['cookiesarebananas'];

/** Every row transcribed from `bytes.window.js`. */
export const BYTES_ROWS: WptRow[] = [
	row(
		FILE,
		1,
		'(top level)',
		'Cookie containing non-UTF-8 bytes',
		[
			{
				via: 'fetch',
				page: PAGE,
				url: BYTES_PY,
				setCookies: ['cookiesarebananas=\u00fftest\u00ff']
			}
		],
		GET,
		'cookiesarebananas=\u00fftest\u00ff',
		{ names: NAMES }
	),
	row(
		FILE,
		2,
		'(top level)',
		'Cookie containing control characters',
		[{ via: 'fetch', page: PAGE, url: BYTES_PY, setCookies: ['cookiesarebananas=\rtest\f'] }],
		GET,
		// WPT checks only that the header starts with the name and `=`: the value ends at the CR.
		'cookiesarebananas=',
		{ names: NAMES }
	)
];
