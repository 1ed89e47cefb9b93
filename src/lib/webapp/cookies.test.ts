import { describe, expect, it } from 'vitest';
import {
	buildClearCookie,
	buildPlainCookie,
	buildSessionCookie,
	cookieValue,
	imfFixdate,
	parseCookieHeader
} from './cookies';
import { BOOK_DEFAULTS, SECURE_DEFAULTS } from './presets';
import { mergeSettings } from './settings';
import { T0 } from '$lib/testing/webapp-requests';

describe('parseCookieHeader', () => {
	it.each<[string, Array<[string, string]>]>([
		['a=1', [['a', '1']]],
		[
			'a=1; b=2',
			[
				['a', '1'],
				['b', '2']
			]
		],
		[
			'a=1;b=2',
			[
				['a', '1'],
				['b', '2']
			]
		],
		['  a = 1 ;  ', [['a', '1']]],
		['a="quoted"', [['a', 'quoted']]],
		['a="', [['a', '"']]],
		['noequals', [['', 'noequals']]],
		['a=1=2', [['a', '1=2']]],
		['=v', [['', 'v']]],
		[';;;', []],
		['', []],
		[
			'a=1; a=2',
			[
				['a', '1'],
				['a', '2']
			]
		]
	])('parses %j', (header, pairs) => {
		expect(parseCookieHeader([['Cookie', header]])).toEqual(pairs);
	});

	it('joins several Cookie headers and lets the first name win', () => {
		const headers: Array<[string, string]> = [
			['cookie', 'x=1'],
			['Cookie', 'x=2; y=3']
		];
		expect(cookieValue(headers, 'x')).toBe('1');
		expect(cookieValue(headers, 'y')).toBe('3');
		expect(cookieValue(headers, 'z')).toBeNull();
	});

	it('caps huge headers without throwing', () => {
		const huge = 'a=' + 'x'.repeat(100000) + '; b=1';
		expect(() => parseCookieHeader([['Cookie', huge]])).not.toThrow();
		expect(cookieValue([['Cookie', huge]], 'b')).toBeNull();
	});
});

describe('buildSessionCookie', () => {
	it.each<[string, Parameters<typeof mergeSettings>[1], string]>([
		['book defaults', {}, 'dancer.session=ID; Path=/; HttpOnly'],
		['no HttpOnly', { httpOnly: false }, 'dancer.session=ID; Path=/'],
		['Secure', { secure: true }, 'dancer.session=ID; Path=/; Secure; HttpOnly'],
		['SameSite', { sameSite: 'Strict' }, 'dancer.session=ID; Path=/; HttpOnly; SameSite=Strict'],
		[
			'domain and path',
			{ cookieDomain: 'myapp.example', cookiePath: '/api' },
			'dancer.session=ID; Path=/api; Domain=myapp.example; HttpOnly'
		],
		[
			'max age',
			{ maxAgeSeconds: 3600 },
			'dancer.session=ID; Path=/; Max-Age=3600; Expires=Mon, 01 Jan 2024 01:00:00 GMT; HttpOnly'
		],
		[
			'host prefix overrides path, domain, secure',
			{ hostPrefix: true, cookieName: 'sid', cookiePath: '/x', cookieDomain: 'myapp.example' },
			'__Host-sid=ID; Path=/; Secure; HttpOnly'
		]
	])('%s', (_name, changes, expected) => {
		expect(buildSessionCookie(mergeSettings(BOOK_DEFAULTS, changes), 'ID', T0)).toBe(expected);
	});

	it('builds the secure preset cookie', () => {
		expect(buildSessionCookie(SECURE_DEFAULTS, 'ID', T0)).toBe(
			'__Host-sid=ID; Path=/; Secure; HttpOnly; SameSite=Lax'
		);
	});

	it('builds clearing and plain cookies', () => {
		expect(buildClearCookie(BOOK_DEFAULTS)).toBe('dancer.session=; Path=/; Max-Age=0; HttpOnly');
		expect(buildClearCookie(SECURE_DEFAULTS)).toBe(
			'__Host-sid=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax'
		);
		expect(buildPlainCookie('lb', 'app2')).toBe('lb=app2; Path=/');
		expect(buildPlainCookie('consent', 'accepted', 31536000)).toBe(
			'consent=accepted; Path=/; Max-Age=31536000'
		);
	});

	it('formats IMF-fixdate', () => {
		expect(imfFixdate(784111777000)).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
	});
});
