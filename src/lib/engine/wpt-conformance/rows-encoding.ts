/** WPT `cookies/encoding/charset.html`: UTF-8 in names and values (`httpCookieTest`). */
import { httpCookieRows } from './builders';
import type { WptRow } from './types';

/** Every row transcribed from `cookies/encoding/`. */
export const ENCODING_ROWS: WptRow[] = httpCookieRows('encoding', 'cookies/encoding/charset.html', [
	['ASCII name and utf-8 value', 'test=1春节回家路·春运完全手册', 'test=1春节回家路·春运完全手册'],
	['utf-8 name and ASCII value', 'тест=2', 'тест=2'],
	[
		'ASCII name and quoted utf-8 value',
		'test="3春节回家路·春运完全手册"',
		'test="3春节回家路·春运完全手册"'
	],
	['utf-8 name and value', '春节回=4家路·春运完全手册', '春节回=4家路·春运完全手册'],
	['quoted utf-8 name and value', '"春节回=5家路·春运完全手册"', '"春节回=5家路·春运完全手册"'],
	[
		'utf-8 name and value, with (invalid) utf-8 attribute',
		'春节回=6家路·春运; 完全手册',
		'春节回=6家路·春运'
	]
]);
