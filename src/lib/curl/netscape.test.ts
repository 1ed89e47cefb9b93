import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	formatNetscape,
	formatNetscapeLine,
	NETSCAPE_HEADER,
	parseNetscape,
	type NetscapeCookie
} from './netscape';

const SESSION: NetscapeCookie = {
	domain: 'myapp.example',
	includeSubdomains: false,
	path: '/',
	secure: false,
	expires: 0,
	name: 'dancer.session',
	value: 'abc',
	httpOnly: true
};

describe('formatNetscapeLine', () => {
	it.each<[string, NetscapeCookie, string | null]>([
		[
			'an HttpOnly session cookie',
			SESSION,
			'#HttpOnly_myapp.example\tFALSE\t/\tFALSE\t0\tdancer.session\tabc'
		],
		[
			'a domain cookie',
			{ ...SESSION, httpOnly: false, includeSubdomains: true, domain: 'example.com' },
			'.example.com\tTRUE\t/\tFALSE\t0\tdancer.session\tabc'
		],
		[
			'a secure persistent cookie',
			{ ...SESSION, httpOnly: false, secure: true, expires: 1798761600, path: '/api' },
			'myapp.example\tFALSE\t/api\tTRUE\t1798761600\tdancer.session\tabc'
		],
		[
			'an empty value',
			{ ...SESSION, httpOnly: false, value: '' },
			'myapp.example\tFALSE\t/\tFALSE\t0\tdancer.session\t'
		],
		['a value with a TAB', { ...SESSION, value: 'a\tb' }, null],
		['a name with a newline', { ...SESSION, name: 'a\nb' }, null]
	])('writes %s', (_label, cookie, line) => {
		expect(formatNetscapeLine(cookie)).toBe(line);
	});

	it("writes curl's header first", () => {
		const text = formatNetscape([SESSION]);
		expect(text.startsWith('# Netscape HTTP Cookie File\n')).toBe(true);
		expect(text).toBe(`${NETSCAPE_HEADER}\n${formatNetscapeLine(SESSION)}\n`);
	});
});

describe('parseNetscape', () => {
	it.each<[string, string, Partial<NetscapeCookie>[]]>([
		['a curl file', formatNetscape([SESSION]), [SESSION]],
		[
			'CRLF line ends',
			`# c\r\nmyapp.example\tFALSE\t/\tFALSE\t0\ta\tb\r\n`,
			[{ name: 'a', value: 'b' }]
		],
		['six fields (empty value)', 'h.example\tFALSE\t/\tFALSE\t0\ta', [{ name: 'a', value: '' }]],
		[
			'a leading dot',
			'.h.example\tTRUE\t/\tTRUE\t5\ta\tb',
			[{ domain: 'h.example', includeSubdomains: true, secure: true, expires: 5 }]
		],
		['comments and blanks', '# comment\n\n   \n', []],
		['too few fields', 'h.example\tFALSE\t/', []],
		['a bad expiry', 'h.example\tFALSE\t/\tFALSE\tsoon\ta\tb', [{ expires: 0 }]]
	])('reads %s', (_label, text, cookies) => {
		const parsed = parseNetscape(text);
		expect(parsed).toHaveLength(cookies.length);
		cookies.forEach((cookie, index) => expect(parsed[index]).toMatchObject(cookie));
	});

	it('reads back what it writes', () => {
		const field = fc
			.string({ minLength: 1 })
			.filter((text) => !/[\t\r\n]/.test(text) && text.trim() === text);
		const cookie = fc.record({
			domain: fc.domain(),
			includeSubdomains: fc.boolean(),
			path: fc.constantFrom('/', '/api', '/a/b'),
			secure: fc.boolean(),
			expires: fc.nat(),
			name: field.filter((text) => !text.startsWith('#')),
			value: fc.string().filter((text) => !/[\t\r\n]/.test(text)),
			httpOnly: fc.boolean()
		});
		fc.assert(
			fc.property(fc.array(cookie, { maxLength: 5 }), (cookies) => {
				expect(parseNetscape(formatNetscape(cookies))).toEqual(cookies);
			})
		);
	});
});
