import { describe, expect, it } from 'vitest';
import type { ReceiveResult } from '$lib/engine/cookie-types';
import type { HeaderList } from '$lib/engine/http';
import {
	cookieHeaderText,
	cookiesInHeader,
	NOT_KEPT,
	requestCookies,
	responseSetCookies,
	sentByHand,
	setCookieCount
} from './drawn-cookies';

describe('cookiesInHeader', () => {
	it.each([
		['', []],
		['a=1', [['a', '1']]],
		[
			'a=1; b=2',
			[
				['a', '1'],
				['b', '2']
			]
		],
		[
			'a=1;b=2;',
			[
				['a', '1'],
				['b', '2']
			]
		],
		['  dancer.session=XYZ  ', [['dancer.session', 'XYZ']]],
		['nameless', [['', 'nameless']]],
		['a=b=c', [['a', 'b=c']]],
		['a=', [['a', '']]]
	])('%j', (header, pairs) => {
		expect(cookiesInHeader(header).map((c) => [c.name, c.value])).toEqual(pairs);
	});
});

describe('requestCookies', () => {
	it.each<[string, HeaderList, string]>([
		['no Cookie header', [['Host', 'myapp.example']], ''],
		['one header', [['Cookie', 'a=1; b=2']], 'a=1; b=2'],
		[
			'any case, several headers',
			[
				['cookie', 'a=1'],
				['COOKIE', 'b=2']
			],
			'a=1; b=2'
		],
		['a nameless cookie', [['Cookie', 'x; a=1']], 'x; a=1']
	])('%s', (_, headers, text) => {
		expect(cookieHeaderText(requestCookies({ headers }))).toBe(text);
	});
});

describe('responseSetCookies', () => {
	const stored = (header: string, name: string, value: string): ReceiveResult => ({
		header,
		stored: true,
		cookie: {
			name,
			value,
			domain: 'myapp.example',
			hostOnly: true,
			path: '/',
			secure: false,
			httpOnly: true,
			sameSite: 'unset',
			expires: null,
			created: 0,
			order: 0
		}
	});
	const headers: HeaderList = [
		['Content-Type', 'text/plain'],
		['Set-Cookie', 'sid=S; Path=/; HttpOnly'],
		['Set-Cookie', 'theme=; Max-Age=0'],
		['Set-Cookie', '__Host-x=1; Path=/']
	];
	it.each<[string, ReceiveResult[], Array<[string, string, string]>]>([
		[
			'a browser stored, deleted and rejected',
			[
				stored('sid=S; Path=/; HttpOnly', 'sid', 'S'),
				{ header: 'theme=; Max-Age=0', stored: false, message: 'It deleted theme.' },
				{ header: '__Host-x=1; Path=/', stored: false, message: 'Needs Secure.' }
			],
			[
				['sid', 'S', 'stored'],
				['theme', '', 'deleted'],
				['__Host-x', '1', 'rejected']
			]
		],
		[
			'curl kept none',
			[],
			[
				['sid', 'S', 'ignored'],
				['theme', '', 'ignored'],
				['__Host-x', '1', 'ignored']
			]
		]
	])('%s', (_, received, expected) => {
		const drawn = responseSetCookies({ headers }, received);
		expect(drawn.map((d) => [d.name, d.value, d.fate])).toEqual(expected);
		for (const d of drawn) if (d.fate === 'ignored') expect(d.message).toBe(NOT_KEPT);
	});
	it('counts the Set-Cookie headers', () => {
		expect(setCookieCount({ headers })).toBe(3);
		expect(setCookieCount({ headers: [] })).toBe(0);
	});
});

describe('sentByHand', () => {
	it.each([
		['raw', true],
		['replay', true],
		['get', false],
		['cross-site', false]
	] as const)('%s', (initiator, expected) => {
		expect(sentByHand({ initiator })).toBe(expected);
	});
});
